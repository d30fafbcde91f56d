// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useState, type FormEvent } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { AuthProvider, useAuth, useAuthEngine, useSession } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { FakeBrowser, hostedUiKit, SIGNED_OUT, CALLBACK } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';
import { trackRequests, type RequestTracker } from '../support/requestTracker';
import { PASSWORD_AUTH, refreshRequests, signInRequests, storeSession } from './support';

// <StrictMode> renders the provider twice (two engines are built, one is thrown away) and runs its
// effects twice. None of that may reach Cognito twice: one sign-in, one refresh, one code exchange.

function Status() {
  const status = useAuth((s) => s.status);
  const username = useAuth((s) => s.user?.username ?? '');
  return <p data-testid="status">{status === 'signedIn' ? `signed in as ${username}` : status}</p>;
}

function SignInForm() {
  const signIn = useAuth((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn(username, password).catch(() => undefined);
  };
  return (
    <form onSubmit={submit}>
      <label>
        Username
        <input value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}

function typeAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('StrictMode: sign-in and refresh', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('stella')) await k.backend.createUser({ username: 'stella', password });
    k.backend.resetCounts();
  });

  function strictApp(k: EngineTestKit, flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH', requests: RequestTracker = trackRequests()) {
    return render(
      <StrictMode>
        <AuthProvider config={k.config({ authenticationFlowType: flow })} options={{ now: k.clock.now, fetch: requests.fetch }}>
          <Status />
          <SignInForm />
        </AuthProvider>
      </StrictMode>,
    );
  }

  it('an SRP sign-in from a form sends 1 InitiateAuth and 1 RespondToAuthChallenge', async () => {
    const k = kit();
    strictApp(k, 'USER_SRP_AUTH');
    expect(screen.getByTestId('status').textContent).toBe('signedOut');

    typeAndSubmit('stella', password);

    expect(await screen.findByText('signed in as stella')).toBeTruthy();
    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(k.backend.count('RespondToAuthChallenge')).toBe(1);
    expect(k.backend.count()).toBe(2);
  });

  it('a USER_PASSWORD_AUTH sign-in from a form sends exactly 1 InitiateAuth', async () => {
    const k = kit();
    strictApp(k, 'USER_PASSWORD_AUTH');

    typeAndSubmit('stella', password);

    expect(await screen.findByText('signed in as stella')).toBeTruthy();
    expect(signInRequests(k)).toBe(1);
    expect(k.backend.count()).toBe(1);
  });

  it('a stored session that expired before mount is refreshed once (1 REFRESH_TOKEN_AUTH), loading then signed in', async () => {
    const k = kit();
    await storeSession(k, 'stella', password);
    k.clock.advance(3_600_000 + 1_000);
    k.backend.resetCounts();
    const requests = trackRequests();

    strictApp(k, 'USER_PASSWORD_AUTH', requests);
    expect(screen.getByTestId('status').textContent).toBe('loading');

    expect(await screen.findByText('signed in as stella')).toBeTruthy();
    // A second refresh (from the engine StrictMode threw away, or the re-run effect) would have been
    // sent at mount, like the first: once every request sent is answered, the backend has logged it.
    await act(() => requests.idle());
    expect(refreshRequests(k)).toBe(1);
    expect(k.backend.count()).toBe(1);
  });

  it('the provider’s engine listeners survive the effect re-run: a refresh still reaches useSession', async () => {
    const k = kit();
    await storeSession(k, 'stella', password);
    const engines: Auth[] = [];
    function AccessToken() {
      engines.push(useAuthEngine());
      const session = useSession();
      // The token's id, not the token: a failing assertion prints the DOM.
      return <p data-testid="token">{String(session.data?.accessTokenPayload['jti'] ?? 'none')}</p>;
    }
    render(
      <StrictMode>
        <AuthProvider config={k.config(PASSWORD_AUTH)} options={{ now: k.clock.now }}>
          <AccessToken />
        </AuthProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId('token').textContent).not.toBe('none'));
    const before = screen.getByTestId('token').textContent;

    k.clock.advance(3_600_000 + 1_000);
    const engine = engines[engines.length - 1]!;
    await act(() => engine.currentSession());

    await waitFor(() => expect(screen.getByTestId('token').textContent).not.toBe(before));
    expect(new Set(engines).size).toBe(1);
    expect(refreshRequests(k)).toBe(1);
  });
});

describe('StrictMode: hosted-UI callback at mount', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('hugo')) await k.backend.createUser({ username: 'hugo', password, attributes: { email: 'hugo@example.com' } });
  });

  it('exchanges the code once (1 oauth2/token), cleans the address bar and ends signed in', async () => {
    const k = kit();
    const browser = new FakeBrowser('http://localhost:3000/');
    const callback = await ui.authorize(browser, { username: 'hugo', password });
    browser.load(callback);
    k.backend.resetCounts();
    const requests = trackRequests();

    render(
      <StrictMode>
        <AuthProvider
          config={k.config({ ...PASSWORD_AUTH, oauth: ui.oauth() })}
          options={{ now: k.clock.now, environment: browser.environment, fetch: requests.fetch }}
        >
          <Status />
        </AuthProvider>
      </StrictMode>,
    );
    expect(screen.getByTestId('status').textContent).toBe('loading');

    expect(await screen.findByText('signed in as hugo')).toBeTruthy();
    // A second code exchange would have been sent at mount, like the first: wait until every request
    // sent is answered (so the backend has logged it) before counting.
    await act(() => requests.idle());
    expect(k.backend.count('oauth2/token')).toBe(1);
    expect(k.backend.count()).toBe(1);
    expect(browser.url).toBe(CALLBACK);
    expect(browser.navigations).toEqual([]);
  });
});
