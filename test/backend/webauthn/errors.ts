/**
 * The errors a WebAuthn ceremony fails with, named as Cognito names them (CompleteWebAuthnRegistration and
 * RespondToAuthChallenge WEB_AUTHN), so clients can branch on `name`.
 */
import { BackendError } from '../errors';

const make =
  (name: string) =>
  (message: string): BackendError =>
    new BackendError(name, message);

export const webAuthnFail = {
  /** clientDataJSON.origin is not one of the pool's allowed origins. */
  originNotAllowed: make('WebAuthnOriginNotAllowedException'),
  /** rpIdHash ≠ SHA-256(relying party id). */
  relyingPartyMismatch: make('WebAuthnRelyingPartyMismatchException'),
  /** A challenge this pool never issued, already used, issued to someone else, or expired. */
  challengeNotFound: make('WebAuthnChallengeNotFoundException'),
  /** clientDataJSON.type is the other ceremony's (or the credential isn't a public-key credential). */
  clientMismatch: make('WebAuthnClientMismatchException'),
  /** Passkeys are off in this pool (BackendOptions.webAuthn absent). */
  notEnabled: make('WebAuthnNotEnabledException'),
  /** An algorithm or attestation format this pool does not accept. */
  credentialNotSupported: make('WebAuthnCredentialNotSupportedException'),
  /** Bad signature, sign-count regression, unknown credential, missing UP/UV. */
  notAuthorized: make('NotAuthorizedException'),
  /** Malformed JSON, base64url or CBOR. */
  invalidParameter: make('InvalidParameterException'),
} as const;
