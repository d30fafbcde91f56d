import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// The request budgets of the acceptance list, counted at the backend.
describe('requests per flow', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 600, idTokenSeconds: 600 } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('grace')) await k.backend.createUser({ username: 'grace', password, attributes: { email: 'grace@example.com' } });
    k.backend.resetCounts();
  });

  it('SRP sign-in without MFA makes exactly 2 requests', async () => {
    const { backend, auth } = kit();
    const engine = auth();
    const result = await engine.signIn('grace', password);
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(backend.requests()[0]!.input).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'grace' } });
  });

  it('restoring a valid stored session makes 0 requests', async () => {
    const { backend, auth } = kit();
    await auth().signIn('grace', password);
    backend.resetCounts();
    const restored = auth();
    expect(restored.getState()).toMatchObject({ status: 'signedIn', user: { username: 'grace', attributes: { email: 'grace@example.com' } } });
    await restored.currentSession();
    await restored.currentAuthenticatedUser();
    expect(backend.count()).toBe(0);
  });

  it('20 concurrent currentSession() calls with an expired access token make exactly 1 refresh request', async () => {
    const { backend, auth, clock } = kit();
    const engine = auth();
    await engine.signIn('grace', password);
    const before = await engine.currentSession();
    clock.advance(601_000);
    backend.resetCounts();
    const sessions = await Promise.all(Array.from({ length: 20 }, () => engine.currentSession()));
    expect(backend.count()).toBe(1);
    expect(backend.requests()[0]).toMatchObject({ operation: 'InitiateAuth', input: { AuthFlow: 'REFRESH_TOKEN_AUTH' } });
    expect(new Set(sessions).size).toBe(1);
    expect(sessions[0]!.accessToken).not.toBe(before.accessToken);
    expect(sessions[0]!.isValid(clock.now())).toBe(true);
  });
});
