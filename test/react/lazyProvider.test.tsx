// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, ConfigError, createAuth, type AuthConfig } from '../../src/core/index';
import { Suspense } from 'react';
import { INSPECT } from '../../src/core/session/sessionInspection';
import { LazyAuthProvider, useAuth, useSuspenseAuth } from '../../src/react/index';
import { deferredAuth } from '../../src/react/deferredAuth';
import { surelySignedOut } from '../../src/react/storedSessionPeek';
import { resolveConfig } from '../../src/core/config/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { click, type } from '../ui/support';
import { PASSWORD_AUTH } from './support';

/** The kit's config on the page's own localStorage (what the peek reads), not the kit's recording store. */
function localConfig(k: EngineTestKit, extra: Partial<AuthConfig> = {}): AuthConfig {
  const { storage: _recording, ...config } = k.config({ ...PASSWORD_AUTH, ...extra });
  return config;
}

/** A `LoadEngine` that counts its calls and can be told to fail (a chunk that did not load). */
function countingBuild(failures = 0) {
  const calls = { count: 0, failures };
  const build = async () => {
    calls.count++;
    if (calls.failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
    return createAuth;
  };
  return { calls, build };
}

function Status() {
  const { status, user } = useAuth();
  return <p data-testid="status">{status === 'signedIn' ? `signed in as ${user.username}` : status}</p>;
}

describe('<LazyAuthProvider>', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    localStorage.clear();
    const k = kit();
    if (!k.backend.getUser('lena')) await k.backend.createUser({ username: 'lena', password, attributes: { email: 'lena@example.com' } });
    k.backend.resetCounts();
  });

  it('with nothing stored, the first render is the sign-in form, and signing in through it works once the engine arrives', async () => {
    const k = kit();
    render(
      <LazyAuthProvider config={localConfig(k)} options={{ now: k.clock.now }}>
        <Authenticator>{({ user }) => <p>Welcome {user?.username}</p>}</Authenticator>
      </LazyAuthProvider>,
      { reactStrictMode: true },
    );
    // Synchronously: no loading state in between, though no engine has been built yet.
    expect(screen.getByRole('heading', { name: 'Sign in to your account' })).toBeTruthy();

    type('Username', 'lena');
    type('Password', password);
    click('button', 'Sign in');
    expect(await screen.findByText('Welcome lena', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(localStorage.getItem(`CognitoIdentityServiceProvider.${k.backend.config.clientId}.LastAuthUser`)).toBe('lena');
  });

  it('with a session stored, renders loading first, then the restored user, without a request', async () => {
    const k = kit();
    const seeder = createAuth(localConfig(k), { now: k.clock.now });
    expect((await seeder.signIn('lena', password)).isSignedIn).toBe(true);
    k.backend.resetCounts();

    render(
      <LazyAuthProvider config={localConfig(k)} options={{ now: k.clock.now }}>
        <Status />
      </LazyAuthProvider>,
      { reactStrictMode: true },
    );
    expect(screen.getByTestId('status').textContent).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('signed in as lena'));
    expect(k.backend.requests()).toEqual([]);
  });

  it('useSuspenseAuth suspends until the engine has restored a stored session, then renders the user', async () => {
    const k = kit();
    expect((await createAuth(localConfig(k), { now: k.clock.now }).signIn('lena', password)).isSignedIn).toBe(true);
    function User() {
      return <p data-testid="user">{useSuspenseAuth((s) => (s.status === 'signedIn' ? s.user.username : s.status))}</p>;
    }
    render(
      <LazyAuthProvider config={localConfig(k)} options={{ now: k.clock.now }}>
        <Suspense fallback={<p>waiting</p>}>
          <User />
        </Suspense>
      </LazyAuthProvider>,
      { reactStrictMode: true },
    );
    expect(screen.getByText('waiting')).toBeTruthy();
    expect((await screen.findByTestId('user')).textContent).toBe('lena');
  });

  it('answers the devtools before the engine exists, and forwards to its session manager after', async () => {
    const k = kit();
    const auth = deferredAuth(localConfig(k), { now: k.clock.now }, countingBuild().build);
    const inspection = auth[INSPECT]();
    const causes: string[] = [];
    inspection.onRefresh = (cause) => causes.push(cause);
    expect(inspection.session).toBeNull();

    await auth.signIn('lena', password);
    expect(inspection.session?.idToken).toBeTruthy();
    await auth.currentSession({ forceRefresh: true });
    expect(causes).toEqual(['forced']);
  });

  it('throws the same ConfigError as createAuth, synchronously, before any engine code loads', () => {
    const bad = { userPoolId: 'not a pool id', userPoolWebClientId: 'abc' };
    const { calls, build } = countingBuild();
    let expected: unknown;
    try {
      createAuth(bad);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(ConfigError);
    expect(() => deferredAuth(bad, undefined, build)).toThrow((expected as Error).message);
    expect(calls.count).toBe(0);
  });

  it('hands subscriptions, event listeners, start() and configure() made before it to the engine', async () => {
    const k = kit();
    const { calls, build } = countingBuild();
    const auth = deferredAuth(localConfig(k, { authenticationFlowType: 'USER_SRP_AUTH' }), { now: k.clock.now }, build);
    const seen: string[] = [];
    const changes: string[] = [];
    auth.listen('signIn', (event) => seen.push(event.event));
    auth.subscribe(() => changes.push(auth.getState().status));
    auth.start();
    expect(auth.configure({ authenticationFlowType: 'USER_PASSWORD_AUTH' }).authenticationFlowType).toBe('USER_PASSWORD_AUTH');
    expect(auth.getState().status).toBe('signedOut');
    expect(calls.count).toBe(0);

    const result = await auth.signIn('lena', password);

    expect(result.isSignedIn).toBe(true);
    expect(calls.count).toBe(1);
    expect(seen).toEqual(['signIn']);
    expect(changes.at(-1)).toBe('signedIn');
    expect(auth.configure().authenticationFlowType).toBe('USER_PASSWORD_AUTH');
    // The reconfigured flow was the one used: a password sign-in, no SRP round.
    expect(k.backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth']);
    auth.stop();
  });

  it('a failed load rejects the call that needed it, and the next call loads again', async () => {
    const k = kit();
    const { calls, build } = countingBuild(1);
    const auth = deferredAuth(localConfig(k), { now: k.clock.now }, build);

    await expect(auth.signIn('lena', password)).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(auth.getState().status).toBe('signedOut');
    expect((await auth.signIn('lena', password)).isSignedIn).toBe(true);
    expect(calls.count).toBe(2);
  });

  it("a returning user's engine chunk that fails to load is tried again after 1 s, 2 s, …, until it arrives; not once unmounted", async () => {
    const k = kit();
    const seeder = createAuth(localConfig(k), { now: k.clock.now });
    expect((await seeder.signIn('lena', password)).isSignedIn).toBe(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { calls, build } = countingBuild(2);
      const auth = deferredAuth(localConfig(k), { now: k.clock.now }, build);
      auth.start();
      await vi.advanceTimersByTimeAsync(0);
      expect([calls.count, auth.getState().status]).toEqual([1, 'loading']);
      await vi.advanceTimersByTimeAsync(999);
      expect(calls.count).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls.count).toBe(2);
      await vi.advanceTimersByTimeAsync(2000);
      expect(calls.count).toBe(3);
      vi.useRealTimers();
      await vi.waitFor(() => expect(auth.getState().status).toBe('signedIn'));
      auth.stop();

      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const gone = countingBuild(5);
      const unmounted = deferredAuth(localConfig(k), { now: k.clock.now }, gone.build);
      unmounted.start();
      await vi.advanceTimersByTimeAsync(0);
      unmounted.stop();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(gone.calls.count).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('options createAuth refuses reach the error boundary, as with <AuthProvider>, once the engine loads', async () => {
    const k = kit();
    class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
      override state = { error: undefined as unknown };
      static getDerivedStateFromError(error: unknown) {
        return { error };
      }
      override render() {
        return this.state.error instanceof AuthError ? <p>refused: {this.state.error.name}</p> : this.props.children;
      }
    }
    // React reports the caught error (console.error, and as an uncaught error event jsdom would print).
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const quiet = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', quiet);
    try {
      render(
        <Boundary>
          <LazyAuthProvider config={localConfig(k)} options={{ tokenIsolation: 'worker', sessionEndpoint: '/session' }}>
            <Status />
          </LazyAuthProvider>
        </Boundary>,
      );
      expect(screen.getByTestId('status').textContent).toBe('loading');
      expect((await screen.findByText(/^refused:/)).textContent).toBe('refused: TokenIsolationConflict');
    } finally {
      window.removeEventListener('error', quiet);
      spy.mockRestore();
    }
  });

  it('loads the engine after the first frame when started, and not at all when stopped before that', async () => {
    const k = kit();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    try {
      const unmounted = countingBuild();
      const early = deferredAuth(localConfig(k), undefined, unmounted.build);
      early.start();
      early.stop();
      const mounted = countingBuild();
      const kept = deferredAuth(localConfig(k), undefined, mounted.build);
      kept.start();
      expect(mounted.calls.count).toBe(0); // nothing during the first render's effects
      await vi.advanceTimersByTimeAsync(50); // a frame, then the timer queued from it
      expect(mounted.calls.count).toBe(1);
      expect(unmounted.calls.count).toBe(0);
      kept.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the stand-in stable: the same functions on every read, not thenable, and members the engine lacks are absent', () => {
    const k = kit();
    const auth = deferredAuth(localConfig(k), undefined, countingBuild().build);
    expect(auth.subscribe).toBe(auth.subscribe);
    expect(auth.signIn).toBe(auth.signIn);
    expect((auth as unknown as { then?: unknown }).then).toBeUndefined();
    expect('signIn' in auth).toBe(true);
    expect(() => auth.sessionFreshFor({} as never)).toThrow(/has handed none out yet/);
    // Answered as the engine would, before it exists: jsdom has no WebAuthn; an injected client counts.
    expect(auth.supportsPasskeys()).toBe(createAuth(localConfig(k)).supportsPasskeys());
    const passkeys = { create: async () => ({}) as never, get: async () => ({}) as never };
    expect(deferredAuth(localConfig(k), { passkeys }, countingBuild().build).supportsPasskeys()).toBe(true);
  });
});

describe('surelySignedOut (the peek)', () => {
  const base = { region: 'us-east-1', userPoolId: 'us-east-1_AbCdEfGhI', userPoolWebClientId: '1example23456789abcdefghij' };
  const lastAuthUser = `CognitoIdentityServiceProvider.${base.userPoolWebClientId}.LastAuthUser`;
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('is sure only with localStorage, nothing stored, and no callback in the address', () => {
    expect(surelySignedOut(resolveConfig(base))).toBe(true);
    localStorage.setItem(lastAuthUser, 'lena');
    expect(surelySignedOut(resolveConfig(base))).toBe(false);
  });

  it('leaves every other store, and a possible hosted-UI callback, to the engine', () => {
    const memory = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, clear: () => undefined };
    expect(surelySignedOut(resolveConfig({ ...base, storage: memory }))).toBe(false);
    expect(surelySignedOut(resolveConfig({ ...base, cookieStorage: { domain: 'localhost' } }))).toBe(false);
    expect(surelySignedOut(resolveConfig(base), { tokenIsolation: 'worker' })).toBe(false);
    expect(surelySignedOut(resolveConfig(base), { sessionEndpoint: '/session' })).toBe(false);
    expect(surelySignedOut(resolveConfig({ region: 'us-east-1', identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555' }))).toBe(false);

    const oauth = { domain: 'auth.example.com', scope: ['openid'], redirectSignIn: 'http://localhost:3000/', redirectSignOut: 'http://localhost:3000/', responseType: 'code' as const };
    expect(surelySignedOut(resolveConfig({ ...base, oauth }))).toBe(true);
    history.replaceState(null, '', '/?code=abc&state=xyz');
    expect(surelySignedOut(resolveConfig({ ...base, oauth }))).toBe(false);
  });
});
