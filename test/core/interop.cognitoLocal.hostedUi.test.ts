import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, MemoryStorage, type Auth, type AuthConfig, type BrowserEnvironment } from '../../src/core/index';
import { completeHostedUi } from '../backend/hostedUi';
import { startCognitoLocal, type CognitoLocal } from '../support/cognitoLocal';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret, registerSecretSource } from '../support/secrets';

// The hosted-UI code flow (PKCE) against cognito-local's own /oauth2/authorize and /oauth2/token.
// cognito-local ignores `nonce`, so the scope leaves out `openid` (no nonce is sent then): with
// openid the engine would rightly refuse its id tokens, which lack the nonce it asked for.
describe('hosted UI code flow ⇄ cognito-local 5.3', () => {
  let cl: CognitoLocal;
  const password = 'Hosted-Ui-Pass-1';
  registerSecret(password);
  const storage = new RecordingStorage();
  const page = { url: 'http://app.test/', navigations: [] as string[] };
  const transientStorage = new MemoryStorage();
  const environment: Partial<BrowserEnvironment> = {
    navigate: (url) => page.navigations.push(url),
    currentUrl: () => page.url,
    replaceUrl: (url) => {
      page.url = url;
    },
    transientStorage,
  };
  let config: AuthConfig;

  beforeAll(async () => {
    cl = await startCognitoLocal({ callbackUrls: ['http://app.test/callback'] });
    registerSecretSource(() => cl.codes.map((delivered) => delivered.code));
    config = {
      userPoolId: cl.userPoolId,
      userPoolWebClientId: cl.clientId,
      endpoint: cl.endpoint,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
      storage,
      oauth: {
        domain: new URL(cl.endpoint).host,
        scope: ['email', 'profile', 'aws.cognito.signin.user.admin'],
        redirectSignIn: 'http://app.test/callback',
        redirectSignOut: 'http://app.test/',
      },
    };
    const setup = createAuth(config, { environment });
    await setup.signUp({ username: 'hana', password, attributes: { email: 'hana@example.com' } });
    await setup.confirmSignUp('hana', cl.lastCode('hana')!);
  });
  afterAll(async () => {
    await cl?.stop();
  });

  it('signs in through the hosted UI: PKCE code exchanged once, session stored, URL cleaned', async () => {
    const before = createAuth(config, { environment });
    await before.federatedSignIn({ customState: 'return-to:/orders' });
    const authorize = new URL(page.navigations.at(-1)!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${cl.endpoint}oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeNull();

    page.url = await completeHostedUi(authorize.toString(), { username: 'hana', password });
    expect(page.url).toMatch(/^http:\/\/app\.test\/callback\?code=/);
    const after: Auth = createAuth(config, { environment });
    expect(after.getState().status).toBe('loading');
    const seen: string[] = [];
    let customState: unknown;
    after.listen('*', (event) => {
      seen.push(event.event);
      if (event.event === 'customOAuthState') customState = event.data;
    });

    await expect(after.handleRedirect()).resolves.toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    expect(after.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana', attributes: { email: 'hana@example.com' } } });
    expect(seen).toEqual(['signIn', 'cognitoHostedUI', 'customOAuthState']);
    expect(customState).toBe('return-to:/orders');
    expect(page.url).toBe('http://app.test/callback');
    expect(storage.getItem(`CognitoIdentityServiceProvider.${cl.clientId}.LastAuthUser`)).toBe('hana');
    // Every engine method works on a hosted-UI session, e.g. a user-pool API call with its access token.
    expect((await after.userAttributes()).find((a) => a.Name === 'email')?.Value).toBe('hana@example.com');
  });

  it('signs out through the hosted UI logout endpoint', async () => {
    const engine = createAuth(config, { environment });
    expect(engine.getState().status).toBe('signedIn');
    await engine.signOut();
    const logout = new URL(page.navigations.at(-1)!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${cl.endpoint}logout`);
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: cl.clientId, logout_uri: 'http://app.test/' });
    expect(engine.getState().status).toBe('signedOut');
  });

  it('refuses a replayed authorization code with a typed error and stores nothing', async () => {
    const engine = createAuth(config, { environment });
    await engine.federatedSignIn();
    const callback = await completeHostedUi(page.navigations.at(-1)!, { username: 'hana', password });
    const record = transientStorage.getItem(`CognitoReactKit.${cl.clientId}.oauthFlow`);
    page.url = callback;
    const first = createAuth(config, { environment });
    await first.handleRedirect();
    await first.signOut();

    // The same code again, as if replayed from history (a new URL, so not de-duplicated).
    transientStorage.setItem(`CognitoReactKit.${cl.clientId}.oauthFlow`, record!);
    page.url = `${callback}&replayed=1`;
    const replay = createAuth(config, { environment });
    await expect(replay.handleRedirect()).rejects.toMatchObject({ name: 'OAuthSignInException', message: expect.stringContaining('invalid_grant') });
    expect(replay.getState()).toMatchObject({ status: 'signedOut', error: { name: 'OAuthSignInException' } });
    expect(storage.getItem(`CognitoIdentityServiceProvider.${cl.clientId}.LastAuthUser`)).toBeNull();
    expect(page.url).toBe('http://app.test/callback?replayed=1');
  });
});
