import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type FetchLike } from '../../src/core/index';
import { BackendError } from '../backend/errors';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// signOut(): local (revoke this refresh token, forget tokens, keep the device), global (every
// device, and only if Cognito heard it), and the session ending because of a sign-out elsewhere.
describe('signOut', () => {
  // Device tracking on, so there are device keys that a sign-out must leave in place.
  const kit = useEngineBackend({ deviceTracking: true });
  const password = strongPassword();
  const fast = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };

  const prefix = (): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}`;
  const deviceKeys = (): string[] => ['deviceGroupKey', 'deviceKey', 'randomPasswordKey'].map((item) => `${prefix()}.ivy.${item}`);

  /** Throws the backend's error for a refresh with this token, or resolves when it still works. */
  const refreshAtBackend = (k: EngineTestKit, refreshToken: string) =>
    k.backend.call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: k.backend.config.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });

  const offlineSwitch = () => {
    const state = { offline: false };
    const fetch: FetchLike = (url, init) => (state.offline ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(url, init));
    return { state, fetch };
  };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('ivy')) await k.backend.createUser({ username: 'ivy', password, attributes: { email: 'ivy@example.com' } });
    k.backend.resetCounts();
  });

  it('signs out locally: tokens cleared, device keys kept, signedOut, one signOut event, one RevokeToken (tokens carry origin_jti)', async () => {
    const k = kit();
    const auth = k.auth({ config: fast });
    await auth.signIn('ivy', password);
    const session = await auth.currentSession();
    expect(session.accessTokenPayload['origin_jti']).toEqual(expect.any(String));
    expect(k.storage.keys()).toEqual(expect.arrayContaining(deviceKeys()));
    const seen = k.events(auth);
    k.backend.resetCounts();

    await auth.signOut();

    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, nextStep: null, error: null });
    expect(k.storage.keys()).toEqual(deviceKeys());
    expect(seen.map((e) => e.event)).toEqual(['signOut']);
    expect(k.backend.requests()).toEqual([{ operation: 'RevokeToken', input: { Token: session.refreshToken, ClientId: k.backend.config.clientId } }]);
    await expect(refreshAtBackend(k, session.refreshToken!)).rejects.toMatchObject({ message: 'Refresh Token has been revoked' });
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
  });

  it('does not call RevokeToken when the access token has no origin_jti (revocation off), and still signs out', async () => {
    const k = kit();
    const nowSeconds = Math.floor(k.clock.now() / 1000);
    const { issuer: iss, clientId } = k.backend.config;
    const claims = { sub: 'sub-ivy', username: 'ivy', iat: nowSeconds, exp: nowSeconds + 3600, token_use: 'access', iss, client_id: clientId, aud: clientId };
    k.storage.setItem(`${prefix()}.LastAuthUser`, 'ivy');
    k.storage.setItem(`${prefix()}.ivy.accessToken`, unsignedJwt(claims));
    k.storage.setItem(`${prefix()}.ivy.idToken`, unsignedJwt({ ...claims, token_use: 'id', 'cognito:username': 'ivy' }));
    k.storage.setItem(`${prefix()}.ivy.refreshToken`, 'opaque-refresh-token');
    k.storage.setItem(`${prefix()}.ivy.clockDrift`, '0');
    const auth = k.auth();
    expect(auth.getState().status).toBe('signedIn');

    await auth.signOut();

    expect(k.backend.count()).toBe(0);
    expect(auth.getState().status).toBe('signedOut');
    expect(k.storage.keys()).toEqual([]);
  });

  it('still signs out locally when RevokeToken cannot reach Cognito', async () => {
    const k = kit();
    const { state, fetch } = offlineSwitch();
    const auth = k.auth({ config: fast, engine: { fetch } });
    await auth.signIn('ivy', password);
    const seen = k.events(auth);
    state.offline = true;

    await expect(auth.signOut()).resolves.toBeUndefined();

    expect(auth.getState().status).toBe('signedOut');
    expect(k.storage.keys()).toEqual(deviceKeys());
    expect(seen.map((e) => e.event)).toEqual(['signOut']);
  });

  it('signs out globally with one GlobalSignOut, after which the old refresh and access tokens fail at Cognito', async () => {
    const k = kit();
    const auth = k.auth({ config: fast });
    await auth.signIn('ivy', password);
    const session = await auth.currentSession();
    const seen = k.events(auth);
    k.backend.resetCounts();

    await auth.signOut({ global: true });

    expect(k.backend.requests().map((r) => r.operation)).toEqual(['GlobalSignOut']);
    expect(k.backend.requests()[0]!.input).toEqual({ AccessToken: session.accessToken });
    expect(auth.getState().status).toBe('signedOut');
    expect(k.storage.keys()).toEqual(deviceKeys());
    expect(seen.map((e) => e.event)).toEqual(['signOut']);
    await expect(refreshAtBackend(k, session.refreshToken!)).rejects.toBeInstanceOf(BackendError);
    await expect(refreshAtBackend(k, session.refreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    await expect(k.backend.call('GetUser', { AccessToken: session.accessToken })).rejects.toMatchObject({ message: 'Access Token has been revoked' });
  });

  it('rejects a global sign-out that cannot reach Cognito with NetworkError and stays signed in', async () => {
    const k = kit();
    const { state, fetch } = offlineSwitch();
    const auth = k.auth({ config: fast, engine: { fetch } });
    await auth.signIn('ivy', password);
    const session = await auth.currentSession();
    const keysBefore = k.storage.keys();
    const seen = k.events(auth);
    state.offline = true;

    const error = await auth.signOut({ global: true }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'NetworkError', source: 'signOut' });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'ivy' } });
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(seen.map((e) => e.event)).toEqual([]);
    await expect(refreshAtBackend(k, session.refreshToken!)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });

    state.offline = false;
    await auth.signOut({ global: true });
    expect(auth.getState().status).toBe('signedOut');
  });

  it('completes a global sign-out locally, with one signOut event, when the session was already revoked elsewhere', async () => {
    const k = kit();
    const auth = k.auth({ config: fast });
    await auth.signIn('ivy', password);
    await k.backend.call('GlobalSignOut', { AccessToken: (await auth.currentSession()).accessToken });
    const seen = k.events(auth);
    k.backend.resetCounts();

    await expect(auth.signOut({ global: true })).resolves.toBeUndefined();

    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: null });
    expect(k.storage.keys()).toEqual(deviceKeys());
    expect(k.backend.requests().map((r) => r.operation)).toEqual(['GlobalSignOut']);
    expect(seen.map((e) => e.event)).toEqual(['signOut']);
  });

  it('completes a global sign-out locally when Cognito no longer knows the user (deleted)', async () => {
    const k = kit();
    await k.backend.createUser({ username: 'gone', password });
    const auth = k.auth({ config: fast });
    await auth.signIn('gone', password);
    k.backend.deleteUser('gone');
    const seen = k.events(auth);
    k.backend.resetCounts();

    await expect(auth.signOut({ global: true })).resolves.toBeUndefined();

    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: null });
    expect(k.backend.requests().map((r) => r.operation)).toEqual(['GlobalSignOut']);
    expect(seen.map((e) => e.event)).toEqual(['signOut']);
  });

  it('is harmless when already signed out: resolves, no request, state snapshot unchanged', async () => {
    const k = kit();
    const auth = k.auth();
    const before = auth.getState();
    expect(before.status).toBe('signedOut');

    await expect(auth.signOut()).resolves.toBeUndefined();
    await expect(auth.signOut({ global: true })).resolves.toBeUndefined();

    expect(auth.getState()).toBe(before);
    expect(k.backend.count()).toBe(0);
  });

  it('ends the session locally when a user call finds the access token revoked by a sign-out elsewhere', async () => {
    const k = kit();
    const auth = k.auth({ config: fast });
    await auth.signIn('ivy', password);
    const session = await auth.currentSession();
    await k.backend.call('GlobalSignOut', { AccessToken: session.accessToken });
    const seen = k.events(auth);
    k.backend.resetCounts();

    const error = await auth.userAttributes().then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked', source: 'userAttributes' });
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, error: { name: 'NotAuthorizedException' } });
    expect(k.storage.keys()).toEqual(deviceKeys());
    expect(seen.map((e) => e.event)).toEqual(['signOut']);
    expect(k.backend.requests().map((r) => r.operation)).toEqual(['GetUser']);
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
  });
});

/** A JWT-shaped token with the given claims and no real signature (the engine reads, never verifies). */
function unsignedJwt(claims: Record<string, unknown>): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}
