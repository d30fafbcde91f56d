// React Native, proven in plain Node: no DOM, no `crypto.subtle` (Hermes has none; only the
// react-native-get-random-values polyfill's getRandomValues), an AsyncStorage-shaped store that answers
// later, and the hooks on react-test-renderer. The test backend runs in a worker thread with its own
// WebCrypto, so nothing the engine does here can borrow it.
import { createElement, type ReactNode } from 'react';
import { act, create, type ReactTestRenderer, type TestRendererOptions } from 'react-test-renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth, type AuthConfig, type AuthError, type AuthState, type OpenAuthSession } from '../../src/core/index';
import { AuthProvider, LazyAuthProvider, useAuth, useAuthEngine, type AuthContextValue } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { AsyncStore } from './support/asyncStore';
import { startRemoteBackend, type RemoteBackend } from './support/remoteBackend';

const globals = globalThis as { IS_REACT_NATIVE_TEST_ENVIRONMENT?: boolean; IS_REACT_ACT_ENVIRONMENT?: boolean };
globals.IS_REACT_NATIVE_TEST_ENVIRONMENT = true;
globals.IS_REACT_ACT_ENVIRONMENT = true;
const RENDERER_OPTIONS: TestRendererOptions & { unstable_isConcurrent: boolean } = { createNodeMock: () => null, unstable_isConcurrent: true };

const CALLBACK = 'myapp://callback';
const SIGNED_OUT = 'myapp://signed-out';
const TOTP_STEP_MS = 30_000;
const CRYPTO = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;

/** Hermes with react-native-get-random-values: getRandomValues, nothing else (`random: false`: not even that). */
function nativeCrypto(random = true): void {
  const real = CRYPTO.get ? (CRYPTO.get.call(globalThis) as Crypto) : (CRYPTO.value as Crypto);
  const value = random ? { getRandomValues: real.getRandomValues.bind(real) } : undefined;
  Object.defineProperty(globalThis, 'crypto', { configurable: true, enumerable: true, writable: true, value });
}

const View = ({ children }: { children?: ReactNode }) => createElement('View', null, children);
const Text = ({ testID, children }: { testID: string; children?: ReactNode }) => createElement('Text', { testID }, children);

/** The app: what useAuth says, and its actions for the test to press. */
let actions: AuthContextValue | undefined;
function App() {
  const auth = useAuth();
  actions = auth;
  return (
    <View>
      <Text testID="status">{auth.status === 'signedIn' ? `signedIn as ${auth.user.username}` : auth.status}</Text>
    </View>
  );
}

function shown(renderer: ReactTestRenderer): string {
  const node = renderer.root.find((instance) => (instance.type as unknown) === 'Text');
  return node.children.join('');
}

function settled(auth: Auth): Promise<AuthState> {
  return new Promise((resolve) => {
    if (auth.getState().status !== 'loading') return resolve(auth.getState());
    const unsubscribe = auth.subscribe(() => {
      if (auth.getState().status === 'loading') return;
      unsubscribe();
      resolve(auth.getState());
    });
  });
}

