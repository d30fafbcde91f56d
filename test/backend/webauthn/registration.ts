/**
 * Registration ceremony checks (WebAuthn §7.1) for CompleteWebAuthnRegistration. Attestation: `none`, or
 * `packed` self-attestation (signed by the new credential itself). Certificate chains (x5c) would need a
 * trust store this pool doesn't have, so they're refused rather than accepted unchecked.
 */
import { bytesToHex, concatBytes, utf8 } from '../bytes';
import { sha256 } from '../hash';
import { parseAuthenticatorData, type AuthenticatorData } from './authenticatorData';
import { decodeCbor, isCborMap, type CborKey, type CborValue } from './cbor';
import { checkClientData, parseClientData } from './clientData';
import { importCoseKey, type CoseAlgorithm, type CosePublicKey } from './cose';
import { decodeField, parseRegistrationResponse, type AuthenticatorAttachment } from './credentialJson';
import { webAuthnFail } from './errors';
import { sameBytes } from './sameBytes';
import { verifySignature } from './signature';

export interface VerifyRegistrationArgs {
  /** RegistrationResponseJSON, as an object or JSON text. */
  response: unknown;
  /** base64url challenge the pool issued for this registration. */
  expectedChallenge: string;
  allowedOrigins: readonly string[];
  rpId: string;
  requireUserVerification: boolean;
}

export interface RegisteredCredential {
  /** base64url credential id. */
  id: string;
  /** COSE_Key bytes as the authenticator encoded them. */
  publicKey: Uint8Array;
  alg: CoseAlgorithm;
  signCount: number;
  transports: string[];
  attachment: AuthenticatorAttachment | undefined;
  /** Authenticator model (uuid form; all zeros for `none` attestation from many authenticators). */
  aaguid: string;
  backupEligible: boolean;
  backedUp: boolean;
  attestationFormat: 'none' | 'packed';
}

export async function verifyRegistration(args: VerifyRegistrationArgs): Promise<RegisteredCredential> {
  const response = parseRegistrationResponse(args.response);
  if (response.type !== 'public-key') throw webAuthnFail.clientMismatch(`Credential type ${response.type} is not public-key.`);
  if (response.id !== response.rawId) throw webAuthnFail.invalidParameter('Credential id and rawId differ.');
  const rawId = decodeField(response.rawId, 'rawId');

  const clientData = parseClientData(response.response.clientDataJSON);
  checkClientData(clientData, { type: 'webauthn.create', challenge: args.expectedChallenge, origins: args.allowedOrigins });

  const { fmt, attStmt, authDataBytes } = decodeAttestationObject(decodeField(response.response.attestationObject, 'response.attestationObject'));
  const authData = parseAuthenticatorData(authDataBytes);
  await checkRelyingParty(authData, args.rpId);
  checkUserFlags(authData, args.requireUserVerification);
  const attested = authData.attestedCredentialData;
  if (!authData.flags.at || !attested) throw webAuthnFail.invalidParameter('authenticatorData carries no attested credential data.');
  if (!sameBytes(attested.credentialId, rawId)) throw webAuthnFail.invalidParameter('Credential id does not match the attested credential.');
  const publicKey = await importCoseKey(attested.publicKey);

  const clientDataHash = await sha256(clientData.bytes);
  await checkAttestation(fmt, attStmt, publicKey, concatBytes(authDataBytes, clientDataHash));

  const attachment = response.authenticatorAttachment;
  return {
    id: response.rawId,
    publicKey: attested.publicKeyBytes,
    alg: publicKey.alg,
    signCount: authData.signCount,
    transports: [...new Set(response.response.transports ?? [])],
    attachment: attachment === 'platform' || attachment === 'cross-platform' ? attachment : undefined,
    aaguid: uuidText(attested.aaguid),
    backupEligible: authData.flags.be,
    backedUp: authData.flags.bs,
    attestationFormat: fmt === 'packed' ? 'packed' : 'none',
  };
}

/** rpIdHash = SHA-256(rpId): the authenticator scoped the credential to this relying party. */
export async function checkRelyingParty(authData: AuthenticatorData, rpId: string): Promise<void> {
  const expected = await sha256(utf8(rpId));
  if (!sameBytes(authData.rpIdHash, expected)) throw webAuthnFail.relyingPartyMismatch(`The credential is not scoped to relying party ${rpId}.`);
}

/** UP always; UV when the pool requires it; BS without BE is an impossible state (§6.1.3). */
export function checkUserFlags(authData: AuthenticatorData, requireUserVerification: boolean): void {
  if (!authData.flags.up) throw webAuthnFail.notAuthorized('User presence was not confirmed by the authenticator.');
  if (requireUserVerification && !authData.flags.uv) throw webAuthnFail.notAuthorized('User verification is required.');
  if (authData.flags.bs && !authData.flags.be) throw webAuthnFail.invalidParameter('authenticatorData flags say backed up but not backup eligible.');
}

function decodeAttestationObject(bytes: Uint8Array): { fmt: string; attStmt: Map<CborKey, CborValue>; authDataBytes: Uint8Array<ArrayBuffer> } {
  let value: CborValue;
  try {
    value = decodeCbor(bytes);
  } catch (error) {
    throw webAuthnFail.invalidParameter(`attestationObject is not valid CBOR: ${(error as Error).message}`);
  }
  const fmt = isCborMap(value) ? value.get('fmt') : undefined;
  const attStmt = isCborMap(value) ? value.get('attStmt') : undefined;
  const authData = isCborMap(value) ? value.get('authData') : undefined;
  if (typeof fmt !== 'string' || !isCborMap(attStmt) || !(authData instanceof Uint8Array)) {
    throw webAuthnFail.invalidParameter('attestationObject must be a map with fmt, attStmt and authData.');
  }
  return { fmt, attStmt, authDataBytes: new Uint8Array(authData) };
}

async function checkAttestation(fmt: string, attStmt: Map<CborKey, CborValue>, publicKey: CosePublicKey, signed: Uint8Array<ArrayBuffer>): Promise<void> {
  if (fmt === 'none') {
    if (attStmt.size !== 0) throw webAuthnFail.invalidParameter('A none attestation must have an empty attStmt.');
    return;
  }
  if (fmt !== 'packed') throw webAuthnFail.credentialNotSupported(`Attestation format ${fmt} is not supported (none, packed self-attestation).`);
  if (attStmt.has('x5c') || attStmt.has('ecdaaKeyId')) {
    throw webAuthnFail.credentialNotSupported('Packed attestation with a certificate chain is not supported; use attestation "none".');
  }
  const alg = attStmt.get('alg');
  const sig = attStmt.get('sig');
  if (attStmt.size !== 2 || typeof alg !== 'number' || !(sig instanceof Uint8Array)) {
    throw webAuthnFail.invalidParameter('Packed self-attestation must carry exactly alg and sig.');
  }
  // Self-attestation: the statement is signed by the credential key itself, with its own algorithm (§8.2).
  if (alg !== publicKey.alg) throw webAuthnFail.invalidParameter('Packed attestation alg differs from the credential key algorithm.');
  if (!(await verifySignature(publicKey, sig, signed))) throw webAuthnFail.notAuthorized('Attestation signature is invalid.');
}

function uuidText(bytes: Uint8Array): string {
  const h = bytesToHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
