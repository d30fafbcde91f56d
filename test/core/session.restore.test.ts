import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthEvent, AuthEventName } from '../../src/core/index';
import { AuthError } from '../../src/core/index';
import { expectOutcome, nodeStyle, poolFor, signIn as acijSignIn, userFor } from '../backend/acij';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// Restoring a stored session at start-up: synchronous, no request while it is valid, one refresh
// when it is not, and the keys amazon-cognito-identity-js (Amplify v5) writes, in both directions.
const TOKEN_SECONDS = 300;
const PAST_EXPIRY_MS = (TOKEN_SECONDS + 100) * 1000;

describe('session restore', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();
  const fast = { config: { authenticationFlowType: 'USER_PASSWORD_AUTH' as const } };

  const keyOf = (item: string): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.ann.${item}`;
  const lastAuthUserKey = (): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.LastAuthUser`;

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('ann')) await k.backend.createUser({ username: 'ann', password, attributes: { email: 'ann@example.com' } });
    k.backend.resetCounts();
  });

  it('restores a session amazon-cognito-identity-js stored, synchronously and with 0 requests', async () => {
    const { backend, url, storage, auth } = kit();
    const pool = poolFor(backend, url, storage);
    const outcome = expectOutcome(await acijSignIn(userFor(pool, 'ann', storage), password), 'success');
    expect(storage.keys()).toEqual(
      [lastAuthUserKey(), keyOf('accessToken'), keyOf('clockDrift'), keyOf('idToken'), keyOf('refreshToken')].sort(),
    );
    backend.resetCounts();

    const engine = auth();

    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: 'ann', attributes: { email: 'ann@example.com' } } });
    const session = await engine.currentSession();
    expect(session.accessToken).toBe(outcome.session.getAccessToken().getJwtToken());
    expect(session.refreshToken).toBe(outcome.session.getRefreshToken().getToken());
    expect(backend.count()).toBe(0);
  });

  it('leaves keys that amazon-cognito-identity-js getSession() accepts as a valid session, with 0 requests', async () => {
    const { backend, url, storage, auth } = kit();
    const engine = auth(fast);
    await engine.signIn('ann', password);
    const ours = await engine.currentSession();
    backend.resetCounts();

    const acijUser = poolFor(backend, url, storage).getCurrentUser();
    expect(acijUser?.getUsername()).toBe('ann');
    const theirs = await nodeStyle<CognitoUserSession>((cb) => acijUser!.getSession(cb));

    expect(theirs.isValid()).toBe(true);
    expect(theirs.getAccessToken().getJwtToken()).toBe(ours.accessToken);
    expect(theirs.getIdToken().getJwtToken()).toBe(ours.idToken);
    expect(theirs.getRefreshToken().getToken()).toBe(ours.refreshToken);
    expect(backend.count()).toBe(0);
  });

  it('starts loading with expired stored tokens, then is signed in after exactly 1 refresh request', async () => {
    const { backend, storage, clock, auth } = kit();
    await auth(fast).signIn('ann', password);
    const oldAccess = storage.getItem(keyOf('accessToken'));
    clock.advance(PAST_EXPIRY_MS);
    backend.resetCounts();

    const engine = auth();
    const initial = engine.getState();
    const refreshed = nextEvent(engine, 'tokenRefresh');

    expect(initial.status).toBe('loading');
    // The constructor is inert: no request until the engine is started.
    await Promise.resolve();
    expect(backend.count()).toBe(0);
    engine.start();
    await refreshed;
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: 'ann' }, error: null });
    expect(backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth']);
    expect(backend.requests()[0]!.input).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    const session = await engine.currentSession();
    expect(session.isValid(clock.now())).toBe(true);
    expect(storage.getItem(keyOf('accessToken'))).toBe(session.accessToken);
    expect(session.accessToken).not.toBe(oldAccess);
    expect(backend.count()).toBe(1);
  });

  it('ends signed out with tokenRefresh_failure and cleared keys when the stored refresh token was revoked', async () => {
    const { backend, storage, clock, auth, events } = kit();
    const first = auth(fast);
    await first.signIn('ann', password);
    await backend.call('GlobalSignOut', { AccessToken: (await first.currentSession()).accessToken });
    clock.advance(PAST_EXPIRY_MS);
    backend.resetCounts();

    const engine = auth();
    const seen = events(engine);
    expect(engine.getState().status).toBe('loading');
    const failing = nextEvent(engine, 'tokenRefresh_failure');
    engine.start();
    const failure = await failing;

    expect(failure.data).toBeInstanceOf(AuthError);
    expect(failure.data).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', user: null, error: { name: 'NotAuthorizedException' } });
    expect(storage.keys()).toEqual([]);
    expect(backend.count()).toBe(1);
    expect(seen.map((e) => e.event)).toEqual(['tokenRefresh_failure']);
    await expect(engine.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
    expect(backend.count()).toBe(1);
  });

  it.each([
    ['"NaN"', 'NaN'],
    ['missing', null],
    ['garbage', 'not-a-number'],
  ])('restores valid tokens whose stored clockDrift is %s, with a finite drift and 0 requests', async (_label, drift) => {
    const { backend, storage, clock, auth } = kit();
    await auth(fast).signIn('ann', password);
    if (drift === null) storage.removeItem(keyOf('clockDrift'));
    else storage.setItem(keyOf('clockDrift'), drift);
    backend.resetCounts();

    const engine = auth();

    expect(engine.getState().status).toBe('signedIn');
    const session = await engine.currentSession();
    expect(Number.isFinite(session.clockDrift)).toBe(true);
    expect(session.isValid(clock.now())).toBe(true);
    expect(backend.count()).toBe(0);
  });

  it('refreshes expired tokens whose stored clockDrift is corrupt (the token age is not taken for drift), storing a finite drift', async () => {
    const { backend, storage, clock, auth } = kit();
    await auth(fast).signIn('ann', password);
    storage.setItem(keyOf('clockDrift'), 'NaN');
    clock.advance(PAST_EXPIRY_MS);
    backend.resetCounts();

    const engine = auth();

    expect(engine.getState().status).toBe('loading');
    const session = await engine.currentSession();
    expect(backend.count()).toBe(1);
    expect(engine.getState().status).toBe('signedIn');
    expect(session.isValid(clock.now())).toBe(true);
    const stored = storage.getItem(keyOf('clockDrift'));
    expect(stored).toMatch(/^-?\d+$/);
    expect(Math.abs(Number(stored))).toBeLessThanOrEqual(2);
  });

  it('is signed out with 0 requests and no refresh attempt when the stored tokens are expired and there is no refresh token', async () => {
    const { backend, storage, clock, auth } = kit();
    await auth(fast).signIn('ann', password);
    storage.removeItem(keyOf('refreshToken'));
    clock.advance(PAST_EXPIRY_MS);
    backend.resetCounts();

    const engine = auth();

    expect(engine.getState()).toMatchObject({ status: 'signedOut', user: null });
    expect(storage.keys()).toEqual([]);
    expect(backend.count()).toBe(0);
  });
});

function nextEvent(auth: Auth, name: AuthEventName, timeoutMs = 5_000): Promise<AuthEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = auth.listen(name, (event) => {
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}
