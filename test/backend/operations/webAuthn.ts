/**
 * Passkey management for the signed-in user: StartWebAuthnRegistration (creation options),
 * CompleteWebAuthnRegistration (verifies the attestation against the pending challenge),
 * ListWebAuthnCredentials (paged) and DeleteWebAuthnCredential.
 */
import { base64ToBytes, bytesToBase64, utf8 } from '../bytes';
import type { Input, Operation } from '../context';
import { fail } from '../errors';
import { optionalString, requireString, userFromAccessToken } from '../input';
import { isRecord } from '../jwt';
import { issueChallenge, takeChallenge } from '../webauthn/challenges';
import { parseClientData } from '../webauthn/clientData';
import { ES256, RS256 } from '../webauthn/cose';
import { MAX_PASSKEYS_PER_USER } from '../webauthn/config';
import { parseRegistrationResponse } from '../webauthn/credentialJson';
import { requireWebAuthn } from '../webauthn/enabled';
import { passkeyRecord, type PasskeyRecord } from '../webauthn/passkeyRecord';
import { verifyRegistration } from '../webauthn/registration';
import { userEntity } from '../webauthn/userEntity';

/** ListWebAuthnCredentials MaxResults: 0–20 per the API reference; 0 (like absent) means a full page. */
const MAX_RESULTS = 20;

function descriptor(p: PasskeyRecord): Record<string, unknown> {
  return { type: 'public-key', id: p.credentialId, ...(p.transports.length > 0 ? { transports: p.transports } : {}) };
}

export const StartWebAuthnRegistration: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const webAuthn = requireWebAuthn(ctx.config);
  if (user.passkeys.length >= MAX_PASSKEYS_PER_USER) {
    throw fail.limitExceeded(`A user can have at most ${MAX_PASSKEYS_PER_USER} passkeys.`);
  }
  const challenge = issueChallenge(ctx, user, 'registration', webAuthn.timeoutSeconds * 1000);
  return {
    // An object, not a JSON string (unlike the sign-in challenge's CREDENTIAL_REQUEST_OPTIONS).
    CredentialCreationOptions: {
      challenge,
      rp: { id: webAuthn.relyingPartyId, name: webAuthn.relyingPartyName },
      user: userEntity(ctx.config, user),
      pubKeyCredParams: [
        { type: 'public-key', alg: ES256 },
        { type: 'public-key', alg: RS256 },
      ],
      timeout: webAuthn.timeoutSeconds * 1000,
      // The authenticator refuses to make a second passkey for an account it already holds one for.
      excludeCredentials: user.passkeys.map(descriptor),
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: webAuthn.userVerification },
    },
  };
};

export const CompleteWebAuthnRegistration: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const webAuthn = requireWebAuthn(ctx.config);
  if (input.Credential === undefined || input.Credential === null) {
    throw fail.invalidParameter("1 validation error detected: Value null at 'credential' failed to satisfy constraint: Member must not be null");
  }
  const response = parseRegistrationResponse(input.Credential);
  const { challenge } = parseClientData(response.response.clientDataJSON);
  takeChallenge(ctx, user, 'registration', challenge);
  const credential = await verifyRegistration({
    response,
    expectedChallenge: challenge,
    allowedOrigins: webAuthn.origins,
    rpId: webAuthn.relyingPartyId,
    requireUserVerification: webAuthn.userVerification === 'required',
  });
  // WebAuthn §7.1: a credential id registered to anyone (this user included) is refused, or one key could answer for two accounts.
  if (ctx.users.findByPasskey(credential.id)) throw fail.invalidParameter('This passkey is already registered.');
  if (user.passkeys.length >= MAX_PASSKEYS_PER_USER) throw fail.limitExceeded(`A user can have at most ${MAX_PASSKEYS_PER_USER} passkeys.`);
  user.passkeys.push(passkeyRecord(credential, webAuthn.relyingPartyId, friendlyName(credential.attachment, user.passkeys.length + 1), ctx.now()));
  user.modifiedAt = ctx.now();
  return {};
};

export const ListWebAuthnCredentials: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const max = maxResults(input);
  const start = pageStart(input, user.sub);
  const page = user.passkeys.slice(start, start + max);
  const next = start + max;
  return {
    Credentials: page.map((p) => ({
      CredentialId: p.credentialId,
      FriendlyCredentialName: p.friendlyName,
      RelyingPartyId: p.relyingPartyId,
      ...(p.attachment ? { AuthenticatorAttachment: p.attachment } : {}),
      AuthenticatorTransports: p.transports,
      CreatedAt: p.createdAt / 1000,
    })),
    ...(next < user.passkeys.length ? { NextToken: bytesToBase64(utf8(JSON.stringify({ sub: user.sub, offset: next }))) } : {}),
  };
};

export const DeleteWebAuthnCredential: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const id = requireString(input, 'CredentialId');
  const index = user.passkeys.findIndex((p) => p.credentialId === id);
  if (index < 0) throw fail.resourceNotFound('Credential not found.');
  user.passkeys.splice(index, 1);
  user.modifiedAt = ctx.now();
  return {};
};

/** No name comes with the credential; Cognito shows a generic one, so this pool numbers them. */
function friendlyName(attachment: PasskeyRecord['attachment'], n: number): string {
  const kind = attachment === 'cross-platform' ? 'Security key' : 'Passkey';
  return `${kind} ${n}`;
}

function maxResults(input: Input): number {
  const value = input.MaxResults;
  if (value === undefined || value === null) return MAX_RESULTS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_RESULTS) {
    throw fail.invalidParameter(
      `1 validation error detected: Value '${String(value)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${MAX_RESULTS}`,
    );
  }
  // An empty page would hand back a NextToken pointing at the same place forever.
  return value === 0 ? MAX_RESULTS : value;
}

/** NextToken is opaque to clients; this one names the user it was issued to and the next offset. */
function pageStart(input: Input, sub: string): number {
  const token = optionalString(input, 'NextToken');
  if (token === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(base64ToBytes(token)));
    if (isRecord(parsed) && parsed.sub === sub && typeof parsed.offset === 'number' && parsed.offset >= 0) return parsed.offset;
  } catch {
    // fall through to the error below
  }
  throw fail.invalidParameter('Invalid NextToken.');
}
