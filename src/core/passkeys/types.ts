/**
 * WebAuthn's JSON forms (binary fields as base64url), as Cognito sends and takes them. The platform's
 * binary objects never leave the passkey client: everything the engine holds is plain JSON.
 */

export interface PasskeyDescriptor {
  type: 'public-key';
  id: string;
  transports?: string[];
}

/** PublicKeyCredentialRequestOptionsJSON: Cognito's CREDENTIAL_REQUEST_OPTIONS for a passkey sign-in. */
export interface PasskeyRequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: PasskeyDescriptor[];
  userVerification?: 'required' | 'preferred' | 'discouraged';
  timeout?: number;
}

/** PublicKeyCredentialCreationOptionsJSON: StartWebAuthnRegistration's CredentialCreationOptions. */
export interface PasskeyCreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  excludeCredentials?: PasskeyDescriptor[];
  authenticatorSelection?: { authenticatorAttachment?: string; residentKey?: string; requireResidentKey?: boolean; userVerification?: string };
  attestation?: string;
}

/** AuthenticationResponseJSON: a passkey's answer to a sign-in challenge. */
export interface PasskeyAssertion {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, never>;
}

/** RegistrationResponseJSON: a new passkey, for CompleteWebAuthnRegistration. */
export interface PasskeyRegistration {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; attestationObject: string; transports?: string[] };
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, never>;
}

/**
 * The platform's passkey prompt. The default is the browser's `navigator.credentials`; React Native
 * (or a test) passes its own, e.g. an adapter over a native passkey module. Failures should be the
 * kit's typed errors (`PasskeyCanceled`, `PasskeyNotSupported`, `PasskeyAlreadyExists`,
 * `RelyingPartyMismatch`) so the UI can say what happened.
 */
export interface PasskeyClient {
  get(options: PasskeyRequestOptions): Promise<PasskeyAssertion>;
  create(options: PasskeyCreationOptions): Promise<PasskeyRegistration>;
}

/** A passkey of the signed-in user, as `listWebAuthnCredentials` returns it. */
export interface PasskeyInfo {
  credentialId: string;
  friendlyCredentialName?: string;
  relyingPartyId: string;
  authenticatorAttachment?: string;
  authenticatorTransports: string[];
  createdAt: Date;
}
