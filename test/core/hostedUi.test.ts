import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAuth, PageCoordinator } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { useEngineBackend } from '../support/engine';
import { authErrorOf, inputOf, SESSION_ITEMS, storedKeys } from '../support/engineAssertions';
import { APP, CALLBACK, FakeBrowser, hostedUiKit } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';

const HOSTED_UI_FLAG = 'amplify-signin-with-hostedUI';
// A second origin of the same app, for the comma-separated redirect lists.
const OTHER_APP = 'https://app.example.com';
const OTHER_CALLBACK = `${OTHER_APP}/auth/callback`;

// federatedSignIn() and the completion of the code flow on the callback page (authorization code + PKCE).
describe('hosted UI: code flow', () => {
  const kit = useEngineBackend({
    oauth: {
      callbackUrls: [CALLBACK, OTHER_CALLBACK],
      logoutUrls: [`${APP}/signed-out`],
      identityProviders: ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple', 'AcmeOIDC'],
    },
  });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  const hana = { username: 'hana', password };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('hana')) await k.backend.createUser({ username: 'hana', password, attributes: { email: 'hana@example.com' } });
    k.backend.resetCounts();
  });

  it('federatedSignIn navigates to /oauth2/authorize with the code-flow parameters, a fresh state, an S256 challenge of the stored verifier and a nonce', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);

    await auth.federatedSignIn();

    const target = browser.navigation();
    expect(target.origin).toBe(k.url.replace(/\/$/, ''));
    expect(target.origin.startsWith('http://127.0.0.1:')).toBe(true);
    expect(target.pathname).toBe('/oauth2/authorize');
    const params = Object.fromEntries(target.searchParams);
    const { record } = browser.flowRecord();
    expect(params).toEqual({
      response_type: 'code',
      client_id: k.backend.config.clientId,
      redirect_uri: CALLBACK,
      scope: 'phone email openid profile aws.cognito.signin.user.admin',
      state: record['state'],
      code_challenge: createHash('sha256').update(String(record['verifier'])).digest('base64url'),
      code_challenge_method: 'S256',
      nonce: record['nonce'],
    });
    expect(params['state']!.length).toBeGreaterThanOrEqual(32);
    expect(String(record['verifier']).length).toBeGreaterThanOrEqual(43);
    // Only a navigation: no request, nothing in the session storage.
    expect(k.backend.count()).toBe(0);
    expect(k.storage.keys()).toEqual([]);

    // A second start replaces the first: new state, verifier and nonce.
    await auth.federatedSignIn();
    const second = Object.fromEntries(new URL(browser.navigations[1]!).searchParams);
    expect(second['state']).not.toBe(params['state']);
    expect(second['code_challenge']).not.toBe(params['code_challenge']);
    expect(second['nonce']).not.toBe(params['nonce']);
    expect(browser.flowRecord().record['state']).toBe(second['state']);
  });

  it('sends a nonce only when openid is in the configured scope', async () => {
    const withOpenid = new FakeBrowser(`${APP}/`);
    await ui.engine(withOpenid, { oauth: { scope: ['openid', 'email'] } }).federatedSignIn();
    expect(withOpenid.navigation().searchParams.get('scope')).toBe('openid email');
    expect(withOpenid.navigation().searchParams.get('nonce')).toBe(withOpenid.flowRecord().record['nonce']);

    const withoutOpenid = new FakeBrowser(`${APP}/`);
    await ui.engine(withoutOpenid, { oauth: { scope: ['email', 'aws.cognito.signin.user.admin'] } }).federatedSignIn();
    expect(withoutOpenid.navigation().searchParams.has('nonce')).toBe(false);
    expect(withoutOpenid.flowRecord().record).not.toHaveProperty('nonce');
  });

  it('completes on the callback page: one token request with the stored verifier, the session stored like any sign-in, signIn, a clean address bar', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn();
    const { record } = browser.flowRecord();
    const callback = await completeHostedUi(browser.navigation().toString(), hana);
    expect(new URL(callback).searchParams.get('state')).toBe(record['state']);

    browser.load(callback);
    const auth = ui.engine(browser);
    expect(auth.getState().status).toBe('loading');
    const seen = k.events(auth);
    const result = await auth.handleRedirect();

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(k.backend.count('oauth2/token')).toBe(1);
    expect(inputOf(k.backend, 'oauth2/token')).toMatchObject({
      grant_type: 'authorization_code',
      client_id: k.backend.config.clientId,
      code: new URL(callback).searchParams.get('code'),
      redirect_uri: CALLBACK,
      code_verifier: record['verifier'],
    });
    expect(auth.getState()).toMatchObject({
      status: 'signedIn',
      error: null,
      user: { username: 'hana', userId: k.backend.getUser('hana')!.sub, attributes: { email: 'hana@example.com' } },
    });
    expect(seen.map((e) => e.event)).toEqual(['signIn', 'cognitoHostedUI']);
    expect(seen[0]!.data).toMatchObject({ username: 'hana' });
    // Same keys as an SRP sign-in, plus Amplify's hosted-UI marker.
    expect(k.storage.keys()).toEqual([...storedKeys(k.backend.config.clientId, 'hana', SESSION_ITEMS), HOSTED_UI_FLAG].sort());
    expect(browser.replaced).toEqual([CALLBACK]);
    expect(browser.url).toBe(CALLBACK);
    expect(browser.transientKeys()).toEqual([]);
    expect(browser.navigations).toEqual([]);
  });

  it('a hosted-UI session works with every engine method: restore on the next page, userAttributes, refresh with its refresh token', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.signIn(browser, hana);
    const session = await ui.engine(browser).currentSession();
    expect(session.refreshToken).toEqual(expect.any(String));

    browser.load(`${APP}/settings`);
    k.backend.resetCounts();
    const next = ui.engine(browser);
    expect(next.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
    expect(k.backend.count()).toBe(0);
    expect(await next.userAttributes()).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'hana@example.com' }]));
    expect(await next.currentAuthenticatedUser()).toMatchObject({ username: 'hana' });

    k.clock.advance(3_600_000);
    const refreshed = await next.currentSession();
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    expect(k.backend.requests().filter((r) => r.operation === 'InitiateAuth')).toEqual([
      expect.objectContaining({ input: expect.objectContaining({ AuthFlow: 'REFRESH_TOKEN_AUTH' }) }),
    ]);
    expect(browser.navigations).toEqual([]);
  });

  it('hands customState back in customOAuthState after signIn, without ever sending it to the hosted UI', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const customState = 'return-to=/billing?tab=2 & ünïcode';
    const { auth, events } = await ui.signIn(browser, hana, { customState });

    expect(auth.getState().status).toBe('signedIn');
    expect(events.map((e) => e.event)).toEqual(['signIn', 'cognitoHostedUI', 'customOAuthState']);
    expect(events[2]!.data).toBe(customState);
    for (const request of k.backend.requests()) expect(JSON.stringify(request.input)).not.toContain('billing');
  });

  it('signs in with a social provider: identity_provider=Google, a federated user whose attributes include identities', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn({ provider: 'Google' });
    expect(browser.navigation().searchParams.get('identity_provider')).toBe('Google');

    const callback = await completeHostedUi(browser.navigation().toString(), { email: 'social@example.com' });
    browser.load(callback);
    const auth = ui.engine(browser);
    await auth.handleRedirect();

    const username = auth.getState().user!.username;
    expect(username).toMatch(/^Google_\d{21}$/);
    expect(k.backend.getUser(username)!.status).toBe('EXTERNAL_PROVIDER');
    const attributes = Object.fromEntries((await auth.userAttributes()).map(({ Name, Value }) => [Name, Value]));
    expect(attributes['email']).toBe('social@example.com');
    expect(JSON.parse(attributes['identities']!)).toEqual([expect.objectContaining({ providerName: 'Google', providerType: 'Google' })]);
  });

  it('signs in with a custom (OIDC/SAML) provider by name: identity_provider=<name>', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn({ customProvider: 'AcmeOIDC' });
    expect(browser.navigation().searchParams.get('identity_provider')).toBe('AcmeOIDC');

    const callback = await completeHostedUi(browser.navigation().toString(), { email: 'worker@acme.example' });
    browser.load(callback);
    const auth = ui.engine(browser);
    await auth.handleRedirect();
    expect(auth.getState().user).toMatchObject({ username: expect.stringMatching(/^AcmeOIDC_/), attributes: { email: 'worker@acme.example' } });
    const identities = JSON.parse(auth.getState().user!.attributes['identities']!) as unknown;
    expect(identities).toEqual([expect.objectContaining({ providerName: 'AcmeOIDC', providerType: 'OIDC' })]);
  });

  it('provider COGNITO goes straight to the user-pool form (identity_provider=COGNITO)', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, hana, { provider: 'COGNITO' });
    expect(auth.getState().user?.username).toBe('hana');
    expect(kit().backend.requests().find((r) => r.operation === 'oauth2/authorize')?.input).toMatchObject({ identity_provider: 'COGNITO' });
  });

  it('uses the redirectSignIn on the current page origin among comma-separated ones, and completes there', async () => {
    const k = kit();
    const oauth = { redirectSignIn: `${CALLBACK},${OTHER_CALLBACK}` };

    const local = new FakeBrowser(`${APP}/start`);
    await ui.engine(local, { oauth }).federatedSignIn();
    expect(local.navigation().searchParams.get('redirect_uri')).toBe(CALLBACK);

    const other = new FakeBrowser(`${OTHER_APP}/welcome?lang=en`);
    const { auth, callback } = await ui.signIn(other, hana, {}, { oauth });
    expect(callback.startsWith(`${OTHER_CALLBACK}?`)).toBe(true);
    expect(auth.getState().user?.username).toBe('hana');
    expect(inputOf(k.backend, 'oauth2/token')).toMatchObject({ redirect_uri: OTHER_CALLBACK });
    expect(other.replaced).toEqual([OTHER_CALLBACK]);
  });

  it('federatedSignIn without an oauth config fails with OAuthNotConfigured, emits signIn_failure and goes nowhere', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const auth = k.auth({ engine: { environment: browser.environment } });
    const seen = k.events(auth);

    const error = await authErrorOf(auth.federatedSignIn({ provider: 'Google' }));

    expect(error).toMatchObject({ name: 'OAuthNotConfigured', source: 'federatedSignIn' });
    expect(seen).toEqual([expect.objectContaining({ event: 'signIn_failure', data: error })]);
    expect(browser.navigations).toEqual([]);
    expect(browser.transientKeys()).toEqual([]);
  });

  it('an engine built on a callback URL shows loading and sends nothing until started; start() exchanges the code once', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, hana);
    browser.load(callback);
    k.backend.resetCounts();

    const engine = ui.engine(browser);
    await Promise.resolve();

    expect(engine.getState().status).toBe('loading');
    expect(k.backend.count()).toBe(0);
    expect(browser.url).toBe(callback);

    const signedIn = new Promise<void>((resolve) => engine.listen('signIn', () => resolve()));
    engine.start();
    engine.stop();
    engine.start(); // StrictMode's effect re-run: the same completion, not a second exchange
    await signedIn;
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
    await expect(engine.handleRedirect(callback)).resolves.toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(k.backend.count('oauth2/token')).toBe(1);
    expect(browser.url).toBe(CALLBACK);
    engine.stop();
  });

  it('completes the code exchange once when two engines of one page (one coordinator) handle the same callback: both signed in, one signIn each', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, hana, { customState: 'strict' });
    browser.load(callback);

    // Two engines sharing a page share its coordinator: a code can be exchanged only once.
    const coordinator = new PageCoordinator();
    const first = ui.engine(browser, { engine: { coordinator } });
    const second = ui.engine(browser, { engine: { coordinator } });
    const firstEvents = k.events(first);
    const secondEvents = k.events(second);
    const outcomes = await Promise.all([first.handleRedirect(), second.handleRedirect(), first.handleRedirect(callback)]);

    expect(k.backend.count('oauth2/token')).toBe(1);
    expect(outcomes).toEqual([
      { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
    ]);
    for (const auth of [first, second]) expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
    for (const seen of [firstEvents, secondEvents]) expect(seen.map((e) => e.event)).toEqual(['signIn', 'cognitoHostedUI', 'customOAuthState']);
    expect(browser.url).toBe(CALLBACK);
    expect(new Set(browser.replaced)).toEqual(new Set([CALLBACK]));

    // Asked again later: the same outcome, no second exchange, no second announcement.
    await expect(second.handleRedirect(callback)).resolves.toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(k.backend.count('oauth2/token')).toBe(1);
    expect(secondEvents.filter((e) => e.event === 'signIn')).toHaveLength(1);
  });

  it('reloading the old callback URL after a sign-in (a fresh page: no module state) keeps the session, makes no request and leaves the URL alone', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const { callback } = await ui.signIn(browser, hana);
    const keys = k.storage.keys();
    k.backend.resetCounts();

    // A new engine is a fresh page: nothing lives at module level to remember the callback.
    browser.load(callback);
    const reloaded = createAuth(k.config({ oauth: ui.oauth() }), { now: k.clock.now, environment: browser.environment });
    await expect(reloaded.handleRedirect()).resolves.toBeNull();

    expect(reloaded.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
    await expect(reloaded.currentSession()).resolves.toMatchObject({ refreshToken: expect.any(String) });
    expect(k.storage.keys()).toEqual(keys);
    expect(k.backend.count()).toBe(0);
    // Its flow is used up: no longer our callback, so not ours to rewrite either.
    expect(browser.url).toBe(callback);
  });

  it('a page load without a callback leaves state alone: no request, no address-bar rewrite, a pending flow kept', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.signIn(browser, hana);
    // A sign-in started in this tab and not finished (the user came back with the back button),
    // by a signed-out engine: a signed-in one refuses federatedSignIn.
    browser.load(`${APP}/`);
    await ui.engine(browser, { storage: new RecordingStorage() }).federatedSignIn();
    const pending = browser.flowRecord();
    k.backend.resetCounts();

    for (const url of [`${APP}/?page=2`, CALLBACK, `${APP}/search?code=abc&state=${String(pending.record['state'])}`]) {
      browser.load(url);
      const auth = ui.engine(browser);
      const seen = k.events(auth);
      expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
      if (!url.includes('code=')) await expect(auth.handleRedirect()).resolves.toBeNull();
      await Promise.resolve();
      expect(seen).toEqual([]);
      expect(browser.replaced).toEqual([]);
      expect(browser.url).toBe(url);
    }
    expect(k.backend.count()).toBe(0);
    expect(browser.flowRecord()).toEqual(pending);
  });
});
