/**
 * CollectedClientData (WebAuthn §5.8.1): what the browser says about the ceremony (type, challenge,
 * origin). The authenticator signs its hash, so once the signature checks out these claims are the browser's.
 */
import type { Bytes } from '../bytes';
import { isRecord } from '../jwt';
import { decodeField } from './credentialJson';
import { webAuthnFail } from './errors';

export type CeremonyType = 'webauthn.create' | 'webauthn.get';

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin: boolean;
  /** The exact bytes (their SHA-256 is what the authenticator signed). */
  bytes: Bytes;
}

export function parseClientData(clientDataJSON: string): ClientData {
  const bytes = decodeField(clientDataJSON, 'response.clientDataJSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw webAuthnFail.invalidParameter('clientDataJSON is not valid JSON.');
  }
  if (!isRecord(parsed) || typeof parsed.type !== 'string' || typeof parsed.challenge !== 'string' || typeof parsed.origin !== 'string') {
    throw webAuthnFail.invalidParameter('clientDataJSON lacks type, challenge or origin.');
  }
  return { type: parsed.type, challenge: parsed.challenge, origin: parsed.origin, crossOrigin: parsed.crossOrigin === true, bytes };
}

/** Steps 7–9 of §7.1 / 11–13 of §7.2, in the spec's order. */
export function checkClientData(clientData: ClientData, expected: { type: CeremonyType; challenge: string; origins: readonly string[] }): void {
  if (clientData.type !== expected.type) {
    throw webAuthnFail.clientMismatch(`clientDataJSON.type is ${clientData.type}, expected ${expected.type}.`);
  }
  if (clientData.challenge !== expected.challenge) throw webAuthnFail.challengeNotFound('The challenge in the credential was not issued for this request.');
  // Origins compare as exact strings (scheme, host and port), like Cognito's allowed-origin list.
  if (!expected.origins.includes(clientData.origin)) throw webAuthnFail.originNotAllowed(`Origin ${clientData.origin} is not allowed.`);
  // A passkey ceremony inside a cross-origin iframe is a phishing vector; this pool never expects one.
  if (clientData.crossOrigin) throw webAuthnFail.originNotAllowed('Cross-origin WebAuthn ceremonies are not allowed.');
}
