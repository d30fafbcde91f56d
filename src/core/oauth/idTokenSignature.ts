import { sha256 } from '../crypto/hashing';
import { bytesToBase64Url, utf8 } from '../encoding';
import { authError } from '../normalizeError';
import { decodeJwtPayload, type JwtPayload } from '../session/jwt';
import { jwksUrl, PoolKeys } from './poolKeys';

const RS256 = Object.freeze({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const);

/**
 * The implicit flow's checks, loaded on demand (the flow is deprecated and rare): the id token's
 * signature against the pool's keys (`keys`, this engine's cache, made on first use), then `at_hash`.
 */
export async function verifyImplicitTokens(
  tokens: { idToken: string; accessToken: string },
  pool: { region: string; userPoolId: string; endpoint?: string },
  keys: { cache?: PoolKeys; fetch: ConstructorParameters<typeof PoolKeys>[0] },
): Promise<void> {
  keys.cache ??= new PoolKeys(keys.fetch);
  await verifyIdTokenSignature(tokens.idToken, keys.cache, jwksUrl(pool));
  await checkAccessTokenHash(decodeJwtPayload(tokens.idToken), tokens.accessToken);
}

/**
 * Whether each token was signed by one of the pool's keys: true, false (another algorithm, a key the
 * pool does not publish, a signature that does not verify), or undefined when the keys cannot be had
 * (offline, an unreadable key set): no verdict, so nothing is ended on it.
 */
export async function signedByPool(
  tokens: readonly string[],
  pool: { region: string; userPoolId: string; endpoint?: string },
  keys: { cache?: PoolKeys; fetch: ConstructorParameters<typeof PoolKeys>[0] },
): Promise<boolean | undefined> {
  const cache = (keys.cache ??= new PoolKeys(keys.fetch));
  const url = jwksUrl(pool);
  try {
    await cache.key(url, ''); // the key set itself, before any verdict
  } catch {
    return undefined;
  }
  try {
    for (const token of tokens) await verifyIdTokenSignature(token, cache, url);
    return true;
  } catch (error) {
    return (error as { name?: unknown }).name === 'OAuthTokenInvalid' ? false : undefined;
  }
}

function fail(what: string): never {
  throw authError('OAuthTokenInvalid', `The hosted UI returned an id token with ${what}.`, 'handleRedirect');
}

/**
 * The implicit flow's id token arrives in a URL anyone can craft, not from the token endpoint over
 * TLS: it counts only when signed with RS256 by one of the pool's keys. `alg: none`, HS256 keyed with
 * the public key, or any other algorithm is refused before a key is even looked up.
 */
export async function verifyIdTokenSignature(idToken: string, keys: PoolKeys, jwksUrl: string): Promise<void> {
  const parts = idToken.split('.');
  if (parts.length !== 3) fail('no signature');
  const [header, payload, signature] = parts as [string, string, string];
  let parsed: { alg?: unknown; kid?: unknown } | null;
  try {
    parsed = JSON.parse(new TextDecoder().decode(base64UrlToBytes(header))) as { alg?: unknown; kid?: unknown } | null;
  } catch {
    return fail('an unreadable header');
  }
  if (parsed?.alg !== 'RS256') fail('a signature algorithm other than RS256');
  if (typeof parsed.kid !== 'string') fail('no key id (kid)');
  const jwk = await keys.key(jwksUrl, parsed.kid);
  if (!jwk) fail('a key the user pool does not publish');
  let valid: boolean;
  try {
    const key = await globalThis.crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true }, RS256, false, ['verify']);
    valid = await globalThis.crypto.subtle.verify(RS256.name, key, base64UrlToBytes(signature) as Uint8Array<ArrayBuffer>, utf8(`${header}.${payload}`) as Uint8Array<ArrayBuffer>);
  } catch {
    valid = false;
  }
  if (!valid) fail('a signature that does not verify');
}

/** `at_hash`, when present, binds the access token to the (verified) id token: base64url of SHA-256's left half. */
export async function checkAccessTokenHash(idPayload: JwtPayload | undefined, accessToken: string): Promise<void> {
  const atHash = idPayload?.['at_hash'];
  if (atHash === undefined) return;
  const digest = await sha256(utf8(accessToken));
  if (atHash !== bytesToBase64Url(digest.slice(0, digest.length / 2))) fail('an at_hash that does not match the access token');
}

function base64UrlToBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new TypeError('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
