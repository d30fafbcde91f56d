/**
 * RS256 JWT signing and verification over crypto.subtle. One 2048-bit key per backend, generated once
 * (started in the background by createBackend, awaited on first use).
 */
import { base64UrlDecode, base64UrlEncode, base64UrlJson, randomString, utf8 } from './bytes';

export type JwtClaims = Record<string, unknown>;

export interface PublicJwk {
  kty: string;
  alg: 'RS256';
  use: 'sig';
  kid: string;
  n: string;
  e: string;
}

export interface JwtSigner {
  /** The key id tokens are signed with now (changes when the key rotates). */
  readonly kid: string;
  /** Starts key generation in the background (WebCrypto runs it off the main thread in Node). */
  warmUp(): void;
  sign(claims: JwtClaims): Promise<string>;
  /** Claims when the signature is ours and the token well formed; undefined otherwise. */
  verify(token: string): Promise<JwtClaims | undefined>;
  jwks(): Promise<{ keys: PublicJwk[] }>;
  /** Signs with a new key from now on; the JWKS publishes both, as Cognito does while it rotates. */
  rotate(): void;
}

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export function createJwtSigner(): JwtSigner {
  interface SigningKey {
    // Cognito kids are base64 SHA-ish strings; any unique string works for clients.
    kid: string;
    pair: () => Promise<CryptoKeyPair>;
  }
  const newKey = (): SigningKey => {
    const kid = `${randomString(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}=`;
    let keys: Promise<CryptoKeyPair> | undefined;
    const pair = (): Promise<CryptoKeyPair> => {
      keys ??= crypto.subtle.generateKey(
        { ...ALG, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
        true,
        ['sign', 'verify'],
      );
      return keys;
    };
    return { kid, pair };
  };
  // Newest first; the one before stays published (and verifying) after a rotation.
  let published: SigningKey[] = [newKey()];
  const current = (): SigningKey => published[0]!;

  return {
    get kid() {
      return current().kid;
    },
    warmUp() {
      current().pair().catch(() => undefined);
    },
    async sign(claims) {
      const { kid, pair } = current();
      const input = `${base64UrlJson({ kid, alg: 'RS256' })}.${base64UrlJson(claims)}`;
      const sig = await crypto.subtle.sign(ALG.name, (await pair()).privateKey, utf8(input));
      return `${input}.${base64UrlEncode(new Uint8Array(sig))}`;
    },
    async verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return undefined;
      const [h, p, s] = parts as [string, string, string];
      try {
        const header: unknown = JSON.parse(new TextDecoder().decode(base64UrlDecode(h)));
        const key = isRecord(header) && header.alg === 'RS256' ? published.find((k) => k.kid === header.kid) : undefined;
        if (!key) return undefined;
        const ok = await crypto.subtle.verify(ALG.name, (await key.pair()).publicKey, base64UrlDecode(s), utf8(`${h}.${p}`));
        if (!ok) return undefined;
        const claims: unknown = JSON.parse(new TextDecoder().decode(base64UrlDecode(p)));
        return isRecord(claims) ? claims : undefined;
      } catch {
        return undefined;
      }
    },
    async jwks() {
      const keys = await Promise.all(
        published.map(async ({ kid, pair }): Promise<PublicJwk> => {
          const jwk = await crypto.subtle.exportKey('jwk', (await pair()).publicKey);
          return { kty: jwk.kty ?? 'RSA', alg: 'RS256', use: 'sig', kid, n: jwk.n ?? '', e: jwk.e ?? '' };
        }),
      );
      return { keys };
    },
    rotate() {
      published = [newKey(), current()];
      current().pair().catch(() => undefined);
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JWT payload without verifying it (tests and claims inspection). */
export function decodeJwt(token: string): JwtClaims {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('not a JWT');
  const claims: unknown = JSON.parse(new TextDecoder().decode(base64UrlDecode(payload)));
  if (!isRecord(claims)) throw new Error('JWT payload is not an object');
  return claims;
}
