import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createAuth, PageCoordinator, type FetchLike, type OAuthConfig } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { useEngineBackend } from '../support/engine';
import { storedKeys } from '../support/engineAssertions';
import { APP, CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';

// The implicit flow (responseType 'token'): still works, but is deprecated and says so once per process.
describe('hosted UI: implicit flow (responseType token)', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const token = { responseType: 'token' as const };
  const password = strongPassword();
  const kai = { username: 'kai', password };
  let warn: MockInstance<typeof console.warn>;

  beforeAll(() => {
    warn = vi.spyOn(console, 'warn');
  });
  afterAll(() => {
    warn.mockRestore();
  });

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('kai')) await k.backend.createUser({ username: 'kai', password, attributes: { email: 'kai@example.com' } });
    k.backend.resetCounts();
  });

  it('logs one deprecation warning however many engines of a page (one coordinator) use it, and none for the code flow', async () => {
    // No module state: "once" is per engine, or per coordinator for engines that share a page.
    const coordinator = new PageCoordinator();
    const k = kit();
    const engine = (oauth: Partial<OAuthConfig> = {}) =>
      createAuth(k.config({ oauth: ui.oauth(oauth) }), { now: k.clock.now, environment: new FakeBrowser(`${APP}/`).environment, coordinator });
    warn.mockClear();

    engine();
    expect(warn).not.toHaveBeenCalled();

    engine(token);
    engine(token);
    engine().configure({ oauth: token });

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/responseType "token".*deprecated/);
  });

  it('federatedSignIn asks for response_type=token with state and nonce, and no PKCE', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser, { oauth: token }).federatedSignIn();

    const params = Object.fromEntries(browser.navigation().searchParams);
    const { record } = browser.flowRecord();
    expect(params).toEqual({
      response_type: 'token',
      client_id: kit().backend.config.clientId,
      redirect_uri: CALLBACK,
      scope: 'phone email openid profile aws.cognito.signin.user.admin',
      state: record['state'],
      nonce: record['nonce'],
    });
    expect(record).not.toHaveProperty('verifier');
  });

  it('reads the tokens from the fragment: signed in without a token request or refresh token, fragment removed', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const { auth, callback, events } = await ui.signIn(browser, kai, { customState: 'from-implicit' }, { oauth: token });

    expect(new URL(callback).hash).toMatch(/access_token=/);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'kai', attributes: { email: 'kai@example.com' } } });
    expect(events.map((e) => [e.event, e.event === 'customOAuthState' ? e.data : undefined])).toEqual([
      ['signIn', undefined],
      ['cognitoHostedUI', undefined],
      ['customOAuthState', 'from-implicit'],
    ]);
    expect(k.backend.count('oauth2/token')).toBe(0);
    const session = await auth.currentSession();
    expect(session.refreshToken).toBeUndefined();
    expect(k.storage.keys()).toEqual(
      [...storedKeys(k.backend.config.clientId, 'kai', ['accessToken', 'clockDrift', 'idToken', 'sessionStamp']), 'amplify-signin-with-hostedUI'].sort(),
    );
    expect(browser.replaced).toEqual([CALLBACK]);
    expect(await auth.userAttributes()).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'kai@example.com' }]));
  });

  it('ignores a fragment whose state is not the stored one: nothing stored, nothing rewritten, the flow kept', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser, { oauth: token }).federatedSignIn();
    const callback = new URL(await completeHostedUi(browser.navigation().toString(), kai));
    const fragment = new URLSearchParams(callback.hash.slice(1));
    fragment.set('state', 'forged-state-0123456789-0123456789');
    callback.hash = fragment.toString();

    browser.load(callback.toString());
    const pending = browser.flowRecord();
    const auth = ui.engine(browser, { oauth: token });
    await expect(auth.handleRedirect()).resolves.toBeNull();

    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error: null });
    expect(k.storage.keys()).toEqual([]);
    expect(browser.replaced).toEqual([]);
    expect(browser.flowRecord()).toEqual(pending);
  });

  it('verifies the id token against the pool’s JWKS: one GET per engine, with redirect: "error"', async () => {
    const k = kit();
    const requests: { url: string; method: string; redirect?: string }[] = [];
    const recording: FetchLike = (url, init) => {
      requests.push({ url, method: init.method, ...(init.redirect ? { redirect: init.redirect } : {}) });
      return globalThis.fetch(url, init);
    };
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser, { oauth: token, engine: { fetch: recording } });
    for (let i = 0; i < 2; i++) {
      await ui.engine(browser, { oauth: token }).federatedSignIn();
      await expect(auth.handleRedirect(await completeHostedUi(browser.navigations.at(-1)!, kai))).resolves.toMatchObject({ isSignedIn: true });
      await auth.signOut();
    }

    const jwks = `${k.url}${k.backend.config.userPoolId}/.well-known/jwks.json`;
    expect(requests.filter((request) => request.method === 'GET')).toEqual([{ url: jwks, method: 'GET', redirect: 'error' }]);
  });

  it('signOut after an implicit sign-in has nothing to revoke and goes to /logout', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, kai, {}, { oauth: token });
    k.backend.resetCounts();

    await auth.signOut();

    expect(k.backend.count()).toBe(0);
    expect(Object.fromEntries(browser.navigation().searchParams)).toEqual({ client_id: k.backend.config.clientId, logout_uri: SIGNED_OUT });
    expect(auth.getState().status).toBe('signedOut');
  });
});
