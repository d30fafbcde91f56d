import { describe, expect, it } from 'vitest';
import { SoftAuthenticator, type GetKnobs, type PublicKeyCredentialRequestOptionsJSON, type SoftAuthenticatorOptions } from '../support/softAuthenticator';
import { resolveConfig } from './config';
import { BackendError } from './errors';
import { strongPassword } from './harness';
import type { BackendOptions } from './types';
import { UserStore, type UserRecord } from './users';
import { issueChallenge, type WebAuthnCtx } from './webauthn/challenges';
import { passkeyRecord } from './webauthn/passkeyRecord';
import { passkeySignInAvailable, requestOptionsFor, verifySignInCredential } from './webauthn/passkeySignIn';
import { verifyRegistration } from './webauthn/registration';
import { userEntity } from './webauthn/userEntity';

// The WEB_AUTHN challenge of USER_AUTH is wired into InitiateAuth / RespondToAuthChallenge elsewhere; these
// tests drive the API that wiring calls (requestOptionsFor / verifySignInCredential) on the backend's own
// stores and clock, with passkeys registered through the same verifier CompleteWebAuthnRegistration uses.

const ORIGIN = 'http://localhost:5173';

interface World {
  ctx: WebAuthnCtx;
  advance(ms: number): void;
  user(name: string): Promise<UserRecord>;
  register(user: UserRecord, authenticator: SoftAuthenticator, alg?: -7 | -257): Promise<string>;
}

function world(options: BackendOptions = { webAuthn: { origins: [ORIGIN] } }): World {
  const config = resolveConfig(options);
  let clock = Date.UTC(2026, 0, 1);
  const now = (): number => clock;
  const users = new UserStore(config, now);
  const ctx: WebAuthnCtx = { config, now };
  return {
    ctx,
    advance: (ms) => {
      clock += ms;
    },
    user: (name) => users.create({ username: name, password: strongPassword(), attributes: {}, status: 'CONFIRMED', enabled: true }),
    async register(user, authenticator, alg = -7) {
      const rpId = config.webAuthn?.relyingPartyId ?? 'localhost';
      const challenge = issueChallenge(ctx, user, 'registration', 60_000);
      const options = {
        challenge,
        rp: { id: rpId, name: 'pool' },
        user: userEntity(config, user),
        pubKeyCredParams: [{ type: 'public-key', alg }],
      };
      const response = authenticator.create(options, ORIGIN);
      const credential = await verifyRegistration({ response, expectedChallenge: challenge, allowedOrigins: [ORIGIN], rpId, requireUserVerification: true });
      user.passkeys.push(passkeyRecord(credential, rpId, 'Passkey', now()));
      return credential.id;
    },
  };
}

/** CREDENTIAL_REQUEST_OPTIONS → the authenticator's answer, as the CREDENTIAL string a client sends. */
function answer(w: World, user: UserRecord, authenticator: SoftAuthenticator, knobs: GetKnobs = {}, origin = ORIGIN): string {
  const options = JSON.parse(requestOptionsFor(w.ctx, user)) as PublicKeyCredentialRequestOptionsJSON;
  return JSON.stringify(authenticator.get(options, origin, knobs));
}

const failure = (name: string) => expect.objectContaining({ name });

async function registered(alg: -7 | -257 = -7, options?: SoftAuthenticatorOptions) {
  const w = world();
  const user = await w.user('pat');
  const authenticator = new SoftAuthenticator(options);
  const id = await w.register(user, authenticator, alg);
  return { w, user, authenticator, id };
}

