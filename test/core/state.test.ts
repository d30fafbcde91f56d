import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, ConfigError, type Auth, type AuthEvent, type AuthEventName, type AuthState } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// What a UI binds to: frozen snapshots replaced on change, subscribe/listen, a background refresh
// that only runs while someone is subscribed, and configure().
const fast = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };

describe('engine state and events', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('jo')) await k.backend.createUser({ username: 'jo', password, attributes: { email: 'jo@example.com' } });
    k.backend.resetCounts();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs in plain Node without a DOM: a full SRP sign-in works', async () => {
    const { backend, auth } = kit();
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
    const engine = auth();

    const result = await engine.signIn('jo', password);

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: 'jo', attributes: { email: 'jo@example.com' } } });
    expect(backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('hands out frozen snapshots, the same one until something changes, and replaces rather than mutates them', async () => {
    const { auth } = kit();
    const engine = auth({ config: fast });
    const before = engine.getState();
    expect(Object.isFrozen(before)).toBe(true);
    expect(engine.getState()).toBe(before);

    await engine.signIn('jo', password);

    const after = engine.getState();
    expect(after).not.toBe(before);
    expect(before).toMatchObject({ status: 'signedOut', user: null });
    expect(after.status).toBe('signedIn');
    expect(engine.getState()).toBe(after);
    expect(Object.isFrozen(after)).toBe(true);
    expect(Object.isFrozen(after.user)).toBe(true);
    expect(Object.isFrozen(after.user?.attributes)).toBe(true);
    expect(Object.isFrozen(after.nextStep)).toBe(true);
    expect(() => {
      (after.user as { username: string }).username = 'mallory';
    }).toThrow(TypeError);
    expect(() => {
      (after.user!.attributes as Record<string, string>)['email'] = 'mallory@example.com';
    }).toThrow(TypeError);
  });

  it('calls a subscriber once per change with a new snapshot each time, and never after it unsubscribes', async () => {
    const { auth } = kit();
    const engine = auth({ config: fast });
    const seen: AuthState[] = [];
    const unsubscribe = engine.subscribe(() => seen.push(engine.getState()));

    await engine.signIn('jo', password);
    await engine.signOut();

    expect(seen.map((s) => s.status)).toEqual(['signedIn', 'signedOut']);
    expect(new Set(seen).size).toBe(seen.length);
    unsubscribe();
    await engine.signIn('jo', password);
    expect(seen).toHaveLength(2);
    expect(engine.getState().status).toBe('signedIn');
  });

  it("delivers every event to listen('*') and only signIn to listen('signIn'), without secrets, until unsubscribed", async () => {
    const { auth } = kit();
    const engine = auth({ config: fast });
    const all: AuthEvent[] = [];
    const signIns: AuthEvent[] = [];
    const stopAll = engine.listen('*', (event) => all.push(event));
    const stopSignIn = engine.listen('signIn', (event) => signIns.push(event));

    await engine.signIn('jo', password);
    const refreshToken = (await engine.currentSession()).refreshToken!;
    await engine.signOut();
    await expect(engine.signIn('jo', 'Wr0ng!password')).rejects.toMatchObject({ name: 'NotAuthorizedException' });

    expect(all.map((e) => e.event)).toEqual(['signIn', 'signOut', 'signIn_failure']);
    expect(signIns).toHaveLength(1);
    expect(signIns[0]).toMatchObject({ event: 'signIn', data: { username: 'jo' }, message: expect.any(String) });
    expect(all[2]!.data).toBeInstanceOf(AuthError);
    const serialised = JSON.stringify(all);
    expect(serialised).not.toContain(password);
    expect(serialised).not.toContain(refreshToken);

    stopAll();
    stopSignIn();
    await engine.signIn('jo', password);
    expect(all).toHaveLength(3);
    expect(signIns).toHaveLength(1);
  });

  it('finishes the flow and notifies the other listeners when a listener or subscriber throws, reporting the error', async () => {
    const { auth } = kit();
    const reported: unknown[] = [];
    const queued: Promise<void>[] = [];
    const realQueueMicrotask = globalThis.queueMicrotask;
    // The engine re-throws listener errors in a microtask (so they reach error reporting); catch them
    // here, and keep a promise per task so the test can wait for exactly those tasks to have run.
    vi.stubGlobal('queueMicrotask', (task: () => void) => {
      queued.push(
        new Promise<void>((ran) =>
          realQueueMicrotask(() => {
            try {
              task();
            } catch (error) {
              reported.push(error);
            }
            ran();
          }),
        ),
      );
    });
    const engine = auth({ config: fast });
    const listenerBug = new Error('listener bug');
    const subscriberBug = new Error('subscriber bug');
    const heard: AuthEventName[] = [];
    const statuses: string[] = [];
    engine.listen('signIn', () => {
      throw listenerBug;
    });
    engine.listen('*', (event) => heard.push(event.event));
    engine.subscribe(() => {
      throw subscriberBug;
    });
    engine.subscribe(() => statuses.push(engine.getState().status));

    const result = await engine.signIn('jo', password);
    await Promise.all(queued);

    expect(result.isSignedIn).toBe(true);
    expect(engine.getState().status).toBe('signedIn');
    expect(heard).toEqual(['signIn']);
    expect(statuses).toEqual(['signedIn']);
    expect(reported).toContain(listenerBug);
    expect(reported).toContain(subscriberBug);
  });

  it('arms the background refresh timer with the first subscriber and clears it with the last', async () => {
    const { auth } = kit();
    await auth({ config: fast }).signIn('jo', password);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const engine = auth(); // restored from storage: no request, so nothing else needs a timer

    expect(engine.getState().status).toBe('signedIn');
    expect(vi.getTimerCount()).toBe(0);
    const first = engine.subscribe(() => undefined);
    expect(vi.getTimerCount()).toBe(1);
    const second = engine.subscribe(() => undefined);
    expect(vi.getTimerCount()).toBe(1);
    first();
    expect(vi.getTimerCount()).toBe(1);
    second();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-arms the refresh timer when it fires before the session is due (timer early, wall clock stepped back)', async () => {
    const { backend, auth } = kit();
    await auth({ config: fast }).signIn('jo', password);
    backend.resetCounts();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const engine = auth();
    const stop = engine.subscribe(() => undefined);

    // Fire the timer now, while the session (valid for an hour) is not due.
    expect(vi.getTimerCount()).toBe(1);
    vi.runOnlyPendingTimers();
    // Microtasks only: a turn of the event loop would let fetch's keep-alive bookkeeping add timers.
    for (let i = 0; i < 20; i++) await Promise.resolve();

    expect(backend.count()).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('arms no timer with autoRefresh: false, nor when signed out', async () => {
    const { auth } = kit();
    await auth({ config: fast }).signIn('jo', password);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    const manual = auth({ engine: { autoRefresh: false } });
    const stopManual = manual.subscribe(() => undefined);
    const signedOut = auth({ storage: new RecordingStorage() });
    const stopSignedOut = signedOut.subscribe(() => undefined);

    expect(manual.getState().status).toBe('signedIn');
    expect(signedOut.getState().status).toBe('signedOut');
    expect(vi.getTimerCount()).toBe(0);
    stopManual();
    stopSignedOut();
  });

  it('configure() returns the resolved config, the same object each time', () => {
    const { backend, url, auth } = kit();
    const engine = auth();

    const config = engine.configure();

    expect(config).toMatchObject({
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      region: 'us-east-1',
      authenticationFlowType: 'USER_SRP_AUTH',
      mandatorySignIn: false,
    });
    expect(engine.configure()).toBe(config);
  });

  it('configure(partial) merges and re-validates, emits configured, and the next sign-in uses it', async () => {
    const { backend, auth } = kit();
    const engine = auth();
    const events = collect(engine);

    const resolved = engine.configure({ authenticationFlowType: 'USER_PASSWORD_AUTH' });

    expect(resolved.authenticationFlowType).toBe('USER_PASSWORD_AUTH');
    expect(resolved.userPoolId).toBe(backend.config.userPoolId);
    expect(engine.configure()).toBe(resolved);
    expect(events.map((e) => e.event)).toEqual(['configured']);
    await engine.signIn('jo', password);
    expect(backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth']);
    expect(backend.requests()[0]!.input).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH' });
  });

  it('rejects a bad configure(partial) with ConfigError and keeps the config, state and session', async () => {
    const { backend, auth } = kit();
    const engine = auth({ config: fast });
    await engine.signIn('jo', password);
    backend.resetCounts();
    const config = engine.configure();
    const state = engine.getState();
    const events = collect(engine);

    let thrown: unknown;
    try {
      engine.configure({ authenticationFlowType: 'PLAIN_TEXT' as never, cookieStorage: { domain: 'https://example.com' } });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).fields).toEqual(expect.arrayContaining(['authenticationFlowType', 'cookieStorage.domain']));
    expect(engine.configure()).toBe(config);
    expect(engine.getState()).toBe(state);
    expect(events).toEqual([]);
    await expect(engine.currentSession()).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect(backend.count()).toBe(0);
  });

  it('keeps the user signed in across a valid configure(partial), restored from storage with 0 requests', async () => {
    const { backend, auth } = kit();
    const engine = auth({ config: fast });
    await engine.signIn('jo', password);
    backend.resetCounts();

    engine.configure({ clientMetadata: { app: 'tests' } });

    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: 'jo' } });
    await engine.currentSession();
    expect(backend.count()).toBe(0);
  });
});

