import { beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { APP, CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';

const OTHER_APP = 'https://app.example.com';
const OTHER_CALLBACK = `${OTHER_APP}/auth/callback`;
const OTHER_SIGNED_OUT = `${OTHER_APP}/bye`;

// signOut() after a hosted-UI sign-in: revoke at /oauth2/revoke, then leave through the hosted UI's /logout
// (which ends its own session cookie). After an SRP/password sign-in: neither.
describe('hosted UI: signOut', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK, OTHER_CALLBACK], logoutUrls: [SIGNED_OUT, OTHER_SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  const jun = { username: 'jun', password };

  /** Throws the backend's error for a refresh with this token, or resolves when it still works. */
  const refreshAtBackend = (k: EngineTestKit, refreshToken: string) =>
    k.backend.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: k.backend.config.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } });

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('jun')) await k.backend.createUser({ username: 'jun', password, attributes: { email: 'jun@example.com' } });
    k.backend.resetCounts();
  });

  it('revokes the refresh token at /oauth2/revoke, forgets the session and navigates to /logout with logout_uri', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, jun);
    const { refreshToken } = await auth.currentSession();
    await expect(refreshAtBackend(k, refreshToken!)).resolves.toBeDefined();
    const seen = k.events(auth);
    k.backend.resetCounts();

    await auth.signOut();

    expect(k.backend.requests()).toEqual([{ operation: 'oauth2/revoke', input: { token: refreshToken, client_id: k.backend.config.clientId } }]);
    await expect(refreshAtBackend(k, refreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error: null });
    expect(k.storage.keys()).toEqual([]);
    expect(seen.map((e) => e.event)).toEqual(['signOut']);

    const logout = browser.navigation();
    expect(logout.origin + logout.pathname).toBe(`${k.url}logout`);
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: k.backend.config.clientId, logout_uri: SIGNED_OUT });
    // The hosted UI accepts it and sends the tab to the sign-out page.
    const response = await fetch(logout, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(SIGNED_OUT);
  });

  it('uses the redirectSignOut on the current page origin among comma-separated ones', async () => {
    const browser = new FakeBrowser(`${OTHER_APP}/`);
    const oauth = { redirectSignIn: `${CALLBACK},${OTHER_CALLBACK}`, redirectSignOut: `${SIGNED_OUT},${OTHER_SIGNED_OUT}` };
    const { auth } = await ui.signIn(browser, jun, {}, { oauth });
    browser.load(`${OTHER_APP}/account`);

    await auth.signOut();

    expect(browser.navigation().searchParams.get('logout_uri')).toBe(OTHER_SIGNED_OUT);
  });

  it('a later engine (next page load) still knows the session came from the hosted UI', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.signIn(browser, jun);
    browser.load(`${APP}/profile`);
    k.backend.resetCounts();

    await ui.engine(browser).signOut();

    expect(k.backend.requests().map((r) => r.operation)).toEqual(['oauth2/revoke']);
    expect(browser.navigation().pathname).toBe('/logout');
  });

  it('after an SRP sign-in (hosted UI configured) revokes with RevokeToken and does not visit /logout', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    await auth.signIn('jun', password);
    k.backend.resetCounts();

    await auth.signOut();

    expect(k.backend.requests().map((r) => r.operation)).toEqual(['RevokeToken']);
    expect(browser.navigations).toEqual([]);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('a hosted-UI sign-in followed by sign-out and an SRP sign-in: the second sign-out does not visit /logout', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, jun);
    await auth.signOut();
    browser.load(`${SIGNED_OUT}`);
    const next = ui.engine(browser);
    await next.signIn('jun', password);
    k.backend.resetCounts();

    await next.signOut();

    expect(k.backend.requests().map((r) => r.operation)).toEqual(['RevokeToken']);
    expect(browser.navigations).toEqual([]);
  });

  it('global sign-out after a hosted-UI sign-in: GlobalSignOut (no separate revoke), then /logout', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, jun);
    const { refreshToken } = await auth.currentSession();
    k.backend.resetCounts();

    await auth.signOut({ global: true });

    expect(k.backend.requests().map((r) => r.operation)).toEqual(['GlobalSignOut']);
    await expect(refreshAtBackend(k, refreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(browser.navigation().searchParams.get('logout_uri')).toBe(SIGNED_OUT);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('a failed revoke still signs out here and still goes to /logout', async () => {
    const k = kit();
    const offline = { revoke: false };
    const fetch: FetchLike = (url, init) =>
      offline.revoke && new URL(url).pathname === '/oauth2/revoke' ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(url, init);
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, jun, {}, { engine: { fetch } });
    offline.revoke = true;

    await auth.signOut();

    expect(auth.getState().status).toBe('signedOut');
    expect(k.storage.keys()).toEqual([]);
    expect(browser.navigation().pathname).toBe('/logout');
  });
});
