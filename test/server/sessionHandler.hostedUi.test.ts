// @vitest-environment node
// Backend-for-frontend after a hosted-UI sign-in: the refresh token from the code exchange goes to
// the handler's httpOnly cookie (the same completion step as a password sign-in), never to page
// storage; sign-out revokes it through the handler, and the tab still leaves through /logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionHandler } from '../../src/server/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';
import { pageFetch, serveHandler, type HandlerServer } from './bffSupport';

describe('createSessionHandler after a hosted-UI sign-in', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const jun = { username: 'jun', password: strongPassword() };
  let server: HandlerServer;

  beforeAll(async () => {
    await kit().backend.createUser({ username: 'jun', password: jun.password, attributes: { email: 'jun@example.com' } });
    server = await serveHandler(createSessionHandler(kit().config()));
  });
  afterAll(() => server.close());

  it('keeps the code exchange’s refresh token in the cookie only, and revokes it at sign-out', async () => {
    const storage = new RecordingStorage();
    const page = pageFetch(server.origin);
    const browser = new FakeBrowser('http://localhost:3000/');
    const options = { storage, engine: { fetch: page.fetch, sessionEndpoint: `${server.origin}/api/auth` } };

    const { auth } = await ui.signIn(browser, jun, {}, options);

    expect(auth.getState().status).toBe('signedIn');
    const token = page.jar.get('crk-refresh-token')?.value;
    expect(token).toMatch(/\S{20,}/);
    expect(storage.keys().filter((key) => key.endsWith('.refreshToken') || storage.getItem(key)!.includes(token!))).toEqual([]);
    expect(storage.keys().some((key) => key.endsWith('.accessToken'))).toBe(true);
    const ClientId = kit().backend.config.clientId;
    const refreshAtBackend = () => kit().backend.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: token } });
    await expect(refreshAtBackend()).resolves.toBeDefined();

    await auth.signOut();

    expect(server.hits).toEqual(['/api/auth/session', '/api/auth/sign-out']);
    expect(page.jar.has('crk-refresh-token')).toBe(false);
    await expect(refreshAtBackend()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    const logout = browser.navigation();
    expect(logout.pathname).toBe('/logout');
  });
});
