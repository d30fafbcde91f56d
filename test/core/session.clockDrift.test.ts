import { beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// A device clock 12 hours off the server's. The engine judges expiry on the server's clock
// (device time minus the drift measured at sign-in), so the skew neither signs the user out nor
// hides real expiry. USER_PASSWORD_AUTH: an SRP TIMESTAMP is stamped with the device clock, and the
// test backend (like the window it models) refuses one more than 5 minutes off.
const TOKEN_SECONDS = 300;
const TWELVE_HOURS_MS = 12 * 3600_000;

describe.each([
  ['ahead of', TWELVE_HOURS_MS],
  ['behind', -TWELVE_HOURS_MS],
])('a device clock 12 h %s the server', (_label, skewMs) => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();
  const driftKey = (): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.flo.clockDrift`;

  const skewedEngine = () => {
    const k = kit();
    return createAuth(k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' }), { now: () => k.clock.now() + skewMs });
  };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('flo')) await k.backend.createUser({ username: 'flo', password });
    k.backend.resetCounts();
  });

  it('signs in, measures the drift, and treats the fresh session as valid without a refresh', async () => {
    const k = kit();
    const auth = skewedEngine();

    const result = await auth.signIn('flo', password);
    const session = await auth.currentSession();

    expect(result.isSignedIn).toBe(true);
    expect(auth.getState().status).toBe('signedIn');
    expect(Number.isFinite(session.clockDrift)).toBe(true);
    expect(Math.abs(session.clockDrift - skewMs / 1000)).toBeLessThanOrEqual(2);
    expect(session.isValid(k.clock.now() + skewMs)).toBe(true);
    expect(await auth.currentSession()).toBe(session);
    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(Number(k.storage.getItem(driftKey()))).toBe(session.clockDrift);
  });

  it('restores the stored session with the same skew with 0 requests', async () => {
    const k = kit();
    await skewedEngine().signIn('flo', password);
    k.backend.resetCounts();

    const restored = skewedEngine();

    expect(restored.getState().status).toBe('signedIn');
    await restored.currentSession();
    expect(k.backend.count()).toBe(0);
  });

  it('still detects expiry on the server clock and refreshes exactly once, keeping a finite drift', async () => {
    const k = kit();
    const auth = skewedEngine();
    await auth.signIn('flo', password);
    const first = await auth.currentSession();
    k.backend.resetCounts();

    k.clock.advance((TOKEN_SECONDS - 30) * 1000);
    const refreshed = await auth.currentSession();

    expect(refreshed).not.toBe(first);
    expect(k.backend.count()).toBe(1);
    expect(Number.isFinite(refreshed.clockDrift)).toBe(true);
    expect(Math.abs(refreshed.clockDrift - skewMs / 1000)).toBeLessThanOrEqual(2);
    expect(refreshed.isValid(k.clock.now() + skewMs)).toBe(true);
    expect(await auth.currentSession()).toBe(refreshed);
    expect(k.backend.count()).toBe(1);
  });

  it('makes user calls with the access token (the server accepts it)', async () => {
    const auth = skewedEngine();
    await auth.signIn('flo', password);

    await expect(auth.userAttributes()).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'sub' })]));
    expect(auth.getState().status).toBe('signedIn');
  });
});
