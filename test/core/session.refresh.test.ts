import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth, AuthEvent, AuthEventName, FetchLike } from '../../src/core/index';
import { AuthError } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import type { InterceptResponse } from '../backend/types';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { trackRequests } from '../support/requestTracker';

// currentSession(): the cached session while valid, one refresh inside the margin, and every way a
// refresh can fail (dead refresh token: sign out fast and once; network or server down: keep the
// session), plus a sign-out racing a refresh.
const TOKEN_SECONDS = 300;
const fast = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };

function refreshRequests(kit: EngineTestKit): number {
  return kit.backend.requests().filter((r) => r.operation === 'InitiateAuth' && isRefresh(r.input)).length;
}

function isRefresh(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { AuthFlow?: unknown }).AuthFlow === 'REFRESH_TOKEN_AUTH';
}

function names(events: AuthEvent[]): AuthEventName[] {
  return events.map((e) => e.event);
}

async function signedIn(kit: EngineTestKit, username: string, password: string, engine?: Parameters<EngineTestKit['auth']>[0]): Promise<Auth> {
  const auth = kit.auth({ ...engine, config: { ...fast, ...engine?.config } });
  await auth.signIn(username, password);
  kit.backend.resetCounts();
  return auth;
}

describe('currentSession() refresh margin', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('bo')) await k.backend.createUser({ username: 'bo', password, attributes: { email: 'bo@example.com' } });
  });

  it('returns the same session object while its tokens are valid, with no request', async () => {
    const k = kit();
    const auth = await signedIn(k, 'bo', password);
    const first = await auth.currentSession();
    k.clock.advance(60_000);

    const again = await auth.currentSession();

    expect(again).toBe(first);
    expect(k.backend.count()).toBe(0);
  });

  it('refreshes once the tokens are within the default 60 s margin of expiry, not before', async () => {
    const k = kit();
    const auth = await signedIn(k, 'bo', password);
    const seen = k.events(auth);
    const first = await auth.currentSession();

    k.clock.advance((TOKEN_SECONDS - 60 - 5) * 1000);
    expect(await auth.currentSession()).toBe(first);
    expect(k.backend.count()).toBe(0);

    k.clock.advance(10_000);
    const refreshed = await auth.currentSession();

    expect(refreshed).not.toBe(first);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(refreshRequests(k)).toBe(1);
    expect(k.backend.count()).toBe(1);
    expect(names(seen)).toEqual(['tokenRefresh']);
    expect(k.storage.getItem(`CognitoIdentityServiceProvider.${k.backend.config.clientId}.bo.accessToken`)).toBe(refreshed.accessToken);
    expect(await auth.currentSession()).toBe(refreshed);
    expect(k.backend.count()).toBe(1);
  });

  it('caps refreshMarginSeconds at half the token lifetime', async () => {
    const k = kit();
    // 200 s asked for, 150 s (half of 300) used: at 145 s the session is still served from memory.
    const auth = await signedIn(k, 'bo', password, { engine: { refreshMarginSeconds: 200 } });
    const first = await auth.currentSession();

    k.clock.advance(145_000);
    expect(await auth.currentSession()).toBe(first);
    expect(k.backend.count()).toBe(0);

    k.clock.advance(10_000);
    expect(await auth.currentSession()).not.toBe(first);
    expect(refreshRequests(k)).toBe(1);
  });

  it('honours a smaller refreshMarginSeconds', async () => {
    const k = kit();
    const auth = await signedIn(k, 'bo', password, { engine: { refreshMarginSeconds: 10 } });
    const first = await auth.currentSession();

    k.clock.advance((TOKEN_SECONDS - 15) * 1000);
    expect(await auth.currentSession()).toBe(first);
    expect(k.backend.count()).toBe(0);

    k.clock.advance(10_000);
    expect(await auth.currentSession()).not.toBe(first);
    expect(refreshRequests(k)).toBe(1);
  });
});