describe('passkey sign-in (the WEB_AUTHN challenge API)', () => {
  it('offers WEB_AUTHN only to users with a passkey in pools that have passkeys', async () => {
    const w = world();
    const user = await w.user('lee');
    expect(passkeySignInAvailable(w.ctx, user)).toBe(false);
    await w.register(user, new SoftAuthenticator());
    expect(passkeySignInAvailable(w.ctx, user)).toBe(true);

    const off = world({});
    expect(passkeySignInAvailable(off.ctx, await off.user('lee'))).toBe(false);
    expect(() => requestOptionsFor(off.ctx, user)).toThrow(new BackendError('WebAuthnNotEnabledException', 'WebAuthn is not enabled for this user pool.'));
  });

  it("builds CREDENTIAL_REQUEST_OPTIONS naming the user's passkeys", async () => {
    const { w, user, id } = await registered();
    const options: unknown = JSON.parse(requestOptionsFor(w.ctx, user));
    expect(options).toEqual({
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      rpId: 'localhost',
      allowCredentials: [{ type: 'public-key', id, transports: ['internal'] }],
      userVerification: 'required',
      timeout: 180_000,
    });
  });

  it('accepts ES256 and RS256 assertions and stores the growing sign count', async () => {
    for (const alg of [-7, -257] as const) {
      const { w, user, authenticator } = await registered(alg);
      await verifySignInCredential(w.ctx, user, answer(w, user, authenticator));
      w.advance(1000);
      await verifySignInCredential(w.ctx, user, answer(w, user, authenticator));
      expect(user.passkeys[0]).toMatchObject({ signCount: 2, lastUsedAt: w.ctx.now() });
    }
  });

  it('accepts authenticators that never count (0 then 0), as synced passkeys do', async () => {
    const { w, user, authenticator } = await registered(-7, { counts: false, backedUp: true });
    await verifySignInCredential(w.ctx, user, answer(w, user, authenticator));
    await verifySignInCredential(w.ctx, user, answer(w, user, authenticator));
    expect(user.passkeys[0]?.signCount).toBe(0);
  });

  it('refuses a tampered signature', async () => {
    const { w, user, authenticator } = await registered();
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { tamperSignature: true }))).rejects.toEqual(
      new BackendError('NotAuthorizedException', 'Invalid passkey signature.'),
    );
    expect(user.passkeys[0]?.signCount).toBe(0);
  });

  it('refuses a replayed assertion: its challenge is used up', async () => {
    const { w, user, authenticator } = await registered();
    const credential = answer(w, user, authenticator);
    await verifySignInCredential(w.ctx, user, credential);
    await expect(verifySignInCredential(w.ctx, user, credential)).rejects.toEqual(
      new BackendError('WebAuthnChallengeNotFoundException', 'WebAuthn challenge not found.'),
    );
  });

  it('refuses a sign count that does not grow (cloned authenticator)', async () => {
    const { w, user, authenticator } = await registered();
    await verifySignInCredential(w.ctx, user, answer(w, user, authenticator));
    await verifySignInCredential(w.ctx, user, answer(w, user, authenticator));
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { signCount: 2 }))).rejects.toEqual(failure('NotAuthorizedException'));
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { signCount: 1 }))).rejects.toEqual(failure('NotAuthorizedException'));
    expect(user.passkeys[0]?.signCount).toBe(2);
  });

  it('refuses an expired challenge (backend clock)', async () => {
    const { w, user, authenticator } = await registered();
    const credential = answer(w, user, authenticator);
    w.advance(180_000);
    await expect(verifySignInCredential(w.ctx, user, credential)).rejects.toEqual(
      new BackendError('WebAuthnChallengeNotFoundException', 'WebAuthn challenge has expired.'),
    );
  });

  it.each([
    ['a foreign origin', { origin: 'http://localhost:9999' }, 'WebAuthnOriginNotAllowedException'],
    ['another relying party', { knobs: { rpId: 'evil.example' } }, 'WebAuthnRelyingPartyMismatchException'],
    ['the registration ceremony type', { knobs: { type: 'webauthn.create' } }, 'WebAuthnClientMismatchException'],
    ['no user verification', { knobs: { userVerified: false } }, 'NotAuthorizedException'],
    ['no user presence', { knobs: { userPresent: false } }, 'NotAuthorizedException'],
    ['a challenge the pool never issued', { knobs: { challenge: Buffer.alloc(32).toString('base64url') } }, 'WebAuthnChallengeNotFoundException'],
  ] as const)('refuses an assertion with %s', async (_, bad: { origin?: string; knobs?: GetKnobs }, name) => {
    const { w, user, authenticator } = await registered();
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, bad.knobs, bad.origin))).rejects.toEqual(failure(name));
    expect(user.passkeys[0]?.lastUsedAt).toBeUndefined();
  });

  it('accepts an assertion without user verification when the pool only prefers it', async () => {
    const w = world({ webAuthn: { origins: [ORIGIN], userVerification: 'preferred' } });
    const user = await w.user('uv');
    const authenticator = new SoftAuthenticator();
    await w.register(user, authenticator);
    expect(JSON.parse(requestOptionsFor(w.ctx, user))).toMatchObject({ userVerification: 'preferred' });
    await verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { userVerified: false }));
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { userPresent: false }))).rejects.toEqual(failure('NotAuthorizedException'));
  });

  it("refuses a registration challenge, or another user's sign-in challenge", async () => {
    const { w, user, authenticator } = await registered();
    const registration = issueChallenge(w.ctx, user, 'registration', 60_000);
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { challenge: registration }))).rejects.toEqual(
      failure('WebAuthnChallengeNotFoundException'),
    );
    const other = await w.user('kim');
    const theirs = (JSON.parse(requestOptionsFor(w.ctx, other)) as { challenge: string }).challenge;
    await expect(verifySignInCredential(w.ctx, user, answer(w, user, authenticator, { challenge: theirs }))).rejects.toEqual(
      failure('WebAuthnChallengeNotFoundException'),
    );
  });

  it("refuses a passkey that isn't this user's", async () => {
    const { w, user } = await registered();
    const other = await w.user('sam');
    const stranger = new SoftAuthenticator();
    await w.register(other, stranger);
    // The stranger's own passkey, offered for pat's sign-in.
    const options = JSON.parse(requestOptionsFor(w.ctx, user)) as PublicKeyCredentialRequestOptionsJSON;
    const credential = JSON.stringify(stranger.get(options, ORIGIN, { credentialId: stranger.credentialIds()[0] }));
    await expect(verifySignInCredential(w.ctx, user, credential)).rejects.toEqual(new BackendError('NotAuthorizedException', 'Unknown credential.'));
  });

  it("refuses a userHandle naming someone else, and malformed CREDENTIAL strings", async () => {
    const { w, user, authenticator } = await registered();
    const forged = JSON.parse(answer(w, user, authenticator)) as { response: { userHandle: string } };
    forged.response.userHandle = Buffer.from('someone-else').toString('base64url');
    await expect(verifySignInCredential(w.ctx, user, JSON.stringify(forged))).rejects.toEqual(failure('NotAuthorizedException'));

    await expect(verifySignInCredential(w.ctx, user, 'not json')).rejects.toEqual(new BackendError('InvalidParameterException', 'Credential is not valid JSON.'));
    const badData = JSON.parse(answer(w, user, authenticator)) as { response: { authenticatorData: string } };
    badData.response.authenticatorData = badData.response.authenticatorData.slice(0, 20);
    await expect(verifySignInCredential(w.ctx, user, JSON.stringify(badData))).rejects.toEqual(
      new BackendError('InvalidParameterException', 'authenticatorData is shorter than 37 bytes.'),
    );
  });
});
