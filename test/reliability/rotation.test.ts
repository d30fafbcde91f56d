import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { tally } from './tally';

// Refresh-token rotation (`refreshTokenRotation: true`): GetTokensFromRefreshToken, the new refresh
// token kept, the old one kept when none comes back, and the backend's reuse detection turning a
// replayed (stolen) refresh token into a revoked family for every holder.
const HOUR = 3_600_000;
const GRACE_SECONDS = 60;
const rotating = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const, refreshTokenRotation: true };

const storedRefreshToken = (kit: EngineTestKit, storage: RecordingStorage, username: string): string | null =>
  storage.getItem(`CognitoIdentityServiceProvider.${kit.backend.config.clientId}.${username}.refreshToken`);

async function signedIn(kit: EngineTestKit, username: string, password: string, storage = kit.storage): Promise<Auth> {
  const auth = kit.auth({ storage, config: rotating });
  await auth.signIn(username, password);
  kit.backend.resetCounts();
  return auth;
}

describe('refresh-token rotation (engine)', () => {
  const kit = useEngineBackend({ refreshTokenRotation: { retryGracePeriodSeconds: GRACE_SECONDS } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('rot')) await k.backend.createUser({ username: 'rot', password });
  });

  it('refreshes with GetTokensFromRefreshToken and stores the rotated refresh token', async () => {
    const k = kit();
    const auth = await signedIn(k, 'rot', password);
    const before = (await auth.currentSession()).refreshToken;
    k.clock.advance(HOUR);

    const session = await auth.currentSession();

    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(1);
    expect(k.backend.count('InitiateAuth')).toBe(0);
    const request = k.backend.requests()[0]?.input as Record<string, unknown>;
    expect(Object.keys(request).sort()).toEqual(['ClientId', 'RefreshToken']);
    expect(session.refreshToken).toBeDefined();
    expect(session.refreshToken).not.toBe(before);
    expect(storedRefreshToken(k, k.storage, 'rot')).toBe(session.refreshToken);
    expect(session.isValid(k.clock.now())).toBe(true);
  });

  it('sends one request for 20 callers that need a refresh at once, and refreshes again with the new token', async () => {
    const k = kit();
    const auth = await signedIn(k, 'rot', password);
    k.clock.advance(HOUR);

    const sessions = await Promise.all(Array.from({ length: 20 }, () => auth.currentSession()));
    expect(new Set(sessions.map((s) => s.accessToken)).size).toBe(1);
    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(1);

    // Past the grace period the first token is retired: only the stored new one can work.
    k.clock.advance(HOUR);
    await expect(auth.currentSession()).resolves.toMatchObject({ refreshToken: expect.any(String) });
    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(2);
    expect(k.backend.refreshTokenReuses()).toBe(0);
  });

  it('a replayed refresh token after the grace period revokes the family: the thief and the user are both signed out', async () => {
    const k = kit();
    const user = await signedIn(k, 'rot', password);
    // The thief copies the whole stored session to a storage of its own.
    const stolen = new RecordingStorage();
    for (const key of k.storage.keys()) stolen.setItem(key, k.storage.getItem(key)!);
    k.clock.advance(HOUR);
    await user.currentSession(); // the user rotates first
    k.clock.advance((GRACE_SECONDS + 1) * 1000);
    const reuses = k.backend.refreshTokenReuses();

    const thief = k.auth({ storage: stolen, config: rotating });
    await expect(thief.currentSession()).rejects.toMatchObject({ name: 'RefreshTokenReuseException' });
    expect(k.backend.refreshTokenReuses()).toBe(reuses + 1);
    expect(thief.getState().status).toBe('signedOut');
    expect(stolen.keys().filter((key) => key.endsWith('Token'))).toEqual([]);

    k.clock.advance(HOUR);
    await expect(user.currentSession()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    expect(user.getState().status).toBe('signedOut');
    tally('attacksTried');
    tally('attacksRejected');
  });
});

describe('refreshTokenRotation on a client that does not rotate', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  it('keeps the old refresh token when GetTokensFromRefreshToken returns none', async () => {
    const k = kit();
    await k.backend.createUser({ username: 'keep', password });
    const auth = await signedIn(k, 'keep', password);
    const before = (await auth.currentSession()).refreshToken;
    k.clock.advance(HOUR);

    const session = await auth.currentSession();

    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(1);
    expect(session.refreshToken).toBe(before);
    expect(storedRefreshToken(k, k.storage, 'keep')).toBe(before);
    k.clock.advance(HOUR);
    await expect(auth.currentSession()).resolves.toMatchObject({ refreshToken: before });
  });
});
