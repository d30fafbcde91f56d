import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthError, AuthEvent, FetchLike } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { authorizeUrl, pkcePair, tokenRequest } from '../backend/oauthKit';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { authErrorOf } from '../support/engineAssertions';
import { APP, CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';

const OAUTH = { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] };

/** `url` with its query parameter `name` set to `value`. */
function withParam(url: string, name: string, value: string): string {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next.toString();
}

// Every callback the engine must refuse: a typed error, nothing stored, the address bar cleaned, and
// nothing left "in progress" that would block the next sign-in.
describe('hosted UI: refused callbacks', () => {
  const kit = useEngineBackend({ oauth: OAUTH });
  // A second app client of the same user pool (same issuer), to mint id tokens for another audience.
  const otherClient = useBackend({ clientId: 'otherclient0123456789abcde', oauth: OAUTH });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  const iris = { username: 'iris', password };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    // An unrelated item, so "unchanged" is not just "empty".
    k.storage.setItem('app.theme', 'dark');
    for (const backend of [k.backend, otherClient().backend]) {
      if (!backend.getUser('iris')) await backend.createUser({ username: 'iris', password, attributes: { email: 'iris@example.com' } });
    }
    k.backend.resetCounts();
  });

  interface Refusal {
    auth: Auth;
    error: AuthError;
    events: AuthEvent[];
  }

  /** Loads `callback` in `browser` with a new engine and expects it to be refused with `name`. */
  async function refused(k: EngineTestKit, browser: FakeBrowser, callback: string, name: string, options: Parameters<typeof ui.engine>[1] = {}): Promise<Refusal> {
    const keysBefore = k.storage.keys();
    browser.load(callback);
    const auth = ui.engine(browser, options);
    const events = k.events(auth);
    const error = await authErrorOf(auth.handleRedirect());
    expect(error).toMatchObject({ name, source: 'handleRedirect' });
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error });
    expect(browser.replaced).toEqual([cleanOf(callback)]);
    expect(browser.url).toBe(cleanOf(callback));
    expect(events.map((e) => e.event)).toEqual(['signIn_failure', 'cognitoHostedUI_failure']);
    expect(events[0]!.data).toBe(error);
    // Nothing in progress survives: the flow record is used up.
    expect(browser.transientKeys()).toEqual([]);
    return { auth, error, events };
  }

  /** Loads `url` in `browser` with a new engine: not our callback, so nothing happens and the pending flow stays. */
  async function ignored(k: EngineTestKit, browser: FakeBrowser, url: string, options: Parameters<typeof ui.engine>[1] = {}): Promise<void> {
    const keysBefore = k.storage.keys();
    const flowBefore = browser.transientKeys().map((key) => browser.transientStorage.getItem(key));
    browser.load(url);
    const auth = ui.engine(browser, options);
    const events = k.events(auth);
    expect(auth.getState().status).toBe('signedOut');
    await expect(auth.handleRedirect()).resolves.toBeNull();
    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error: null });
    expect(events).toEqual([]);
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(browser.replaced).toEqual([]);
    expect(browser.transientKeys().map((key) => browser.transientStorage.getItem(key))).toEqual(flowBefore);
  }

  /** The callback URL without code, state and error parameters or fragment. */
  function cleanOf(callback: string): string {
    const url = new URL(callback);
    for (const key of ['code', 'state', 'error', 'error_description']) url.searchParams.delete(key);
    url.hash = '';
    return url.toString();
  }

  it('ignores a callback whose state is not the stored one: no code exchange, and the pending flow still completes', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const forged = withParam(callback, 'state', 'forged-state-from-another-tab-0123456789');

    await ignored(k, browser, forged);
    expect(k.backend.count('oauth2/token')).toBe(0);
    browser.load(callback);
    await expect(ui.engine(browser).handleRedirect()).resolves.toMatchObject({ isSignedIn: true });
  });

  it('ignores a callback with no flow record in this tab (another tab’s answer): no code exchange', async () => {
    const k = kit();
    const callback = await ui.authorize(new FakeBrowser(`${APP}/`), iris);
    // Another tab (its own sessionStorage) receives the callback.
    await ignored(k, new FakeBrowser(`${APP}/`), callback);
    expect(k.backend.count('oauth2/token')).toBe(0);
  });

  it('refuses a code-flow record without its PKCE verifier (OAuthFlowNotFound)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const { key, record } = browser.flowRecord();
    delete record['verifier'];
    browser.transientStorage.setItem(key, JSON.stringify(record));

    await refused(k, browser, callback, 'OAuthFlowNotFound');
    expect(k.backend.count('oauth2/token')).toBe(0);
  });

  it('refuses a flow record older than 30 minutes (OAuthFlowNotFound)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const { key, record } = browser.flowRecord();
    browser.transientStorage.setItem(key, JSON.stringify({ ...record, createdAt: Number(record['createdAt']) - 31 * 60_000 }));

    await refused(k, browser, callback, 'OAuthFlowNotFound');
    expect(k.backend.count('oauth2/token')).toBe(0);
  });

  it('refuses a replayed code with OAuthSignInException invalid_grant (same code, same verifier, another URL)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const { key } = browser.flowRecord();
    const raw = browser.transientStorage.getItem(key)!;
    browser.load(callback);
    await ui.engine(browser).handleRedirect();
    expect(k.backend.count('oauth2/token')).toBe(1);

    // Someone with the code and the verifier (a copied record) tries it again from another browser.
    k.storage = new RecordingStorage();
    const attacker = new FakeBrowser(`${APP}/`);
    attacker.transientStorage.setItem(key, raw);
    const { error } = await refused(k, attacker, withParam(callback, 'again', '1'), 'OAuthSignInException');

    expect(error.message).toMatch(/^invalid_grant/);
    expect(error.statusCode).toBe(400);
    expect(k.storage.keys()).toEqual([]);
    expect(k.backend.count('oauth2/token')).toBe(2);
  });

  it('refuses an id token whose nonce is not the one this sign-in sent (OAuthTokenInvalid)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const { key, record } = browser.flowRecord();
    browser.transientStorage.setItem(key, JSON.stringify({ ...record, nonce: 'not-the-nonce-that-was-sent-0123456789' }));

    const { error } = await refused(k, browser, callback, 'OAuthTokenInvalid');
    expect(error.message).toMatch(/nonce/);
    expect(k.backend.count('oauth2/token')).toBe(1);
  });

  it('refuses an id token issued to another app client of the same pool (OAuthTokenInvalid)', async () => {
    const k = kit();
    const other = otherClient();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const nonce = String(browser.flowRecord().record['nonce']);

    // The same user, the same pool (issuer) and the same nonce: only the audience differs.
    const { verifier, challenge } = await pkcePair();
    const otherCallback = await completeHostedUi(
      authorizeUrl(other.url, {
        response_type: 'code',
        client_id: other.backend.config.clientId,
        redirect_uri: CALLBACK,
        scope: 'openid email',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        nonce,
      }),
      iris,
    );
    const { body } = await tokenRequest(other.url, {
      grant_type: 'authorization_code',
      client_id: other.backend.config.clientId,
      code: new URL(otherCallback).searchParams.get('code')!,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    });
    expect(other.backend.config.issuer).toBe(k.backend.config.issuer);
    const foreignIdToken = body.id_token!;

    const swapIdToken: FetchLike = async (url, init) => {
      const response = await globalThis.fetch(url, init);
      if (new URL(url).pathname !== '/oauth2/token') return response;
      const tokens = JSON.parse(await response.text()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...tokens, id_token: foreignIdToken }), { status: response.status });
    };
    const { error } = await refused(k, browser, callback, 'OAuthTokenInvalid', { engine: { fetch: swapIdToken } });
    expect(error.message).toMatch(/audience/);
    expect(k.backend.count('oauth2/token')).toBe(1);
  });

  // The token endpoint's id token with claims rewritten (the engine reads claims; the signature is not its check here).
  const idTokenClaims: [string, (claims: Record<string, unknown>) => Record<string, unknown>, RegExp | null][] = [
    ['unchanged (control: re-encoding alone is accepted)', (claims) => claims, null],
    ['from another user pool (iss)', (claims) => ({ ...claims, iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool9' }), /issuer/],
    ['that is an access token (token_use)', (claims) => ({ ...claims, token_use: 'access' }), /token_use/],
    ['that expired an hour ago (exp)', (claims) => ({ ...claims, exp: Math.floor(kit().clock.now() / 1000) - 3600 }), /expiry/],
  ];
  it.each(idTokenClaims)('checks the id token claims: one %s', async (_, rewrite, refusal) => {
    const rewriteIdToken: FetchLike = async (url, init) => {
      const response = await globalThis.fetch(url, init);
      if (new URL(url).pathname !== '/oauth2/token') return response;
      const tokens = JSON.parse(await response.text()) as { id_token: string };
      const [header, payload, signature] = tokens.id_token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const rewritten = Buffer.from(JSON.stringify(rewrite(claims))).toString('base64url');
      return new Response(JSON.stringify({ ...tokens, id_token: `${header}.${rewritten}.${signature}` }), { status: response.status });
    };
    if (refusal === null) {
      const { auth } = await ui.signIn(new FakeBrowser(`${APP}/`), iris, {}, { engine: { fetch: rewriteIdToken } });
      expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'iris' } });
      return;
    }
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const { error } = await refused(kit(), browser, callback, 'OAuthTokenInvalid', { engine: { fetch: rewriteIdToken } });
    expect(error.message).toMatch(refusal);
  });

  it('turns an error callback into OAuthSignInException with the error and its description', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    // A scope the app client does not allow: the hosted UI answers with ?error=invalid_scope&state=….
    const callback = await ui.authorize(browser, iris, {}, { oauth: { scope: ['openid', 'payroll.admin'] } });
    expect(new URL(callback).searchParams.get('error')).toBe('invalid_scope');

    const { error } = await refused(k, browser, callback, 'OAuthSignInException');
    expect(error.message).toMatch(/^invalid_scope/);

    const cancelling = new FakeBrowser(`${APP}/`);
    await ui.engine(cancelling).federatedSignIn();
    const state = new URL(cancelling.navigations.at(-1)!).searchParams.get('state')!;
    const described = `${CALLBACK}?error=access_denied&error_description=${encodeURIComponent('User cancelled the login')}&state=${state}`;
    const { error: cancelled } = await refused(k, cancelling, described, 'OAuthSignInException');
    expect(cancelled.message).toBe('access_denied: User cancelled the login');
    expect(k.backend.count('oauth2/token')).toBe(0);
  });

  it('ignores an error callback whose state is not this tab’s: its text reaches no error, the flow is kept', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn();
    const forged = `${CALLBACK}?error=access_denied&error_description=${encodeURIComponent('Call 0800-SCAM to unlock')}&state=forged`;
    await ignored(k, browser, forged);
    expect(browser.transientKeys()).toHaveLength(1);
  });

  it('federatedSignIn from a page on no configured redirectSignIn origin fails with OAuthRedirectMismatch and goes nowhere', async () => {
    const k = kit();
    const browser = new FakeBrowser('https://evil.example/login');
    const auth = ui.engine(browser);
    const seen = k.events(auth);

    const error = await authErrorOf(auth.federatedSignIn({ provider: 'Google' }));

    expect(error).toMatchObject({ name: 'OAuthRedirectMismatch', source: 'federatedSignIn' });
    expect(seen.map((e) => e.event)).toEqual(['signIn_failure']);
    expect(browser.navigations).toEqual([]);
    expect(browser.transientKeys()).toEqual([]);
    expect(k.backend.count()).toBe(0);
  });

  it('refuses a callback that arrives on a URL that is not the configured redirectSignIn (OAuthRedirectMismatch)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    const elsewhere = new URL(callback);
    elsewhere.pathname = '/elsewhere';

    // Not a configured redirect: the engine does not pick it up by itself ...
    browser.load(elsewhere.toString());
    const auth = ui.engine(browser);
    expect(auth.getState().status).toBe('signedOut');
    expect(browser.flowRecord().record['state']).toBe(elsewhere.searchParams.get('state'));
    // ... and refuses it when asked to.
    const keysBefore = k.storage.keys();
    const error = await authErrorOf(auth.handleRedirect(elsewhere.toString()));
    expect(error.name).toBe('OAuthRedirectMismatch');
    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error });
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(browser.replaced).toEqual([`${APP}/elsewhere`]);
    expect(k.backend.count('oauth2/token')).toBe(0);
  });

  it('after a refused callback, a new federatedSignIn and its callback succeed (nothing stuck)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, iris);
    await refused(k, browser, withParam(callback, 'error', 'access_denied'), 'OAuthSignInException');

    browser.load(`${APP}/`);
    const { auth, events } = await ui.signIn(browser, iris);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', error: null, user: { username: 'iris' } });
    expect(events.map((e) => e.event)).toEqual(['signIn', 'cognitoHostedUI']);
  });

  it('one engine can refuse a callback and then complete the next one (handleRedirect per URL)', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    const first = await ui.authorize(browser, iris);
    await expect(auth.handleRedirect(withParam(first, 'error', 'access_denied'))).rejects.toMatchObject({ name: 'OAuthSignInException' });

    const second = await ui.authorize(browser, iris);
    await expect(auth.handleRedirect(second)).resolves.toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', error: null, user: { username: 'iris' } });
    expect(k.backend.count('oauth2/token')).toBe(1);
  });

  it('a refused callback on a page that already has a session keeps it: state, storage and currentSession agree', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).signIn('iris', password);
    const keysBefore = k.storage.keys();
    // Started from a signed-out engine (another tab, say): a signed-in one refuses federatedSignIn.
    const callback = withParam(await ui.authorize(browser, iris, {}, { storage: new RecordingStorage() }), 'error', 'access_denied');

    browser.load(callback);
    const auth = ui.engine(browser);
    const error = await authErrorOf(auth.handleRedirect());

    expect(error.name).toBe('OAuthSignInException');
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'iris' }, error });
    await expect(auth.currentSession()).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(browser.replaced).toEqual([CALLBACK]);
  });

  it('reloading a refused callback page is an ordinary page (its flow is used up): signed out, not stuck loading, no request', async () => {
    const k = kit();
    const browser = new FakeBrowser(`${APP}/`);
    // Started from a signed-out engine (another tab, say): a signed-in one refuses federatedSignIn.
    const callback = withParam(await ui.authorize(browser, iris, {}, { storage: new RecordingStorage() }), 'error', 'access_denied');
    await refused(k, browser, callback, 'OAuthSignInException');

    // The address bar was cleaned, but a user may still reload the old URL (history, bookmark).
    await ignored(k, browser, callback);
    expect(k.backend.count('oauth2/token')).toBe(0);

    // And a plain page load after it is simply signed out.
    browser.load(`${APP}/`);
    expect(ui.engine(browser).getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error: null });
  });
});
