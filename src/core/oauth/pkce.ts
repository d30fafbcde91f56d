import { sha256 } from '../crypto/hashing';
import { bytesToBase64Url, utf8 } from '../encoding';

/** A random URL-safe string from `bytes` random bytes of `random` (state, nonce, PKCE verifier). */
export function randomToken(random: (size: number) => Uint8Array, bytes = 32): string {
  return bytesToBase64Url(random(bytes));
}

/** RFC 7636 S256: base64url(SHA-256(verifier)); Cognito accepts no other method. */
export async function pkceChallenge(verifier: string): Promise<string> {
  return bytesToBase64Url(await sha256(utf8(verifier)));
}