describe('background refresh (real timers, 4 s tokens)', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 4, idTokenSeconds: 4 } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('kim')) await k.backend.createUser({ username: 'kim', password });
    k.backend.resetCounts();
  });

  it('refreshes once before expiry while subscribed, emitting tokenRefresh; an engine whose subscriber left does not', async () => {
    const k = kit();
    const watched = k.auth({ config: fast, engine: { refreshMarginSeconds: 1 } });
    const abandoned = k.auth({ config: fast, engine: { refreshMarginSeconds: 1 }, storage: new RecordingStorage() });
    await watched.signIn('kim', password);
    await abandoned.signIn('kim', password);
    const first = await watched.currentSession();
    const abandonedSession = await abandoned.currentSession();
    k.backend.resetCounts();
    const unsubscribe = watched.subscribe(() => undefined);
    abandoned.subscribe(() => undefined)();

    await nextEvent(watched, 'tokenRefresh', 4_500);
    unsubscribe();

    expect(k.backend.requests()).toEqual([
      { operation: 'InitiateAuth', input: expect.objectContaining({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.refreshToken } }) },
    ]);
    const session = await watched.currentSession();
    expect(session).not.toBe(first);
    expect(session.isValid(k.clock.now(), 1)).toBe(true);
    expect(k.backend.count()).toBe(1);
    expect(abandonedSession.refreshToken).not.toBe(first.refreshToken);
  });
});

function collect(auth: Auth): AuthEvent[] {
  const seen: AuthEvent[] = [];
  auth.listen('*', (event) => seen.push(event));
  return seen;
}

function nextEvent(auth: Auth, name: AuthEventName, timeoutMs: number): Promise<AuthEvent> {
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
