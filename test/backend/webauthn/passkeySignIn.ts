/**
 * The WEB_AUTHN sign-in challenge (USER_AUTH), for initiateAuth.ts / respondToAuthChallenge.ts to call:
 * `requestOptionsFor` makes CREDENTIAL_REQUEST_OPTIONS, `verifySignInCredential` checks the
 * CREDENTIAL answer. Session handling (the `Session` string, tokens) stays with the caller.
 */
import type { UserRecord } from '../users';
import { verifyAssertion } from './assertion';
import { issueChallenge, takeChallenge, type WebAuthnCtx } from './challenges';
import { parseClientData } from './clientData';
import { parseAuthenticationResponse } from './credentialJson';
import { requireWebAuthn } from './enabled';
import { webAuthnFail } from './errors';
import { userHandle } from './userEntity';

/** Whether WEB_AUTHN belongs in AvailableChallenges: passkeys are on and the user has registered one. */
export function passkeySignInAvailable(ctx: WebAuthnCtx, user: UserRecord): boolean {
  return ctx.config.webAuthn !== undefined && user.passkeys.length > 0;
}

/**
 * The ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS value: PublicKeyCredentialRequestOptionsJSON as a
 * JSON string, with a fresh single-use challenge (expires after webAuthn.timeoutSeconds).
 * Throws WebAuthnNotEnabledException when the pool has no webAuthn options.
 */
export function requestOptionsFor(ctx: WebAuthnCtx, user: UserRecord): string {
  const webAuthn = requireWebAuthn(ctx.config);
  const challenge = issueChallenge(ctx, user, 'authentication', webAuthn.timeoutSeconds * 1000);
  return JSON.stringify({
    challenge,
    rpId: webAuthn.relyingPartyId,
    // The username is known in USER_AUTH, so the browser can go straight to this user's passkeys.
    allowCredentials: user.passkeys.map((p) => ({
      type: 'public-key',
      id: p.credentialId,
      ...(p.transports.length > 0 ? { transports: p.transports } : {}),
    })),
    userVerification: webAuthn.userVerification,
    timeout: webAuthn.timeoutSeconds * 1000,
  });
}

/**
 * Verifies ChallengeResponses.CREDENTIAL (AuthenticationResponseJSON as a JSON string) for `user`. On
 * success the passkey's sign count and last use are updated; otherwise it throws a BackendError:
 * InvalidParameterException (malformed), WebAuthnChallengeNotFoundException (challenge unknown, used
 * or expired), WebAuthnClientMismatchException, WebAuthnOriginNotAllowedException,
 * WebAuthnRelyingPartyMismatchException, NotAuthorizedException (unknown passkey, bad signature,
 * counter not increasing, UP/UV missing), WebAuthnNotEnabledException.
 */
export async function verifySignInCredential(ctx: WebAuthnCtx, user: UserRecord, credentialJson: string): Promise<void> {
  const webAuthn = requireWebAuthn(ctx.config);
  const response = parseAuthenticationResponse(credentialJson);
  const { challenge } = parseClientData(response.response.clientDataJSON);
  takeChallenge(ctx, user, 'authentication', challenge);
  const passkey = user.passkeys.find((p) => p.credentialId === response.rawId);
  if (!passkey) throw webAuthnFail.notAuthorized('Unknown credential.');
  const verified = await verifyAssertion({
    response,
    expectedChallenge: challenge,
    allowedOrigins: webAuthn.origins,
    rpId: webAuthn.relyingPartyId,
    credential: { id: passkey.credentialId, publicKey: passkey.publicKey, signCount: passkey.signCount },
    requireUserVerification: webAuthn.userVerification === 'required',
    expectedUserHandle: userHandle(user),
  });
  // Two answers racing for different challenges must not move the counter backwards.
  passkey.signCount = Math.max(passkey.signCount, verified.newSignCount);
  passkey.backedUp = verified.backedUp;
  passkey.lastUsedAt = ctx.now();
}
