/**
 * Authentication ceremony checks (WebAuthn §7.2) for the WEB_AUTHN sign-in challenge: the browser's
 * claims, the authenticator's flags, the signature over authenticatorData ‖ SHA-256(clientDataJSON), and
 * the signature counter (a counter that fails to grow betrays a cloned authenticator or a replay).
 */
import { concatBytes } from '../bytes';
import { sha256 } from '../hash';
import { parseAuthenticatorData } from './authenticatorData';
import { checkClientData, parseClientData } from './clientData';
import { importCoseKey } from './cose';
import { decodeField, parseAuthenticationResponse } from './credentialJson';
import { webAuthnFail } from './errors';
import { checkRelyingParty, checkUserFlags } from './registration';
import { verifySignature } from './signature';

/** What the pool stored at registration and needs to check an assertion. */
export interface StoredCredential {
  /** base64url credential id. */
  id: string;
  /** COSE_Key bytes. */
  publicKey: Uint8Array;
  signCount: number;
}

export interface VerifyAssertionArgs {
  /** AuthenticationResponseJSON, as an object or JSON text. */
  response: unknown;
  /** base64url challenge the pool issued for this sign-in. */
  expectedChallenge: string;
  allowedOrigins: readonly string[];
  rpId: string;
  credential: StoredCredential;
  requireUserVerification: boolean;
  /** base64url user.id the credential was created for; a userHandle naming someone else is refused. */
  expectedUserHandle?: string;
}

export interface VerifiedAssertion {
  /** Store this as the credential's new signCount. */
  newSignCount: number;
  userVerified: boolean;
  backedUp: boolean;
}

export async function verifyAssertion(args: VerifyAssertionArgs): Promise<VerifiedAssertion> {
  const response = parseAuthenticationResponse(args.response);
  if (response.type !== 'public-key') throw webAuthnFail.clientMismatch(`Credential type ${response.type} is not public-key.`);
  if (response.id !== response.rawId) throw webAuthnFail.invalidParameter('Credential id and rawId differ.');
  if (response.rawId !== args.credential.id) throw webAuthnFail.notAuthorized('Unknown credential.');
  const userHandle = response.response.userHandle;
  if (args.expectedUserHandle !== undefined && userHandle && userHandle !== args.expectedUserHandle) {
    throw webAuthnFail.notAuthorized('The credential belongs to another user.');
  }

  const clientData = parseClientData(response.response.clientDataJSON);
  checkClientData(clientData, { type: 'webauthn.get', challenge: args.expectedChallenge, origins: args.allowedOrigins });

  const authDataBytes = decodeField(response.response.authenticatorData, 'response.authenticatorData');
  const authData = parseAuthenticatorData(authDataBytes);
  await checkRelyingParty(authData, args.rpId);
  checkUserFlags(authData, args.requireUserVerification);

  const publicKey = await importCoseKey(args.credential.publicKey);
  const signed = concatBytes(authDataBytes, await sha256(clientData.bytes));
  const signature = decodeField(response.response.signature, 'response.signature');
  if (!(await verifySignature(publicKey, signature, signed))) throw webAuthnFail.notAuthorized('Invalid passkey signature.');

  // Counters of 0 on both sides mean "this authenticator doesn't count" (synced passkeys); otherwise it must grow.
  const stored = args.credential.signCount;
  if ((authData.signCount !== 0 || stored !== 0) && authData.signCount <= stored) {
    throw webAuthnFail.notAuthorized('The authenticator signature counter did not increase (replay or cloned authenticator).');
  }
  return { newSignCount: authData.signCount, userVerified: authData.flags.uv, backedUp: authData.flags.bs };
}