describe('React Native: no DOM, no crypto.subtle, AsyncStorage, react-test-renderer', () => {
  let remote: RemoteBackend;
  const store = new AsyncStore();
  const opened: string[] = [];
  const username = 'rn-ada';
  const password = strongPassword();
  const hostedUser = { username: 'rn-hal', password: strongPassword() };
  let totpSecret = '';
  let renderer: ReactTestRenderer | undefined;
  let auth: Auth;

  // The in-app browser: performs the authorize request itself (the hosted UI's form, posted) and comes
  // back with the deep link the hosted UI redirects to; `/logout` is followed to its redirect.
  const openAuthSession: OpenAuthSession = async (url) => {
    opened.push(new URL(url).pathname);
    if (new URL(url).pathname === '/logout') {
      const response = await fetch(url, { redirect: 'manual' });
      return { type: 'success', url: response.headers.get('location') ?? '' };
    }
    return { type: 'success', url: await completeHostedUi(url, hostedUser) };
  };

  const config = (): AuthConfig => ({
    userPoolId: remote.config.userPoolId,
    userPoolWebClientId: remote.config.clientId,
    endpoint: remote.url,
    oauth: { domain: new URL(remote.url).host, scope: ['openid', 'email'], redirectSignIn: CALLBACK, redirectSignOut: SIGNED_OUT, responseType: 'code' },
    storage: store,
  });
  const key = (item: string) => `CognitoIdentityServiceProvider.${remote.config.clientId}.${username}.${item}`;
  const totp = async () => remote.call<string>('totpCode', totpSecret, await remote.call<number>('now'));

  /** A fresh app start: a new engine over the same store, rendered; resolves once the store has been read. */
  async function startApp(): Promise<ReactTestRenderer> {
    await act(async () => renderer?.unmount());
    auth = createAuth(config(), { openAuthSession });
    await act(async () => {
      renderer = create(
        <AuthProvider auth={auth}>
          <App />
        </AuthProvider>,
        RENDERER_OPTIONS,
      );
    });
    await act(async () => {
      await settled(auth);
    });
    return renderer!;
  }

  const press = async <T,>(run: (a: AuthContextValue) => Promise<T>): Promise<T> => {
    let result: T | undefined;
    await act(async () => {
      result = await run(actions!);
    });
    return result as T;
  };

  beforeAll(async () => {
    remote = await startRemoteBackend({ deviceTracking: true, oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
    await remote.call('createUser', { username: hostedUser.username, password: hostedUser.password, attributes: { email: 'hal@example.com' } });
    nativeCrypto();
  }, 60_000);

  afterAll(async () => {
    Object.defineProperty(globalThis, 'crypto', CRYPTO);
    await act(async () => renderer?.unmount());
    await remote?.close();
  });

  it('runs without WebCrypto: crypto.subtle is missing here, getRandomValues is not', () => {
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(typeof globalThis.crypto.getRandomValues).toBe('function');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('starts loading while the store is read, then signed out; signs up and confirms', async () => {
    auth = createAuth(config(), { openAuthSession });
    expect(auth.getState().status).toBe('loading');
    const screen = await startApp();
    expect(shown(screen)).toBe('signedOut');

    const signedUp = await press((a) => a.signUp({ username, password, attributes: { email: 'ada@example.com' } }));
    expect(signedUp.userConfirmed).toBe(false);
    const code = await remote.call<string>('lastCode', username, 'SIGN_UP');
    await expect(press((a) => a.confirmSignUp({ username, code }))).resolves.toBe('SUCCESS');
  });

  it('signs in with SRP (hashes from @noble/hashes), confirms the device, sets up TOTP', async () => {
    const screen = renderer!;
    await remote.call('resetCounts');
    await expect(press((a) => a.signIn(username, password))).resolves.toMatchObject({ isSignedIn: true });
    expect(shown(screen)).toBe(`signedIn as ${username}`);
    expect(await remote.call('count', 'ConfirmDevice')).toBe(1); // the device verifier: random salt and password, hashed here
    expect(store.items.get(key('deviceKey'))).toEqual(expect.any(String));

    totpSecret = await press((a) => a.setupTOTP());
    await expect(press(async (a) => a.verifyTotpToken(await totp()))).resolves.toBe('SUCCESS');
    await expect(press((a) => a.setPreferredMFA('TOTP'))).resolves.toBe('SUCCESS');
  });

  it('signs out, then in with the TOTP code; remembers the device', async () => {
    const screen = renderer!;
    await press((a) => a.signOut());
    expect(shown(screen)).toBe('signedOut');
    expect(store.items.has(key('accessToken'))).toBe(false);

    await remote.call('advanceTime', TOTP_STEP_MS); // a TOTP time step is used once
    await expect(press((a) => a.signIn(username, password))).resolves.toMatchObject({ nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
    await expect(press(async (a) => a.confirmSignIn({ challengeResponse: await totp() }))).resolves.toMatchObject({ isSignedIn: true });
    expect(shown(screen)).toBe(`signedIn as ${username}`);
    await expect(press((a) => a.rememberDevice())).resolves.toBe('SUCCESS');
  });

  it('a new app start restores the session from the store, and a refresh writes the new tokens there', async () => {
    await remote.call('resetCounts');
    const screen = await startApp();
    expect(shown(screen)).toBe(`signedIn as ${username}`);
    expect(await remote.call('count')).toBe(0);

    const before = store.items.get(key('accessToken'));
    const session = await press((a) => a.currentSession({ forceRefresh: true }));
    expect(session.accessToken).not.toBe(before);
    expect(store.items.get(key('accessToken'))).toBe(session.accessToken); // in the store once currentSession resolved
  });

  it('<LazyAuthProvider> on a new app start: loading (it cannot peek into AsyncStorage), then the stored session, with no request', async () => {
    await act(async () => renderer?.unmount());
    await remote.call('resetCounts');
    let engine: Auth | undefined;
    const statuses: string[] = [];
    function Probe() {
      engine = useAuthEngine();
      statuses.push(useAuth((a) => a.status));
      return null;
    }
    await act(async () => {
      renderer = create(
        <LazyAuthProvider config={config()} options={{ openAuthSession }}>
          <Probe />
          <App />
        </LazyAuthProvider>,
        RENDERER_OPTIONS,
      );
    });
    await act(async () => {
      await settled(engine!);
    });
    expect(shown(renderer!)).toBe(`signedIn as ${username}`);
    expect(statuses[0]).toBe('loading');
    expect(statuses.at(-1)).toBe('signedIn');
    expect(statuses).not.toContain('signedOut'); // never the sign-in screen on the way
    expect(await remote.call('count')).toBe(0);
    await startApp(); // the tests below go on with an engine of their own
  });

  it('the remembered device, read from the store, proves itself with device SRP: no TOTP asked', async () => {
    await press((a) => a.signOut());
    const screen = await startApp(); // the device keys must come from the store, not this engine's memory
    expect(shown(screen)).toBe('signedOut');
    await remote.call('resetCounts');

    await expect(press((a) => a.signIn(username, password))).resolves.toMatchObject({ isSignedIn: true });

    expect(await remote.call('count', 'RespondToAuthChallenge')).toBe(3); // PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER
    expect(await remote.call('count', 'ConfirmDevice')).toBe(0);
    expect(shown(screen)).toBe(`signedIn as ${username}`);
    await press((a) => a.signOut());
  });

  it('hosted UI through the in-app browser: PKCE (S256 hashed here), code exchange from the deep link, logout in the browser too', async () => {
    const screen = renderer!;
    await remote.call('resetCounts');
    opened.length = 0;

    await press((a) => a.federatedSignIn());

    expect(opened).toEqual(['/oauth2/authorize']);
    expect(await remote.call('count', 'oauth2/token')).toBe(1); // the backend checked the verifier against the S256 challenge
    expect(shown(screen)).toBe(`signedIn as ${hostedUser.username}`);
    expect(store.items.get(`CognitoIdentityServiceProvider.${remote.config.clientId}.LastAuthUser`)).toBe(hostedUser.username); // written before it resolved

    await press((a) => a.signOut());
    expect(opened).toEqual(['/oauth2/authorize', '/logout']);
    expect(shown(screen)).toBe('signedOut');
  });

  it('a closed in-app browser: a typed OAuthSignInCanceled, still signed out', async () => {
    const closing = createAuth(config(), { openAuthSession: async () => ({ type: 'cancel' }) });
    await settled(closing);
    const error = await closing.federatedSignIn().then(() => undefined, (e: AuthError) => e);
    expect(error).toMatchObject({ name: 'OAuthSignInCanceled', source: 'federatedSignIn' });
    expect(closing.getState().status).toBe('signedOut');
  });

  it('a deep link received later (system browser, no opener) completes through handleRedirect', async () => {
    let authorizeUrl = '';
    const linked = createAuth(config(), { environment: { navigate: (url) => void (authorizeUrl = url) } });
    await settled(linked);
    await linked.federatedSignIn();
    const deepLink = await completeHostedUi(authorizeUrl, hostedUser);
    expect(deepLink.startsWith(`${CALLBACK}?`)).toBe(true);

    await expect(linked.handleRedirect(deepLink)).resolves.toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(linked.getState()).toMatchObject({ status: 'signedIn', user: { username: hostedUser.username } });
    await linked.signOut().catch(() => undefined); // its /logout goes to `navigate`, recorded above
  });

  it('without any random source: a typed NoSecureRandom naming the polyfill, for SRP and for the hosted UI', async () => {
    nativeCrypto(false);
    try {
      const bare = createAuth({ ...config(), storage: new AsyncStore() });
      await settled(bare);
      const signIn = await bare.signIn(username, password).then(() => undefined, (e: AuthError) => e);
      expect(signIn).toMatchObject({ name: 'NoSecureRandom' });
      expect(signIn?.message).toContain('react-native-get-random-values');
      expect(signIn?.recoverySuggestion).toContain('react-native-get-random-values');
      const redirect = await bare.federatedSignIn().then(() => undefined, (e: AuthError) => e);
      expect(redirect).toMatchObject({ name: 'NoSecureRandom' });
    } finally {
      nativeCrypto();
    }
  });
});
