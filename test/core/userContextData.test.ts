import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { inputOf, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';

// Cognito threat protection: UserContextData on the unauthenticated calls that accept it.
describe('UserContextData (threat protection)', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  afterEach(() => {
    delete (globalThis as { AmazonCognitoAdvancedSecurityData?: unknown }).AmazonCognitoAdvancedSecurityData;
  });

  it("asks Cognito's advanced-security script of the page, per user, and sends its answer with sign-in and sign-up calls", async () => {
    const { backend, auth } = kit();
    const asked: string[][] = [];
    // What the script defines on `window`; it cannot run here (it fingerprints a real browser).
    (globalThis as { AmazonCognitoAdvancedSecurityData?: unknown }).AmazonCognitoAdvancedSecurityData = {
      getData: (username: string, userPoolId: string, clientId: string) => {
        asked.push([username, userPoolId, clientId]);
        return `fp:${username}`;
      },
    };
    const username = uniqueName('ucd');
    const engine = auth();
    await engine.signUp({ username, password, attributes: { email: `${username}@example.com` } });
    await engine.confirmSignUp({ username, code: backend.lastCode(username, 'SIGN_UP') });
    backend.resetCounts();
    await engine.signIn({ username, password });

    for (const operation of ['InitiateAuth', 'RespondToAuthChallenge']) {
      expect(inputOf(backend, operation)).toMatchObject({ UserContextData: { EncodedData: `fp:${username}` } });
    }
    expect(asked[0]).toEqual([username, backend.config.userPoolId, backend.config.clientId]);
    // A refresh names no user: nothing is asked or sent.
    backend.resetCounts();
    const before = asked.length;
    await engine.currentSession({ forceRefresh: true });
    expect(inputOf(backend, 'InitiateAuth')).not.toHaveProperty('UserContextData');
    expect(asked.length).toBe(before);
  });

  it('takes an injected provider; a provider with nothing to say, or a failing script, sends nothing and fails nothing', async () => {
    const { backend, auth } = kit();
    const username = uniqueName('ucp');
    await backend.createUser({ username, password });
    backend.resetCounts();
    await auth({ engine: { userContextData: ({ username: name }) => `native:${name}` } }).signIn({ username, password });
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ UserContextData: { EncodedData: `native:${username}` } });

    await auth().signOut();
    (globalThis as { AmazonCognitoAdvancedSecurityData?: unknown }).AmazonCognitoAdvancedSecurityData = {
      getData: () => {
        throw new Error('script broke');
      },
    };
    backend.resetCounts();
    expect(await auth().signIn({ username, password })).toMatchObject({ isSignedIn: true });
    expect(inputOf(backend, 'InitiateAuth')).not.toHaveProperty('UserContextData');
  });
});
