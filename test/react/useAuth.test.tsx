// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type AuthStatus } from '../../src/core/index';
import { AUTH_ACTIONS } from '../../src/react/authSnapshot';
import { useAuth, type AuthContextValue } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { newTotpSecret, totpCode } from '../backend/totp';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { trackRequests } from '../support/requestTracker';
import { providerSetup, RenderLog, renderWithProvider, storeSession } from './support';

/** A hand-made sign-in screen driven by `useAuth()` alone: the screen is `nextStep.signInStep`. */
function SignInScreen() {
  const auth = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const ignore = () => undefined; // failures show through `auth.error`

  if (auth.status === 'signedIn') return <p>Signed in as {auth.user.username}</p>;
  const error = auth.error ? <p role="alert">{auth.error.name}</p> : null;
  if (auth.nextStep?.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') {
    const confirm = (event: FormEvent) => {
      event.preventDefault();
      auth.confirmSignIn(code).catch(ignore);
    };
    return (
      <form onSubmit={confirm} aria-label="Authenticator code">
        <label>
          Code
          <input inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <button type="submit">Confirm</button>
        {error}
      </form>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    auth.signIn(username, password).catch(ignore);
  };
  return (
    <form onSubmit={submit} aria-label="Sign in">
      <label>
        Username
        <input value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit">Sign in</button>
      {error}
    </form>
  );
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('useAuth', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  const totpSecret = newTotpSecret();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('uma')) {
      await k.backend.createUser({ username: 'uma', password, attributes: { email: 'uma@example.com' } });
      await k.backend.createUser({ username: 'otto', password, mfa: { totpSecret, preferred: 'SOFTWARE_TOKEN_MFA' } });
    }
    k.backend.resetCounts();
  });

  it('returns the state (status, isAuthenticated, user, nextStep, error) and every engine action, bound and stable across renders', async () => {
    const k = kit();
    const seen = new RenderLog<AuthContextValue>();
    function Probe() {
      seen.record(useAuth());
      return null;
    }
    const view = renderWithProvider(<Probe />, providerSetup(k));
    view.rerenderWith(<Probe />);

    const [first, second] = seen.values;
    expect(first).toMatchObject({ status: 'signedOut', isAuthenticated: false, user: null, nextStep: null, error: null });
    // Unchanged state: the very same value, so consumers memoising on it do not re-run.
    expect(second).toBe(first);
    for (const name of AUTH_ACTIONS) expect(typeof first?.[name], name).toBe('function');

    // Bound: a destructured action still acts on the provider's engine.
    const signIn = first!.signIn;
    await act(() => signIn('uma', password));
    expect(seen.last).toMatchObject({ status: 'signedIn', isAuthenticated: true, user: { username: 'uma' }, nextStep: { signInStep: 'DONE' }, error: null });
    expect(seen.last?.signIn).toBe(signIn);
  });

  it('a sign-in form: typed username and password, submit, then the signed-in user is shown', async () => {
    const k = kit();
    renderWithProvider(<SignInScreen />, providerSetup(k));

    type('Username', 'uma');
    type('Password', password);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Signed in as uma')).toBeTruthy();
    expect(k.backend.count('InitiateAuth')).toBe(1);
  });

  it('an MFA user gets the code screen from nextStep; the authenticator code signs in', async () => {
    const k = kit();
    const view = renderWithProvider(<SignInScreen />, providerSetup(k));

    type('Username', 'otto');
    type('Password', password);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('form', { name: 'Authenticator code' })).toBeTruthy();
    expect(view.engine.getState()).toMatchObject({ status: 'signedOut', nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', username: 'otto' } });

    type('Code', await totpCode(totpSecret, k.clock.now()));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByText('Signed in as otto')).toBeTruthy();
    expect(k.backend.count('RespondToAuthChallenge')).toBe(1);
    // TOTP codes are single-use per time step: leave the next test a fresh step.
    k.clock.advance(30_000);
  });

  it('a wrong password shows error.name (NotAuthorizedException) and stays on the sign-in form', async () => {
    const k = kit();
    const view = renderWithProvider(<SignInScreen />, providerSetup(k));

    type('Username', 'uma');
    type('Password', 'Wrong-passw0rd!');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('NotAuthorizedException');
    expect(view.engine.getState().error).toBeInstanceOf(AuthError);
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('uma');
  });
});

describe('useAuth: the first render', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('fran')) await k.backend.createUser({ username: 'fran', password });
  });

  function statusLog() {
    const log = new RenderLog<AuthStatus>();
    function Status() {
      const status = useAuth((s) => s.status);
      log.record(status);
      return <p>{status}</p>;
    }
    return { log, Status };
  }

  it('with a valid session in storage, the very first render is signedIn and nothing is requested', async () => {
    const k = kit();
    await storeSession(k, 'fran', password);
    k.backend.resetCounts();
    const { log, Status } = statusLog();
    const requests = trackRequests();

    renderWithProvider(<Status />, providerSetup(k, {}, { fetch: requests.fetch }));
    // The engine restores synchronously and anything it would request starts at mount, inside the
    // render's act(): once every request sent is answered, the backend has logged it.
    await act(() => requests.idle());

    expect(log.first).toBe('signedIn');
    expect(new Set(log.values)).toEqual(new Set(['signedIn']));
    expect(k.backend.count()).toBe(0);
  });

  it('with nothing stored, the first render is signedOut and it never shows loading', async () => {
    const k = kit();
    const { log, Status } = statusLog();
    const requests = trackRequests();

    renderWithProvider(<Status />, providerSetup(k, {}, { fetch: requests.fetch }));
    await act(() => requests.idle());

    expect(log.first).toBe('signedOut');
    expect(log.values).not.toContain('loading');
    expect(k.backend.count()).toBe(0);
  });
});
