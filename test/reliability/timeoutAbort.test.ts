/**
 * Request timeouts, `auth.abort()`, retry backoff, and a sign-out racing a refresh that hangs:
 * against the test backend on loopback, faults from test/backend/faults.ts.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { AuthError, ConfigError, type Auth, type AuthEvent, type FetchLike } from '../../src/core/index';
import { retryDelayMs } from '../../src/core/retryPolicy';
import { createFaultInjector } from '../backend/faults';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { authErrorOf, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { settle, trackUnhandledRejections } from './unhandled';

const PAST_EXPIRY_MS = 3_700_000;
const fast = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };
const faults = createFaultInjector({ hangMs: 5_000 });
const unhandled = trackUnhandledRejections();

describe('timeouts, abort and retries', () => {
  const kit = useEngineBackend({ intercept: faults.intercept });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
    kit().backend.resetCounts();
  });

  afterEach(() => {
    faults.disarm();
    faults.release();
  });

  afterAll(() => {
    expect(unhandled()).toEqual([]);
  });

  async function signedIn(k: EngineTestKit, options: Parameters<EngineTestKit['auth']>[0] = {}): Promise<{ auth: Auth; username: string }> {
    const username = uniqueName('timer');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const auth = k.auth({ ...options, config: { ...fast, ...options.config } });
    await auth.signIn(username, password);
    k.backend.resetCounts();
    return { auth, username };
  }

  it('a request the server never answers fails with NetworkError after requestTimeout, once (ForgotPassword is not retried)', async () => {
    const k = kit();
    const auth = k.auth({ config: { requestTimeout: 1000 } });
    faults.arm({ kind: 'hang', operation: 'ForgotPassword', times: 5 });

    const error = await authErrorOf(auth.forgotPassword('someone'));

    expect(error).toMatchObject({ name: 'NetworkError', source: 'forgotPassword', message: 'ForgotPassword timed out after 1000 ms' });
    expect(k.backend.count('ForgotPassword')).toBe(1);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { name: 'NetworkError' } });
  });

  it('the timeout aborts the fetch it passed a signal to, and also stops a fetch that ignores the signal', async () => {
    const k = kit();
    const signals: AbortSignal[] = [];
    const deaf: FetchLike = (_url, init) => {
      if (init.signal) signals.push(init.signal);
      return new Promise(() => undefined); // never settles, whatever the signal says
    };
    const auth = k.auth({ config: { requestTimeout: 50 }, engine: { fetch: deaf, retry: { baseDelayMs: 1 } } });

    await expect(auth.forgotPassword('someone')).rejects.toMatchObject({ name: 'NetworkError' });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('an idempotent read that hangs once is retried after the timeout and succeeds', async () => {
    const k = kit();
    const { username } = await signedIn(k);
    // A second engine restores the session from storage: the short timeout applies only to the read.
    const auth = k.auth({ config: { ...fast, requestTimeout: 1000 }, engine: { retry: { baseDelayMs: 1 } } });
    faults.arm({ kind: 'hang', operation: 'GetUser' });

    await expect(auth.currentUserInfo()).resolves.toMatchObject({ username });
    expect(k.backend.count('GetUser')).toBe(2);
  });

  it('gives up after the configured retries and surfaces the last error', async () => {
    const k = kit();
    const { auth } = await signedIn(k, { engine: { retry: { retries: 3, baseDelayMs: 1 } } });
    faults.arm({ kind: 'http503', operation: 'GetUser', times: 10 });

    const error = await authErrorOf(auth.currentUserInfo());

    expect(error).toMatchObject({ name: 'HttpError503', statusCode: 503, source: 'currentUserInfo' });
    expect(k.backend.count('GetUser')).toBe(4);
    expect(auth.getState().status).toBe('signedIn');
  });

  it('auth.abort() ends a hanging sign-in at once with an AbortError; the next sign-in works', async () => {
    const k = kit();
    const username = uniqueName('abort');
    await k.backend.createUser({ username, password });
    const auth = k.auth({ config: { ...fast, requestTimeout: 60_000 } });
    faults.arm({ kind: 'hang', operation: 'InitiateAuth' });

    const pending = authErrorOf(auth.signIn(username, password));
    await until(() => k.backend.count('InitiateAuth') === 1);
    auth.abort();
    const error = await pending;

    expect(error).toMatchObject({ name: 'AbortError', source: 'signIn', message: 'InitiateAuth was aborted' });
    expect(error.message).not.toContain(password);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { name: 'AbortError' } });
    await expect(auth.signIn(username, password)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('auth.abort() during a retry backoff stops the retries', async () => {
    const k = kit();
    const { auth } = await signedIn(k, { engine: { retry: { retries: 2, baseDelayMs: 60_000 } } });
    faults.arm({ kind: 'http500', operation: 'GetUser', times: 10 });
    const timers = vi.spyOn(globalThis, 'setTimeout');

    const pending = authErrorOf(auth.currentUserInfo());
    await until(() => k.backend.count('GetUser') === 1);
    // The 500 is in and the backoff has begun once its timer is armed: 30–60 s with this base delay and
    // jitter (the request's own timeout is 15 s, the test's polling far shorter).
    await until(() => timers.mock.calls.some(([, ms]) => typeof ms === 'number' && ms >= 30_000 && ms <= 60_000));
    timers.mockRestore();
    auth.abort();

    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(k.backend.count('GetUser')).toBe(1);
    expect(auth.getState().status).toBe('signedIn');
  });

  it('an aborted refresh keeps the session; the next call refreshes', async () => {
    const k = kit();
    const { auth, username } = await signedIn(k);
    const before = await auth.currentSession();
    k.clock.advance(PAST_EXPIRY_MS);
    faults.arm({ kind: 'hang', operation: 'InitiateAuth' });

    const pending = authErrorOf(auth.currentSession());
    await until(() => k.backend.count('InitiateAuth') === 1);
    auth.abort();

    expect(await pending).toMatchObject({ name: 'AbortError', source: 'currentSession' });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    expect(k.storage.getItem(`CognitoIdentityServiceProvider.${k.backend.config.clientId}.${username}.refreshToken`)).toBe(before.refreshToken);
    faults.disarm();
    const after = await auth.currentSession();
    expect(after.accessToken).not.toBe(before.accessToken);
  });

  it('a sign-out while the refresh hangs ends signed out, and stays so when the refresh times out', async () => {
    const k = kit();
    await signedIn(k);
    const auth = k.auth({ config: { ...fast, requestTimeout: 1000 }, engine: { retry: { retries: 1, baseDelayMs: 1 } } });
    const seen: AuthEvent[] = k.events(auth);
    k.clock.advance(PAST_EXPIRY_MS);
    faults.arm({ kind: 'hang', operation: 'InitiateAuth', times: 5 });

    const refresh = auth.currentSession().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await until(() => k.backend.count('InitiateAuth') === 1);
    await auth.signOut();
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });

    const outcome = await refresh;
    await settle();

    expect(outcome).toBeInstanceOf(AuthError);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
    expect(k.storage.keys()).toEqual([]);
    expect(k.auth().getState().status).toBe('signedOut');
    expect(seen.map((event) => event.event)).toEqual(['signOut']);
  });

  it('a sign-out while a slow refresh is answered ends signed out (the late tokens are dropped)', async () => {
    const k = kit();
    const slow = createFaultInjector({ slowMs: 200 });
    const { auth } = await signedIn(k, { engine: { fetch: delayRefresh(slow) } });
    k.clock.advance(PAST_EXPIRY_MS);

    const refresh = auth.currentSession().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await until(() => k.backend.count('InitiateAuth') === 1);
    await auth.signOut();
    const outcome = await refresh;

    expect(outcome).toMatchObject({ name: 'NoCurrentUser' });
    expect(auth.getState().status).toBe('signedOut');
    expect(k.storage.keys()).toEqual([]);
  });

  it('requestTimeout is validated and kept in the resolved config', () => {
    const base = { userPoolId: 'us-east-1_Abc123', userPoolWebClientId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3' };
    expect(resolveConfig({ ...base, requestTimeout: 5000 }).requestTimeout).toBe(5000);
    expect(resolveConfig(base).requestTimeout).toBeUndefined();
    for (const bad of [0, -1, Number.NaN, Infinity, '15000', 2 ** 31]) {
      const thrown = (() => {
        try {
          resolveConfig({ ...base, requestTimeout: bad as number });
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).fields).toEqual(['requestTimeout']);
    }
  });

  it('backoff doubles per retry with jitter between half and all of it, and stops after the retries', () => {
    expect(retryDelayMs(0, { baseDelayMs: 100 }, () => 0)).toBe(50);
    expect(retryDelayMs(0, { baseDelayMs: 100 }, () => 1)).toBe(100);
    expect(retryDelayMs(1, { baseDelayMs: 100 }, () => 1)).toBe(200);
    expect(retryDelayMs(2, { retries: 2, baseDelayMs: 100 })).toBeUndefined();
    expect(retryDelayMs(0, { retries: 0 })).toBeUndefined();
  });
});

/** A fetch that holds back the refresh's answer (it has run at the server) for the injector's slowMs. */
function delayRefresh(slow: ReturnType<typeof createFaultInjector>): FetchLike {
  slow.arm({ kind: 'slow', times: Number.MAX_SAFE_INTEGER });
  return async (url, init) => {
    const response = await globalThis.fetch(url, init);
    if (init.body?.includes('REFRESH_TOKEN_AUTH')) await slow.intercept('InitiateAuth', {});
    return response;
  };
}

/** Resolves once `condition()` holds (polled), or fails after `timeoutMs`. */
function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  return vi.waitFor(
    () => {
      if (!condition()) throw new Error('condition not met in time');
    },
    { timeout: timeoutMs, interval: 5 },
  );
}
