import { describe, expect, it } from 'vitest';
import { createAuth, type IsolationWorker } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret } from '../support/secrets';

/** The engine's worker source, run in this process (Node has no Web Worker): the engine's wiring is what is under test here. */
function startedWorkers() {
  const started: { source: string; terminated: boolean }[] = [];
  const start = (source: string): IsolationWorker => {
    const scope: { fetch: typeof fetch; crypto: Crypto; onmessage: ((event: { data: unknown; ports: readonly unknown[] }) => void) | null } = {
      fetch: globalThis.fetch,
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
