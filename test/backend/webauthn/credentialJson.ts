/**
 * The JSON a browser's PublicKeyCredential.toJSON() (or Amplify's serialiser) produces for each ceremony:
 * RegistrationResponseJSON and AuthenticationResponseJSON (WebAuthn L3 §5.1). Binary fields are
 * base64url without padding. Anything malformed is an InvalidParameterException.
 */
import { base64UrlDecode, type Bytes } from '../bytes';
import { isRecord } from '../jwt';
import { webAuthnFail } from './errors';

export type AuthenticatorTransport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';
export type AuthenticatorAttachment = 'platform' | 'cross-platform';

export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: string;
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports?: string[];
    /** Convenience copies browsers add (L3); never trusted: the attestation object is the source. */
    authenticatorData?: string;
    publicKey?: string;
    publicKeyAlgorithm?: number;
  };
  authenticatorAttachment?: string | null;
  clientExtensionResults?: Record<string, unknown>;
}

export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: string;
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string | null;
  };
  authenticatorAttachment?: string | null;
  clientExtensionResults?: Record<string, unknown>;
}

/** Accepts the object or its JSON text (RespondToAuthChallenge carries CREDENTIAL as a string). */
export function parseRegistrationResponse(input: unknown): RegistrationResponseJSON {
  const value = outer(input);
  const response = value.response as Record<string, unknown>;
  requireText(response, 'clientDataJSON');
  requireText(response, 'attestationObject');
  if (response.transports !== undefined && !(Array.isArray(response.transports) && response.transports.every((t) => typeof t === 'string'))) {
    throw webAuthnFail.invalidParameter('Credential response.transports must be an array of strings.');
  }
  return value as unknown as RegistrationResponseJSON;
}

export function parseAuthenticationResponse(input: unknown): AuthenticationResponseJSON {
  const value = outer(input);
  const response = value.response as Record<string, unknown>;
  requireText(response, 'clientDataJSON');
  requireText(response, 'authenticatorData');
  requireText(response, 'signature');
  if (response.userHandle !== undefined && response.userHandle !== null && typeof response.userHandle !== 'string') {
    throw webAuthnFail.invalidParameter('Credential response.userHandle must be a string.');
  }
  return value as unknown as AuthenticationResponseJSON;
}

/** base64url (no padding) → bytes, or InvalidParameterException naming the field. */
export function decodeField(text: string, field: string): Bytes {
  try {
    return base64UrlDecode(text);
  } catch {
    throw webAuthnFail.invalidParameter(`Credential ${field} is not base64url.`);
  }
}

function outer(input: unknown): Record<string, unknown> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw webAuthnFail.invalidParameter('Credential is not valid JSON.');
    }
  }
  if (!isRecord(value)) throw webAuthnFail.invalidParameter('Credential must be a JSON object.');
  requireText(value, 'id');
  requireText(value, 'rawId');
  requireText(value, 'type');
  if (!isRecord(value.response)) throw webAuthnFail.invalidParameter('Credential lacks response.');
  const attachment = value.authenticatorAttachment;
  if (attachment !== undefined && attachment !== null && typeof attachment !== 'string') {
    throw webAuthnFail.invalidParameter('Credential authenticatorAttachment must be a string.');
  }
  return value;
}

function requireText(record: Record<string, unknown>, key: string): void {
  if (typeof record[key] !== 'string' || record[key] === '') throw webAuthnFail.invalidParameter(`Credential lacks ${key}.`);
}
