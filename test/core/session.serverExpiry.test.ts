import { describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// The device clock can be behind the server's by an unknown amount: the engine thinks the access
// token is valid, Cognito says it expired. One refresh and one retry, not a sign-out.
describe('access token expired on the server but not on the device', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 300, idTokenSeconds: 300 } });
  const password = strongPassword();

  it('refreshes once and retries the call, staying signed in', async () => {
    const { backend, auth } = kit();
    await backend.createUser({ username: 'lin', password, attributes: { email: 'lin@example.com' } });
    const engine = auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await engine.signIn('lin', password);
    const events = kit().events(engine);
    backend.advanceTime(301_000); // only the server's clock moves
    backend.resetCounts();

    const attributes = await engine.userAttributes();

    expect(attributes).toContainEqual({ Name: 'email', Value: 'lin@example.com' });
    expect(backend.requests().map((r) => r.operation)).toEqual(['GetUser', 'InitiateAuth', 'GetUser']);
    expect(backend.requests()[1]!.input).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    expect(engine.getState().status).toBe('signedIn');
    expect(events.map((e) => e.event)).toEqual(['tokenRefresh']);
  });

  it('a revoked access token still signs out at once, without a refresh', async () => {
    const { backend, auth } = kit();
    kit().storage = new RecordingStorage();
    await backend.createUser({ username: 'mo', password });
    const engine = auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await engine.signIn('mo', password);
    await backend.call('GlobalSignOut', { AccessToken: (await engine.currentSession()).accessToken });
    backend.resetCounts();

    await expect(engine.userAttributes()).rejects.toMatchObject({ name: 'NotAuthorizedException', source: 'userAttributes' });
    expect(backend.count()).toBe(1);
    expect(engine.getState().status).toBe('signedOut');
  });
});
