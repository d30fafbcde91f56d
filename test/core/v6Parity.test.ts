import { beforeEach, describe, expect, it } from 'vitest';
import { decodeJWT, type AuthEvent } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';

const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

describe('what Amplify v6 users reach for', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn(extra: Record<string, unknown> = {}) {
    const { backend, auth } = kit();
    const username = uniqueName('vic');
    await backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const engine = auth({ config: { ...PASSWORD_AUTH, ...extra } });
    await engine.signIn({ username, password });
    backend.resetCounts();
    return { backend, engine, username };
  }

  it('currentSession({ forceRefresh: true }) refreshes fresh tokens, once for concurrent callers', async () => {
    const { backend, engine } = await signedIn();
    const before = await engine.currentSession();
    expect(backend.count()).toBe(0);
    const [a, b] = await Promise.all([engine.currentSession({ forceRefresh: true }), engine.currentSession({ forceRefresh: true })]);
    expect(a).toBe(b);
    expect(a.accessToken).not.toBe(before.accessToken);
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    // Without it, the new tokens are served as they are.
    expect(await engine.currentSession()).toBe(a);
    expect(backend.count()).toBe(1);
  });

  it("sends the config's clientMetadata on refreshes too", async () => {
    const { backend, engine } = await signedIn({ clientMetadata: { tenant: 'blue' } });
    await engine.currentSession({ forceRefresh: true });
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientMetadata: { tenant: 'blue' } });
  });

  it("v6's Hub names reach their own listeners; `*` hears each happening once, by v5's name", async () => {
    const { backend, auth } = kit();
    const username = uniqueName('hub');
    await backend.createUser({ username, password });
    const engine = auth({ config: PASSWORD_AUTH });
    const v6: string[] = [];
    const all: AuthEvent[] = [];
    engine.listen('signedIn', (event) => v6.push(`${event.event}:${event.data.username}`));
    engine.listen('signedOut', (event) => v6.push(event.event));
    engine.listen('*', (event) => all.push(event));
    await engine.signIn({ username, password });
    await engine.signOut();
    expect(v6).toEqual([`signedIn:${username}`, 'signedOut']);
    expect(all.map((e) => e.event)).toEqual(['signIn', 'signOut']);
  });

  it('decodeJWT reads claims (no verification) and refuses what is not a JWT', async () => {
    const { engine, username } = await signedIn();
    const token = (await engine.currentSession()).idToken;
    const decoded = decodeJWT(token);
    expect(decoded.payload).toMatchObject({ 'cognito:username': username, token_use: 'id' });
    expect(decoded.toString()).toBe(token);
    for (const bad of ['', 'abc', 'a.b', 'a.!!!.c']) {
      expect(() => decodeJWT(bad)).toThrow(expect.objectContaining({ name: 'InvalidArgument', message: 'This is not a JSON Web Token.' }));
    }
    expect((await authErrorOf(Promise.resolve().then(() => decodeJWT(null as never)))).name).toBe('InvalidArgument');
  });
});