describe('currentSession() with an id token that expires before the access token', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 600, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('cy')) await k.backend.createUser({ username: 'cy', password });
  });

  it('refreshes when the id token nears expiry even though the access token has long to live', async () => {
    const k = kit();
    const auth = await signedIn(k, 'cy', password);
    const first = await auth.currentSession();

    k.clock.advance((TOKEN_SECONDS - 65) * 1000);
    expect(await auth.currentSession()).toBe(first);
    k.clock.advance(10_000);
    const refreshed = await auth.currentSession();

    expect(refreshed.idToken).not.toBe(first.idToken);
    expect(refreshRequests(k)).toBe(1);
  });
});

describe('currentSession() when the refresh token is dead', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS, refreshTokenSeconds: 900 } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('di')) await k.backend.createUser({ username: 'di', password });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects 20 concurrent callers with the same typed error after 1 request, then is signed out (GlobalSignOut elsewhere)', async () => {
    const k = kit();
    const auth = await signedIn(k, 'di', password);
    const seen = k.events(auth);
    await k.backend.call('GlobalSignOut', { AccessToken: (await auth.currentSession()).accessToken });
    k.clock.advance((TOKEN_SECONDS + 10) * 1000);
    k.backend.resetCounts();

    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => auth.currentSession()));
    const elapsed = performance.now() - started;

    const errors = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as unknown) : 'resolved'));
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]).toBeInstanceOf(AuthError);
    expect(errors[0]).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked', source: 'currentSession' });
    expect(k.backend.count()).toBe(1);
    expect(elapsed).toBeLessThan(1_000);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, error: { name: 'NotAuthorizedException' } });
    expect(k.storage.keys()).toEqual([]);
    expect(names(seen)).toEqual(['tokenRefresh_failure']);
  });

  it('fails fast on an expired refresh token: 1 request, under 1 s, signed out, tokenRefresh_failure once, no retry loop', async () => {
    const k = kit();
    const requests = trackRequests();
    const auth = await signedIn(k, 'di', password, { engine: { fetch: requests.fetch } });
    const seen = k.events(auth);
    k.clock.advance(1_000 * 1_000);

    const started = performance.now();
    const error = await auth.currentSession().then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has expired' });
    expect(elapsed).toBeLessThan(1_000);
    expect(k.backend.count()).toBe(1);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { message: 'Refresh Token has expired' } });
    expect(k.storage.keys()).toEqual([]);

    // A subscriber (which arms background refresh) and more calls must not try again. Background
    // refresh is a timer: fire whatever the subscriber armed now, in fake time, then wait until every
    // request the engine sent is answered (so the backend has logged it) before counting.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const unsubscribe = auth.subscribe(() => undefined);
    await vi.runOnlyPendingTimersAsync();
    vi.useRealTimers();
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
    unsubscribe();
    await requests.idle();
    expect(k.backend.count()).toBe(1);
    expect(names(seen)).toEqual(['tokenRefresh_failure']);
  });

  it.each([
    ['deleted', 'UserNotFoundException', 'User does not exist.'],
    ['disabled', 'NotAuthorizedException', 'User is disabled.'],
  ])('fails fast and signs out when the user was %s', async (change, name, message) => {
    const k = kit();
    const username = `${change}-user`;
    await k.backend.createUser({ username, password });
    const auth = await signedIn(k, username, password);
    if (change === 'deleted') k.backend.deleteUser(username);
    else k.backend.disableUser(username);
    k.clock.advance((TOKEN_SECONDS + 10) * 1000);
    k.backend.resetCounts();

    await expect(auth.currentSession()).rejects.toMatchObject({ name, message, source: 'currentSession' });

    expect(k.backend.count()).toBe(1);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { name } });
    expect(k.storage.keys()).toEqual([]);
  });
});

