import { bytesToBase64Url, utf8 } from '../encoding';

/** A random URL-safe string from `bytes` random bytes of `random` (state, nonce, PKCE verifier). */
export function randomToken(random: (size: number) => Uint8Array, bytes = 32): string {
  return bytesToBase64Url(random(bytes));
}

/** RFC 7636 S256: base64url(SHA-256(verifier)); Cognito accepts no other method. */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8(verifier) as Uint8Array<ArrayBuffer>);
  return bytesToBase64Url(new Uint8Array(digest));
}

/** Compare secrets without an early exit, so timing does not reveal how much matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
