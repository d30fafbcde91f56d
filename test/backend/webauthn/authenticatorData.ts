/**
 * authenticatorData (WebAuthn §6.1): rpIdHash (32) ‖ flags (1) ‖ signCount (4, big-endian) ‖
 * [attested credential data: aaguid (16) ‖ credentialIdLength (2) ‖ credentialId ‖ COSE key (CBOR)]
 * ‖ [extensions (CBOR map)]. The COSE key has no length prefix: only decoding it tells where it ends.
 */
import { decodeCborItem, isCborMap, type CborKey, type CborValue } from './cbor';
import { webAuthnFail } from './errors';

export const FLAG_UP = 0x01;
export const FLAG_UV = 0x04;
export const FLAG_BE = 0x08;
export const FLAG_BS = 0x10;
export const FLAG_AT = 0x40;
export const FLAG_ED = 0x80;

export interface AttestedCredentialData {
  aaguid: Uint8Array;
  credentialId: Uint8Array;
  /** The COSE_Key bytes exactly as the authenticator encoded them (what gets stored). */
  publicKeyBytes: Uint8Array;
  publicKey: Map<CborKey, CborValue>;
}

export interface AuthenticatorData {
  rpIdHash: Uint8Array;
  flags: {
    /** User present. */
    up: boolean;
    /** User verified (PIN, biometrics). */
    uv: boolean;
    /** Backup eligible: a synced passkey. */
    be: boolean;
    /** Backed up. */
    bs: boolean;
    /** Attested credential data included. */
    at: boolean;
    /** Extension data included. */
    ed: boolean;
  };
  signCount: number;
  attestedCredentialData: AttestedCredentialData | undefined;
  extensions: Map<CborKey, CborValue> | undefined;
}

/** WebAuthn caps credential ids at 1023 bytes (§5.8.3). */
const MAX_CREDENTIAL_ID = 1023;

export function parseAuthenticatorData(bytes: Uint8Array): AuthenticatorData {
  if (bytes.length < 37) throw webAuthnFail.invalidParameter('authenticatorData is shorter than 37 bytes.');
  const flagsByte = bytes[32] ?? 0;
  const flags = {
    up: (flagsByte & FLAG_UP) !== 0,
    uv: (flagsByte & FLAG_UV) !== 0,
    be: (flagsByte & FLAG_BE) !== 0,
    bs: (flagsByte & FLAG_BS) !== 0,
    at: (flagsByte & FLAG_AT) !== 0,
    ed: (flagsByte & FLAG_ED) !== 0,
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signCount = view.getUint32(33);
  let offset = 37;
  let attestedCredentialData: AttestedCredentialData | undefined;
  if (flags.at) {
    if (bytes.length < offset + 18) throw webAuthnFail.invalidParameter('authenticatorData ends inside the attested credential data.');
    const aaguid = bytes.slice(offset, offset + 16);
    const idLength = view.getUint16(offset + 16);
    offset += 18;
    if (idLength === 0 || idLength > MAX_CREDENTIAL_ID || bytes.length < offset + idLength) {
      throw webAuthnFail.invalidParameter('authenticatorData has a malformed credential id.');
    }
    const credentialId = bytes.slice(offset, offset + idLength);
    offset += idLength;
    const key = cborAt(bytes, offset, 'credential public key');
    attestedCredentialData = { aaguid, credentialId, publicKeyBytes: bytes.slice(offset, key.end), publicKey: key.map };
    offset = key.end;
  }
  let extensions: Map<CborKey, CborValue> | undefined;
  if (flags.ed) {
    const ext = cborAt(bytes, offset, 'extensions');
    extensions = ext.map;
    offset = ext.end;
  }
  // Bytes nobody accounts for would be signed yet never checked.
  if (offset !== bytes.length) throw webAuthnFail.invalidParameter('authenticatorData has trailing bytes.');
  return { rpIdHash: bytes.slice(0, 32), flags, signCount, attestedCredentialData, extensions };
}

function cborAt(bytes: Uint8Array, offset: number, what: string): { map: Map<CborKey, CborValue>; end: number } {
  let item: { value: CborValue; end: number };
  try {
    item = decodeCborItem(bytes, offset);
  } catch (error) {
    throw webAuthnFail.invalidParameter(`authenticatorData has a malformed ${what}: ${(error as Error).message}`);
  }
  if (!isCborMap(item.value)) throw webAuthnFail.invalidParameter(`authenticatorData ${what} is not a CBOR map.`);
  return { map: item.value, end: item.end };
}
