/**
 * Checks an authenticator's signature with its COSE key. WebAuthn ES256 signatures are ASN.1 DER
 * (`SEQUENCE { r INTEGER, s INTEGER }`) while Web Crypto verifies the raw r‖s form, so DER is parsed
 * here, strictly: a lax parser would accept several encodings of one signature (malleability).
 */
import type { Bytes } from '../bytes';
import { ES256, type CosePublicKey } from './cose';

export async function verifySignature(publicKey: CosePublicKey, signature: Uint8Array, data: Bytes): Promise<boolean> {
  if (publicKey.alg === ES256) {
    const raw = derToRawEcdsa(signature, 32);
    if (!raw) return false;
    return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey.key, raw, data);
  }
  return crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, publicKey.key, new Uint8Array(signature), data);
}

/** DER ECDSA signature → r‖s, each left-padded to `size` bytes; undefined when not minimal, canonical DER. */
export function derToRawEcdsa(der: Uint8Array, size: number): Bytes | undefined {
  if (der.length < 8 || der[0] !== 0x30) return undefined;
  const length = der[1] ?? 0;
  // Short-form length only: a P-256 signature is at most 72 bytes.
  if (length >= 0x80 || length !== der.length - 2) return undefined;
  const out = new Uint8Array(size * 2);
  let offset = 2;
  for (const half of [0, 1]) {
    if (der[offset] !== 0x02) return undefined;
    const intLength = der[offset + 1] ?? 0;
    const start = offset + 2;
    const end = start + intLength;
    if (intLength === 0 || intLength >= 0x80 || end > der.length) return undefined;
    const first = der[start] ?? 0;
    // Negative, or a leading zero not needed to keep the number positive: both are non-canonical.
    if (first & 0x80) return undefined;
    if (first === 0 && intLength > 1 && ((der[start + 1] ?? 0) & 0x80) === 0) return undefined;
    const value = first === 0 && intLength > 1 ? der.subarray(start + 1, end) : der.subarray(start, end);
    if (value.length > size) return undefined;
    out.set(value, size * (half + 1) - value.length);
    offset = end;
  }
  return offset === der.length ? out : undefined;
}
