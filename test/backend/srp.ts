/**
 * Server side of Cognito's SRP-6a variant, matching amazon-cognito-identity-js AuthenticationHelper.js and
 * Amplify v6 `utils/srp`. Only BigInt and crypto.subtle, so it also runs in browsers.
 */
import { base64ToBytes, bytesToBase64, bytesToHex, concatBytes, constantTimeEqual, hexToBytes, randomBytes, utf8 } from './bytes';
import { hmac, sha256 } from './hash';

/** RFC 5054 / RFC 3526 3072-bit group: INIT_N in AuthenticationHelper.js. */
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

/** Square-and-multiply; BigInt has no built-in modular exponentiation. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new Error('negative exponent');
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    e >>= 1n;
    b = (b * b) % modulus;
  }
  return result;
}

/** Even-length hex with a leading 00 when the top bit is set (Java toByteArray), as the clients hash it. */
export function padHex(value: bigint): string {
  if (value < 0n) throw new Error('padHex expects a non-negative value');
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

export function parseHexBigInt(hex: string): bigint | undefined {
  return /^[0-9a-fA-F]+$/.test(hex) ? BigInt(`0x${hex}`) : undefined;
}

async function hashHex(hex: string): Promise<string> {
  return bytesToHex(await sha256(hexToBytes(hex)));
}

let kValue: Promise<bigint> | undefined;
function k(): Promise<bigint> {
  kValue ??= hashHex(padHex(N) + padHex(g)).then((h) => BigInt(`0x${h}`));
  return kValue;
}

/** x = H(pad(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)); doubles as the stored password hash. */
export async function computeX(poolName: string, userId: string, password: string, saltHex: string): Promise<bigint> {
  const inner = bytesToHex(await sha256(utf8(`${poolName}${userId}:${password}`)));
  return BigInt(`0x${await hashHex(padHex(BigInt(`0x${saltHex}`)) + inner)}`);
}

export function verifierFromX(x: bigint): bigint {
  return modPow(g, x, N);
}

/** Salt as the clients normalise it (padHex of a 16-byte integer), so SALT round-trips exactly. */
export function newSaltHex(): string {
  return padHex(BigInt(`0x${bytesToHex(randomBytes(16))}`));
}

export interface ServerEphemeral {
  b: bigint;
  B: bigint;
}

/** B = k·v + g^b mod N with a 256-bit b (plenty for a test double, and fast). Never 0 mod N. */
export async function serverEphemeral(verifier: bigint): Promise<ServerEphemeral> {
  const kk = await k();
  for (;;) {
    const b = BigInt(`0x${bytesToHex(randomBytes(32))}`);
    const B = (kk * verifier + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B };
  }
}

export interface ClaimCheck {
  poolName: string;
  userId: string;
  verifier: bigint;
  A: bigint;
  eph: ServerEphemeral;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/** Recomputes the client's PASSWORD_CLAIM_SIGNATURE from the server's view of S. */
export async function expectedSignature(c: Omit<ClaimCheck, 'signature'>): Promise<string> {
  const u = BigInt(`0x${await hashHex(padHex(c.A) + padHex(c.eph.B))}`);
  if (u === 0n) throw new Error('u is zero');
  const S = modPow((c.A * modPow(c.verifier, u, N)) % N, c.eph.b, N);
  // HKDF-SHA256 with a single output block: PRK = HMAC(salt=u, S); OKM = HMAC(PRK, info ‖ 0x01)[0..16].
  const prk = await hmac('SHA-256', hexToBytes(padHex(u)), hexToBytes(padHex(S)));
  const info = concatBytes(utf8('Caldera Derived Key'), new Uint8Array([1]));
  const key = (await hmac('SHA-256', prk, info)).slice(0, 16);
  const message = concatBytes(utf8(c.poolName), utf8(c.userId), base64ToBytes(c.secretBlock), utf8(c.timestamp));
  return bytesToBase64(await hmac('SHA-256', key, message));
}

export async function verifyClaim(c: ClaimCheck): Promise<boolean> {
  return constantTimeEqual(await expectedSignature(c), c.signature);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/;

/** Parses the clients' `ddd MMM D HH:mm:ss UTC YYYY` TIMESTAMP into epoch ms; undefined if malformed. */
export function parseSrpTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] ?? '');
  if (month < 0) return undefined;
  const ms = Date.UTC(Number(m[7]), month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** The format the clients send (DateHelper.getNowString), exported for tests that hand-roll SRP. */
export function formatSrpTimestamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()] ?? '';
  return `${day} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