describe('currentSession() when the network or the server fails', () => {
  let serverFault: InterceptResponse | undefined;
  const kit = useEngineBackend({
    tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS },
    intercept: (operation, input) => (serverFault && operation === 'InitiateAuth' && isRefresh(input) ? serverFault : undefined),
  });
  const password = strongPassword();

  beforeEach(async () => {
    serverFault = undefined;
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('ed')) await k.backend.createUser({ username: 'ed', password });
  });

  it('rejects with NetworkError when offline, keeps the session, and refreshes on a later call', async () => {
    const k = kit();
    let offline = false;
    const fetch: FetchLike = (url, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(url, init));
    const auth = await signedIn(k, 'ed', password, { engine: { fetch } });
    const seen = k.events(auth);
    const before = await auth.currentSession();
    const storedBefore = k.storage.keys().map((key) => [key, k.storage.getItem(key)]);
    k.clock.advance((TOKEN_SECONDS + 10) * 1000);

    offline = true;
    const error = await auth.currentSession().then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'NetworkError', source: 'currentSession' });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'ed' } });
    expect(k.storage.keys().map((key) => [key, k.storage.getItem(key)])).toEqual(storedBefore);
    expect(names(seen)).toEqual(['tokenRefresh_failure']);

    offline = false;
    const after = await auth.currentSession();

    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.isValid(k.clock.now())).toBe(true);
    expect(refreshRequests(k)).toBe(1);
    expect(names(seen)).toEqual(['tokenRefresh_failure', 'tokenRefresh']);
  });

  // A refresh is idempotent: 5xx are retried twice (3 attempts) before failing; throttling is not retried.
  it.each([
    ['a 500 InternalErrorException', { status: 500, body: JSON.stringify({ __type: 'InternalErrorException', message: 'Internal server error' }) }, 3],
    ['a 503 with no body', { status: 503, body: '' }, 3],
    ['a 400 TooManyRequestsException (throttling)', { status: 400, body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }) }, 1],
  ])('keeps the session after %s from the refresh, and refreshes on a later call', async (_label, fault, attempts) => {
    const k = kit();
    const auth = await signedIn(k, 'ed', password);
    const before = await auth.currentSession();
    k.clock.advance((TOKEN_SECONDS + 10) * 1000);

    serverFault = fault;
    await expect(auth.currentSession()).rejects.toBeInstanceOf(AuthError);

    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'ed' } });
    expect(k.storage.getItem(`CognitoIdentityServiceProvider.${k.backend.config.clientId}.ed.refreshToken`)).toBe(before.refreshToken);

    serverFault = undefined;
    const after = await auth.currentSession();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(refreshRequests(k)).toBe(attempts + 1);
  });

  it('ends signed out when the user signs out while a refresh is in flight (the late result does not resurrect the session)', async () => {
    const k = kit();
    let holdRefresh: Promise<void> | undefined = undefined;
    let refreshArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (refreshArrived = resolve));
    const fetch: FetchLike = async (url, init) => {
      const response = await globalThis.fetch(url, init);
      if (holdRefresh && init.body?.includes('REFRESH_TOKEN_AUTH')) {
        refreshArrived();
        await holdRefresh;
      }
      return response;
    };
    const auth = await signedIn(k, 'ed', password, { engine: { fetch } });
    const seen = k.events(auth);
    k.clock.advance((TOKEN_SECONDS + 10) * 1000);
    let release: () => void = () => undefined;
    holdRefresh = new Promise<void>((resolve) => (release = resolve));

    const pending = auth.currentSession();
    const settled = pending.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await arrived; // the backend has issued new tokens; their delivery is held back
    await auth.signOut();
    release();
    const outcome = await settled;

    expect(outcome).toBeInstanceOf(AuthError);
    expect(outcome).toMatchObject({ name: 'NoCurrentUser' });
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
    expect(k.storage.keys()).toEqual([]);
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
    expect(k.auth().getState().status).toBe('signedOut');
    expect(names(seen)).not.toContain('tokenRefresh');
    // A refresh cut short by a deliberate sign-out is not a failure worth announcing.
    expect(names(seen)).not.toContain('tokenRefresh_failure');
    expect(names(seen).filter((n) => n === 'signOut')).toHaveLength(1);
    expect(k.backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth', 'RevokeToken']);
  });
});
