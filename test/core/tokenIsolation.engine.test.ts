import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuth, type IsolationWorker } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret } from '../support/secrets';

/** The engine's worker source, run in this process (Node has no Web Worker): the engine's wiring is what is under test here. */
function startedWorkers(workerFetch: typeof fetch = globalThis.fetch) {
  const started: { source: string; terminated: boolean }[] = [];
  const start = (source: string): IsolationWorker => {
    const scope: { fetch: typeof fetch; crypto: Crypto; onmessage: ((event: { data: unknown; ports: readonly unknown[] }) => void) | null } = {
      fetch: workerFetch,
      crypto: globalThis.crypto,
      onmessage: null,
    };
    new Function('self', source)(scope);
    const record = { source, terminated: false };
    started.push(record);
    return {
      onerror: null,
      postMessage: (data, transfer) => void Promise.resolve().then(() => scope.onmessage?.({ data, ports: transfer ?? [] })),
      terminate: () => {
        record.terminated = true;
        scope.onmessage = null;
      },
    };
  };
  return { started, start };
}

// tokenIsolation: 'worker' through the engine (sign-in, refresh, sign-out, configure), in Node.
describe("tokenIsolation: 'worker', the engine's side", () => {
  const running = useBackend({ deviceTracking: true });
  const password = strongPassword();
  registerSecret(password);

  it('signs in with a handle for the refresh token, writes nothing to the config storage, refreshes, revokes the real token', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'noa', password });
    const storage = new RecordingStorage();
    const workers = startedWorkers();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, storage };
    const auth = createAuth(config, { tokenIsolation: 'worker', startIsolationWorker: workers.start });

    await auth.signIn('noa', password);
    const session = await auth.currentSession();
    expect(session.refreshToken).toMatch(/^isolated-refresh-token\./);
    // Device tracking remembered a device: its keys stay in memory too.
    expect(storage.keys()).toEqual([]);
    expect(workers.started).toHaveLength(1);
    // The worker knows only the pool's endpoint (no hosted UI configured).
    expect(workers.started[0]!.source).toContain(JSON.stringify([url]));

    backend.resetCounts();
    const refreshed = await auth.currentSession({ forceRefresh: true });
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    expect(refreshed.refreshToken).toBe(session.refreshToken);
    const [realToken] = backend.secrets().filter((secret) => secret.split('.').length === 5);
    expect(backend.requests()).toEqual([expect.objectContaining({ operation: 'InitiateAuth', input: expect.objectContaining({ AuthParameters: expect.objectContaining({ REFRESH_TOKEN: realToken }) }) })]);

    backend.resetCounts();
    await auth.signOut();
    expect(backend.requests().find((r) => r.operation === 'RevokeToken')?.input).toMatchObject({ Token: realToken });
    expect(storage.keys()).toEqual([]);
  });

  it('configure() starts a new worker and ends the old one with its tokens; the new config starts signed out', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'ory', password });
    const workers = startedWorkers();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url };
    const auth = createAuth(config, { tokenIsolation: 'worker', startIsolationWorker: workers.start });
    await auth.signIn('ory', password);

    auth.configure({ clientMetadata: { app: 'two' } });
    expect(auth.getState().status).toBe('signedOut');
    expect(workers.started.map((w) => w.terminated)).toEqual([true]);
    await auth.signIn('ory', password);
    expect(workers.started.map((w) => w.terminated)).toEqual([true, false]);
  });
});

describe("tokenIsolation: 'worker', abort() during a rotating refresh", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const running = useBackend({ deviceTracking: false, refreshTokenRotation: { retryGracePeriodSeconds: 0 } });
  const password = strongPassword();
  registerSecret(password);

  it('the page stops waiting at once; the worker keeps the token Cognito already rotated, so the next refresh works', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'ivo', password });
    // The worker's network: holds a refresh's response after Cognito has answered (and rotated the token).
    let holding = false;
    let answered: () => void = () => undefined;
    let release: () => void = () => undefined;
    const workers = startedWorkers(async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (holding && String(init?.headers && (init.headers as Record<string, string>)['X-Amz-Target']).endsWith('GetTokensFromRefreshToken')) {
        answered();
        await new Promise<void>((resolve) => (release = resolve));
      }
      return response;
    });
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, refreshTokenRotation: true };
    const auth = createAuth(config, { tokenIsolation: 'worker', startIsolationWorker: workers.start });
    await auth.signIn('ivo', password);
    const before = await auth.currentSession();

    holding = true;
    const rotatedByCognito = new Promise<void>((resolve) => (answered = resolve));
    const refresh = auth.currentSession({ forceRefresh: true });
    await rotatedByCognito;
    auth.abort();
    await expect(refresh).rejects.toMatchObject({ name: 'AbortError' });
    holding = false;
    release();

    // Cognito no longer takes the token the page signed in with (no grace period): only the rotated one, kept in the worker, refreshes.
    backend.resetCounts();
    const after = await auth.currentSession({ forceRefresh: true });
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(backend.requests().map((r) => r.operation)).toEqual(['GetTokensFromRefreshToken']);
  });

  it('a refresh whose request hangs in the worker holds the next one back 15 s at most', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'uma', password });
    let hang = false;
    const workers = startedWorkers((input, init) => (hang ? new Promise<Response>(() => undefined) : globalThis.fetch(input, init)));
    // The page waits longer than the worker's 15 s, so what ends the wait below is the worker's bound.
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, refreshTokenRotation: true, requestTimeout: 60_000 };
    const auth = createAuth(config, { tokenIsolation: 'worker', startIsolationWorker: workers.start });
    await auth.signIn('uma', password);
    const before = await auth.currentSession();

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    hang = true;
    const stuck = auth.currentSession({ forceRefresh: true });
    await vi.advanceTimersByTimeAsync(0);
    auth.abort();
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
    hang = false;
    let done = false;
    const next = auth.currentSession({ forceRefresh: true }).finally(() => (done = true));
    await vi.advanceTimersByTimeAsync(14_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    const after = await next;
    expect(after.accessToken).not.toBe(before.accessToken);
  });
});
