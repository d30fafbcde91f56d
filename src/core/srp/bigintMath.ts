/**
 * Native-BigInt arithmetic and hashing for Cognito's SRP-6a variant: the same numbers and byte layouts as
 * amazon-cognito-identity-js `AuthenticationHelper`, without jsbn, `buffer` or a JS SHA-256.
 */
import { hmacSha256, sha256 } from '../crypto/hashing';
import { hexToBytes } from '../encoding';

/** RFC 3526 3072-bit MODP group: `initN` in AuthenticationHelper.js. */
const INIT_N =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${INIT_N}`);
export const g = 2n;

const HEX_MSB = /^[89a-f]/i;

/** Non-negative residue of `value` mod `modulus`. */
export function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

/**
 * amazon-cognito-identity-js's `padHex` for non-negative values: even-length lowercase hex, with a leading `00` when the top bit is
 * set (Java's `BigInteger.toByteArray`). Every value this module hashes is non-negative.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new Error('padHex expects a non-negative value');
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return HEX_MSB.test(hex) ? `00${hex}` : hex;
}

export function hexToBigInt(hex: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error('Not a hex number');
  return BigInt(`0x${hex}`);
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const WINDOW = 5;

/**
 * `base^exponent mod modulus`, left-to-right with a fixed 5-bit window (16 odd powers precomputed); for base 2
 * each window's multiply is a shift. About 1.2 multiplications per exponent bit instead of 1.5.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new Error('negative exponent');
  if (modulus === 1n) return 0n;
  const b = mod(base, modulus);
  if (exponent === 0n) return 1n;
  if (b === 0n) return 0n;
  const bits = exponent.toString(2);
  if (b === 2n) return modPow2(bits, modulus);

  // Odd powers b^1, b^3, …, b^(2^WINDOW − 1).
  const b2 = (b * b) % modulus;
  const odd: bigint[] = [b];
  for (let i = 1; i < 1 << (WINDOW - 1); i++) odd.push(((odd[i - 1] ?? 1n) * b2) % modulus);

  let result = 1n;
  let started = false;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      if (started) result = (result * result) % modulus;
      i++;
      continue;
    }
    // Longest window of at most WINDOW bits starting at i that ends in a 1.
    let end = Math.min(i + WINDOW, bits.length);
    while (bits[end - 1] === '0') end--;
    const digit = Number.parseInt(bits.slice(i, end), 2);
    if (started) for (let s = i; s < end; s++) result = (result * result) % modulus;
    const power = odd[digit >> 1] ?? 1n;
    result = started ? (result * power) % modulus : power;
    started = true;
    i = end;
  }
  return result;
}

/** `2^exponent mod modulus`: square per bit, multiply by 2^digit (a shift) per 8-bit chunk. */
function modPow2(bits: string, modulus: bigint): bigint {
  const chunk = 8;
  const first = bits.length % chunk || chunk;
  let result = mod(1n << BigInt(Number.parseInt(bits.slice(0, first), 2)), modulus);
  for (let i = first; i < bits.length; i += chunk) {
    for (let s = 0; s < chunk; s++) result = (result * result) % modulus;
    const digit = Number.parseInt(bits.slice(i, i + chunk), 2);
    if (digit !== 0) result = (result << BigInt(digit)) % modulus;
  }
  return result;
}

export { hmacSha256, sha256 };

/** amazon-cognito-identity-js's `hexHash`: SHA-256 of the hex-decoded bytes, as 64 hex digits. */
export async function hexHash(hex: string): Promise<string> {
  return bytesToHex(await sha256(hexToBytes(hex)));
}

/** k = H(pad(N) ‖ pad(g)): a constant a hash away; each SRP client keeps the one it computed. */
export function multiplierK(): Promise<bigint> {
  return hexHash(padHex(N) + padHex(g)).then(hexToBigInt);
}
