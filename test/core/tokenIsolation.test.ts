import { describe, expect, it } from 'vitest';
import { AuthError, createAuth, MemoryStorage, type TokenIsolation } from '../../src/core/index';
import { isolationWorker, type IsolatedRequest, type IsolatedResponse, type WorkerScope } from '../../src/core/isolation/isolationWorker';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';

// The worker's own logic, run in Node on a scope whose fetch is the real one, against the test
// backend (the Chromium test runs it as a real Web Worker); and the engine's typed errors.
describe("tokenIsolation: 'worker'", () => {
  const running = useBackend({ deviceTracking: false, refreshTokenRotation: { retryGracePeriodSeconds: 0 } });
  const password = strongPassword();
  registerSecret(password);

  /** The isolation worker on a scope of its own; `send` is what the page's postMessage would do. */
  function startWorker(allowed: string[]) {
    let onmessage: WorkerScope['onmessage'] = null;
    const scope: WorkerScope = {
      fetch: globalThis.fetch,
      crypto: globalThis.crypto,
      get onmessage() {
        return onmessage;
      },
      set onmessage(handler) {
        onmessage = handler;
      },
    };
    isolationWorker(scope, allowed);
    const send = (request: IsolatedRequest) =>
      new Promise<IsolatedResponse>((resolve) => onmessage!({ data: { request }, ports: [{ postMessage: (answer) => resolve(answer as IsolatedResponse) }] }));
    const cognito = (operation: string, body: object) =>
      send({ url: running().url, method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` }, body: JSON.stringify(body) });
    const forget = (handle: string) => onmessage!({ data: { forget: handle }, ports: [] });
    return { send, cognito, forget };
  }

  const json = (answer: IsolatedResponse) => {
    if ('failed' in answer) throw new Error(`worker refused: ${answer.message}`);
    return JSON.parse(answer.text) as { AuthenticationResult?: { RefreshToken?: string; AccessToken?: string } };
  };

  it('hands out a handle for the refresh token, swaps it back in for refreshes (a rotated token keeps its handle) and revokes, and forgets', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'lin', password });
    const worker = startWorker([url]);
    const clientId = backend.config.clientId;

    const signedIn = json(await worker.cognito('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'lin', PASSWORD: password } }));
    const handle = signedIn.AuthenticationResult!.RefreshToken!;
    expect(handle).toMatch(/^isolated-refresh-token\./);
    const issued = backend.secrets().filter((secret) => secret.split('.').length === 5);
    expect(issued).toHaveLength(1);

    // Rotation: a new refresh token arrives, the page keeps the same handle, the worker the new token.
    backend.resetCounts();
    const rotated = json(await worker.cognito('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: handle }));
    expect(rotated.AuthenticationResult).toMatchObject({ RefreshToken: handle, AccessToken: expect.any(String) });
    expect(backend.requests()[0]!.input).toMatchObject({ RefreshToken: issued[0] });
    const newest = backend.secrets().filter((secret) => secret.split('.').length === 5 && secret !== issued[0]);
    expect(newest).toHaveLength(1);
    json(await worker.cognito('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: handle }));
    expect(backend.requests()[1]!.input).toMatchObject({ RefreshToken: newest[0] });

    // Another client id presenting the handle gets nothing swapped in.
    backend.resetCounts();
    await worker.cognito('GetTokensFromRefreshToken', { ClientId: 'another-client', RefreshToken: handle });
    expect(backend.requests()[0]!.input).toMatchObject({ RefreshToken: handle });

    // Forgotten: the handle reaches Cognito as it is.
    worker.forget(handle);
    backend.resetCounts();
    const after = await worker.cognito('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: handle });
    expect(after).toMatchObject({ ok: false, status: 400 });
    expect(backend.requests()[0]!.input).toMatchObject({ RefreshToken: handle });
  });

  it('sends only to the URLs it was started with, POST with a body only', async () => {
    const { url } = running();
    const worker = startWorker([url]);
    const headers = { 'Content-Type': 'application/x-amz-json-1.1' };
    for (const request of [
      { url: 'https://attacker.invalid/', method: 'POST', headers, body: '{}' },
      { url: `${url}/`, method: 'POST', headers, body: '{}' },
      { url, method: 'GET', headers },
    ]) {
      expect(await worker.send(request)).toMatchObject({ failed: 'refused' });
    }
  });

  it('RevokeToken revokes with the real token and forgets it, also after the page dropped the handle (sign-out ends the session first)', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'mo', password });
    const worker = startWorker([url]);
    const clientId = backend.config.clientId;
    const signedIn = json(await worker.cognito('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'mo', PASSWORD: password } }));
    const handle = signedIn.AuthenticationResult!.RefreshToken!;
    worker.forget(handle);
    backend.resetCounts();
    // Dropped: no refresh with it any more, but the revoke that follows a sign-out still gets the real token.
    await worker.cognito('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: handle } });
    expect(backend.requests()[0]!.input).toMatchObject({ AuthParameters: { REFRESH_TOKEN: handle } });
    backend.resetCounts();
    expect(await worker.cognito('RevokeToken', { ClientId: clientId, Token: handle })).toMatchObject({ ok: true });
    expect((backend.requests()[0]!.input as { Token: string }).Token.split('.')).toHaveLength(5);
    await worker.cognito('RevokeToken', { ClientId: clientId, Token: handle });
    expect(backend.requests()[1]!.input).toMatchObject({ Token: handle });
  });

  it('createAuth refuses it with sessionEndpoint, or an unknown mode: TokenIsolationConflict', () => {
    const config = { userPoolId: 'us-east-1_abc', userPoolWebClientId: 'client' };
    expect(() => createAuth(config, { tokenIsolation: 'worker', sessionEndpoint: '/api/auth' })).toThrow(
      expect.objectContaining({ name: 'TokenIsolationConflict', source: 'createAuth' }),
    );
    expect(() => createAuth(config, { tokenIsolation: 'iframe' as TokenIsolation })).toThrow(AuthError);
  });

  it('without Web Workers (Node, SSR, React Native): sign-in fails with TokenIsolationUnavailable and nothing is stored', async () => {
    const { backend, url } = running();
    const storage = new MemoryStorage();
    const auth = createAuth({ userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, storage }, { tokenIsolation: 'worker' });
    backend.resetCounts();
    await expect(auth.signIn('nobody', password)).rejects.toMatchObject({ name: 'TokenIsolationUnavailable' });
    expect(backend.count()).toBe(0);
    expect(storage.length).toBe(0);
  });
});
