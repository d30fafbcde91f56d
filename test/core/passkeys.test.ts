import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type PasskeyClient } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { answeredChallenges, authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator } from '../support/softAuthenticator';

const ORIGIN = 'http://localhost:5173';
const USER_AUTH = { authenticationFlowType: 'USER_AUTH' } as const;

/** A passkey client over the software authenticator: real keys, real signatures, checked by the backend. */
function softPasskeys(authenticator: SoftAuthenticator, origin = ORIGIN): PasskeyClient & { prompts: number } {
  const client = {
    prompts: 0,
    async get(options: Parameters<PasskeyClient['get']>[0]) {
      client.prompts += 1;
      return authenticator.get(options, origin) as Awaited<ReturnType<PasskeyClient['get']>>;
    },
    async create(options: Parameters<PasskeyClient['create']>[0]) {
      client.prompts += 1;
      return authenticator.create(options, origin) as Awaited<ReturnType<PasskeyClient['create']>>;
    },
  };
  return client;
}

describe('passkeys (WEB_AUTHN) through the engine', () => {
  const kit = useEngineBackend({ allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'], webAuthn: { origins: [ORIGIN] } });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function userWithPasskey() {
    const { backend, auth } = kit();
    const username = uniqueName('kay');
    await backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const device = new SoftAuthenticator();
    const passkeys = softPasskeys(device);
    const engine = auth({ config: USER_AUTH, engine: { passkeys } });
    await engine.signIn({ username, password });
    backend.resetCounts();
    await engine.associateWebAuthnCredential();
    expect(operations(backend)).toEqual(['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration']);
    await engine.signOut();
    return { username, device, passkeys };
  }

  it('registers a passkey while signed in, lists it, and signs in with it after choosing it', async () => {
    const { backend, auth } = kit();
    const { username, device } = await userWithPasskey();
    const passkeys = softPasskeys(device);
    const engine = auth({ config: USER_AUTH, engine: { passkeys } });

    const choose = await engine.signIn({ username });
    expect(choose.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', username, availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'] });
    backend.resetCounts();
    expect(await engine.confirmSignIn({ challengeResponse: 'WEB_AUTHN' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(passkeys.prompts).toBe(1);
    expect(answeredChallenges(backend)).toEqual(['SELECT_CHALLENGE', 'WEB_AUTHN']);
    const credential = JSON.parse(String((inputOf(backend, 'RespondToAuthChallenge', 1).ChallengeResponses as Record<string, string>).CREDENTIAL)) as { type: string };
    expect(credential.type).toBe('public-key');

    const listed = await engine.listWebAuthnCredentials();
    expect(listed.credentials).toEqual([
      expect.objectContaining({ relyingPartyId: 'localhost', authenticatorAttachment: 'platform', authenticatorTransports: ['internal'], createdAt: expect.any(Date) }),
    ]);
    expect(listed.nextToken).toBeUndefined();
  });

  it('signs in straight away with preferredChallenge WEB_AUTHN; a deleted passkey no longer signs in', async () => {
    const { backend, auth } = kit();
    const { username, device } = await userWithPasskey();
    const engine = auth({ config: USER_AUTH, engine: { passkeys: softPasskeys(device) } });
    expect(await engine.signIn({ username, options: { preferredChallenge: 'WEB_AUTHN' } })).toMatchObject({ isSignedIn: true });

    const [passkey] = (await engine.listWebAuthnCredentials({ pageSize: 1 })).credentials;
    await engine.deleteWebAuthnCredential({ credentialId: passkey!.credentialId });
    expect((await engine.listWebAuthnCredentials()).credentials).toEqual([]);
    await engine.signOut();

    // Without a passkey, WEB_AUTHN is not offered any more: Cognito asks the user to choose.
    backend.resetCounts();
    const again = await auth({ config: USER_AUTH, engine: { passkeys: softPasskeys(device) } }).signIn({ username, options: { preferredChallenge: 'WEB_AUTHN' } });
    expect(again.nextStep).toMatchObject({ signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['PASSWORD', 'PASSWORD_SRP'] });
  });

  it('a cancelled prompt is PasskeyCanceled and ends the step; an assertion for another origin is refused by Cognito', async () => {
    const { auth } = kit();
    const { username, device } = await userWithPasskey();
    const cancelled: PasskeyClient = {
      get: () => Promise.reject(new AuthError({ name: 'PasskeyCanceled', message: 'The passkey prompt was cancelled or timed out.', source: 'signIn' })),
      create: () => Promise.reject(new Error('not used')),
    };
    const engine = auth({ config: USER_AUTH, engine: { passkeys: cancelled } });
    await engine.signIn({ username });
    const error = await authErrorOf(engine.confirmSignIn({ challengeResponse: 'WEB_AUTHN' }));
    expect(error.name).toBe('PasskeyCanceled');
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: { name: 'PasskeyCanceled' } });

    const phishing = auth({ config: USER_AUTH, engine: { passkeys: softPasskeys(device, 'http://evil.localhost:5173') } });
    const refused = await authErrorOf(phishing.signIn({ username, options: { preferredChallenge: 'WEB_AUTHN' } }));
    expect(refused.name).toBe('WebAuthnOriginNotAllowedException');
    expect(phishing.getState().status).toBe('signedOut');
  });

  it('management needs a signed-in user and checks its arguments before any request', async () => {
    const { backend, auth } = kit();
    const engine = auth({ engine: { passkeys: softPasskeys(new SoftAuthenticator()) } });
    backend.resetCounts();
    expect((await authErrorOf(engine.associateWebAuthnCredential())).name).toBe('NoCurrentUser');
    expect((await authErrorOf(engine.listWebAuthnCredentials({ pageSize: 0 }))).message).toBe('pageSize must be a whole number from 1 to 20.');
    expect((await authErrorOf(engine.deleteWebAuthnCredential({ credentialId: ' ' }))).name).toBe('InvalidArgument');
    expect(backend.count()).toBe(0);
  });
});
