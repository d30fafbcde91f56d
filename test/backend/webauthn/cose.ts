/**
 * COSE_Key (RFC 9052/9053) → a Web Crypto public key, for the two algorithms the pool offers in
 * pubKeyCredParams: ES256 (-7) and RS256 (-257). Web Crypto rather than node:crypto because the backend
 * also runs in browsers (Storybook); in Node, `crypto.subtle` is node:crypto's own implementation.
 */
import { base64UrlEncode } from '../bytes';
import { decodeCbor, isCborMap, type CborKey, type CborValue } from './cbor';
import { webAuthnFail } from './errors';

export const ES256 = -7;
export const RS256 = -257;
export type CoseAlgorithm = typeof ES256 | typeof RS256;

export interface CosePublicKey {
  alg: CoseAlgorithm;
  key: CryptoKey;
}

// COSE labels (RFC 9052 §7.1, RFC 9053 §7.1, RFC 8230 §4).
const KTY = 1;
const ALG = 3;
const EC2_CRV = -1;
const EC2_X = -2;
const EC2_Y = -3;
const RSA_N = -1;
const RSA_E = -2;
const KTY_EC2 = 2;
const KTY_RSA = 3;
const CRV_P256 = 1;

/** Accepts the encoded key (as stored) or the already-decoded map (as found inside authenticatorData). */
export async function importCoseKey(cose: Uint8Array | Map<CborKey, CborValue>): Promise<CosePublicKey> {
  const map = cose instanceof Map ? cose : decodeCoseBytes(cose);
  const kty = map.get(KTY);
  const alg = map.get(ALG);
  if (kty === KTY_EC2 && alg === ES256) return { alg, key: await importEs256(map) };
  if (kty === KTY_RSA && alg === RS256) return { alg, key: await importRs256(map) };
  throw webAuthnFail.credentialNotSupported(
    `Unsupported public key: kty ${String(kty)}, alg ${String(alg)} (supported: EC2/ES256 (-7), RSA/RS256 (-257)).`,
  );
}

function decodeCoseBytes(bytes: Uint8Array): Map<CborKey, CborValue> {
  let map: CborValue;
  try {
    map = decodeCbor(bytes);
  } catch (error) {
    throw webAuthnFail.invalidParameter(`Malformed COSE public key: ${(error as Error).message}`);
  }
  if (!isCborMap(map)) throw webAuthnFail.invalidParameter('Malformed COSE public key: not a CBOR map.');
  return map;
}

function bytesField(map: Map<CborKey, CborValue>, label: number, what: string): Uint8Array {
  const value = map.get(label);
  if (!(value instanceof Uint8Array)) throw webAuthnFail.invalidParameter(`COSE public key lacks ${what}.`);
  return value;
}

async function importEs256(map: Map<CborKey, CborValue>): Promise<CryptoKey> {
  if (map.get(EC2_CRV) !== CRV_P256) {
    throw webAuthnFail.credentialNotSupported(`Unsupported EC curve ${String(map.get(EC2_CRV))} for ES256 (P-256 = 1 only).`);
  }
  const x = bytesField(map, EC2_X, 'x');
  const y = bytesField(map, EC2_Y, 'y');
  if (x.length !== 32 || y.length !== 32) throw webAuthnFail.invalidParameter('P-256 coordinates must be 32 bytes each.');
  const jwk: JsonWebKey = { kty: 'EC', crv: 'P-256', x: base64UrlEncode(x), y: base64UrlEncode(y), ext: true };
  // importKey rejects a point that is not on the curve (an invalid-curve attack would need one).
  return importOrReject(jwk, { name: 'ECDSA', namedCurve: 'P-256' });
}

async function importRs256(map: Map<CborKey, CborValue>): Promise<CryptoKey> {
  const n = stripLeadingZeros(bytesField(map, RSA_N, 'n'));
  const e = stripLeadingZeros(bytesField(map, RSA_E, 'e'));
  // 2048 bits is the floor every current guideline (and Windows Hello's RS256 keys) meets.
  if (n.length < 256) throw webAuthnFail.credentialNotSupported(`RSA modulus of ${n.length * 8} bits is too short (2048 minimum).`);
  if (e.length === 0 || e.length > 4) throw webAuthnFail.invalidParameter('RSA public exponent is malformed.');
  const jwk: JsonWebKey = { kty: 'RSA', n: base64UrlEncode(n), e: base64UrlEncode(e), ext: true };
  return importOrReject(jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
}

async function importOrReject(jwk: JsonWebKey, algorithm: EcKeyImportParams | RsaHashedImportParams): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('jwk', jwk, algorithm, true, ['verify']);
  } catch {
    throw webAuthnFail.invalidParameter('COSE public key is not a valid key.');
  }
}

/** JWK integers carry no leading zero octets (RFC 7518 §2); COSE encoders sometimes keep a sign byte. */
function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
