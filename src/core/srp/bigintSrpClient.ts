import { base64ToBytes, bytesToBase64, concatBytes, hexToBytes, randomBytes as webCryptoRandomBytes, utf8 } from '../encoding';
import { N, bytesToHex, g, hexHash, hexToBigInt, hmacSha256, mod, modPow, multiplierK, padHex, sha256 } from './bigintMath';
import type { DeviceVerifier, PasswordClaimInput, SrpClient, SrpRound } from './srpClient';

interface KeyPair {
  a: bigint;
  A: bigint;
}

export interface BigintSrpClientOptions {
  /** Source of randomness (the private `a`, device passwords and salts); WebCrypto by default. For tests. */
  randomBytes?: (length: number) => Uint8Array;
}

/** Runs `task` when the browser is idle (within a second), or in the next macrotask where there is no idle callback. */
function later(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(task, { timeout: 1000 });
  else setTimeout(task, 0);
}

/** HKDF-SHA256 with one output block, first 16 bytes: amazon-cognito-identity-js's `computehkdf`. */
async function hkdf(ikm: Uint8Array, salt: Uint8Array): Promise<Uint8Array> {
  const prk = await hmacSha256(salt, ikm);
  const info = concatBytes(utf8('Caldera Derived Key'), new Uint8Array([1]));
  return (await hmacSha256(prk, info)).slice(0, 16);
}

/** x = H(pad(salt) ‖ H(utf8(poolName ‖ username ‖ ":" ‖ password))), as amazon-cognito-identity-js hashes it. */
async function computeX(poolName: string, username: string, password: string, salt: bigint): Promise<bigint> {
  const usernamePasswordHash = bytesToHex(await sha256(utf8(`${poolName}${username}:${password}`)));
  return hexToBigInt(await hexHash(padHex(salt) + usernamePasswordHash));
}

/**
 * SRP math on native BigInt and WebCrypto, byte for byte what amazon-cognito-identity-js computes, at a fraction
 * of its CPU time and without its `buffer`/jsbn/tslib dependencies.
 */
export function createBigintSrpClient(options: BigintSrpClientOptions = {}): SrpClient {
  const random = options.randomBytes ?? webCryptoRandomBytes;
  // The multiplier k, hashed on the first password claim and kept by this client (not the module).
  let k: Promise<bigint> | undefined;

  // One (a, A) pair computed ahead, used once. After a prepared pair is used another is made in the
  // background, so a device proof later in the same sign-in (or the next sign-in) finds one ready.
  let ready: KeyPair | undefined;
  let preparing: Promise<void> | undefined;
  const newPair = (): KeyPair => {
    const a = hexToBigInt(bytesToHex(random(128)));
    const A = modPow(g, a, N);
    if (A === 0n) throw new Error('Illegal paramater. A mod N cannot be 0.');
    return { a, A };
  };
  const prepare = (): Promise<void> => {
    if (ready) return Promise.resolve();
    // Later, never inside the caller's task (a render, a keystroke): in a browser when it is idle, after the
    // form has painted; elsewhere in the next macrotask.
    preparing ??= new Promise<void>((resolve, reject) => {
      later(() => {
        preparing = undefined;
        try {
          ready ??= newPair();
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    return preparing;
  };

  return {
    prepare,

    async start(poolName: string): Promise<SrpRound> {
      const prepared = ready;
      ready = undefined;
      const { a, A } = prepared ?? newPair();
      if (prepared) void prepare().catch(() => undefined);
      return {
        srpA: A.toString(16),
        async passwordClaim(input: PasswordClaimInput): Promise<string> {
          const B = hexToBigInt(input.srpB);
          if (mod(B, N) === 0n) throw new Error('B cannot be zero.');
          const u = hexToBigInt(await hexHash(padHex(A) + padHex(B)));
          if (u === 0n) throw new Error('U cannot be zero.');
          const x = await computeX(poolName, input.username, input.password, hexToBigInt(input.salt));
          k ??= multiplierK();
          const base = mod(B - (await k) * modPow(g, x, N), N);
          const S = modPow(base, a + u * x, N);
          const key = await hkdf(hexToBytes(padHex(S)), hexToBytes(padHex(u)));
          const message = concatBytes(
            utf8(poolName),
            utf8(input.username),
            base64ToBytes(input.secretBlock),
            utf8(input.timestamp),
          );
          return bytesToBase64(await hmacSha256(key, message));
        },
      };
    },

    async createDeviceVerifier(deviceGroupKey: string, deviceKey: string): Promise<DeviceVerifier> {
      const randomPassword = bytesToBase64(random(40));
      const saltHex = padHex(hexToBigInt(bytesToHex(random(16))));
      const x = await computeX(deviceGroupKey, deviceKey, randomPassword, hexToBigInt(saltHex));
      const verifierHex = padHex(modPow(g, x, N));
      return {
        randomPassword,
        salt: bytesToBase64(hexToBytes(saltHex)),
        passwordVerifier: bytesToBase64(hexToBytes(verifierHex)),
      };
    },
  };
}

/** The BigInt SRP client with WebCrypto randomness. */
export const bigintSrpClient: SrpClient = /* @__PURE__ */ createBigintSrpClient();
