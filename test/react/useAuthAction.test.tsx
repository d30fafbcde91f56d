// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type SignInResult } from '../../src/core/index';
import { useAuth, useAuthAction, type AuthActionState } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { heldFetch, providerSetup, RenderLog, renderWithProvider } from './support';

type SignInAction = AuthActionState<'signIn'>;

/** A hand-made form on `useAuthAction('signIn')`: its own field state, pending and error from the hook. */
function SignInForm({ log }: { log: RenderLog<SignInAction> }) {
  const signIn = useAuthAction('signIn');
  log.record(signIn);
  const status = useAuth((s) => s.status);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.run({ username, password }).catch(() => undefined); // shown through signIn.error
  };
  return (
    <form onSubmit={submit} aria-label="Sign in">
      <p>{status}</p>
      <label>
        Username
        <input value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      {signIn.error ? <p role="alert">{signIn.error.name}</p> : null}
      <button type="button" onClick={signIn.reset}>
        Dismiss
      </button>
    </form>
  );
}

function fill(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
}

function inputValue(label: string): string {
  return (screen.getByLabelText(label) as HTMLInputElement).value;
}

describe('useAuthAction', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('ada')) await k.backend.createUser({ username: 'ada', password });
    k.backend.resetCounts();
  });

  it('isPending is true while the request is in flight and false once it answered; data is the result', async () => {
    const k = kit();
    const held = heldFetch();
    const log = new RenderLog<SignInAction>();
    renderWithProvider(<SignInForm log={log} />, providerSetup(k, {}, { fetch: held.fetch }));
    expect(log.last?.isPending).toBe(false);

    fill('ada', password);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(k.backend.count('InitiateAuth')).toBe(1));
    // The backend has answered; the held response has not reached the engine yet.
    expect(held.started()).toBe(1);
    expect(screen.getByRole('button', { name: 'Signing in…' })).toHaveProperty('disabled', true);
    expect(log.last?.isPending).toBe(true);
    expect(screen.getByText('signedOut')).toBeTruthy();

    await act(async () => held.release());

    await waitFor(() => expect(log.last?.isPending).toBe(false));
    expect(screen.getByText('signedIn')).toBeTruthy();
    expect(log.last?.data).toEqual<SignInResult>({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(log.last?.error).toBeNull();
  });

  it('a wrong password: error is the typed AuthError (NotAuthorizedException), and what the user typed is still there', async () => {
    const k = kit();
    const log = new RenderLog<SignInAction>();
    renderWithProvider(<SignInForm log={log} />, providerSetup(k));

    fill('ada', 'Not-the-passw0rd');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('NotAuthorizedException');
    const error = log.last?.error;
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', source: 'signIn' });
    expect(log.last?.isPending).toBe(false);
    expect(inputValue('Username')).toBe('ada');
    expect(inputValue('Password')).toBe('Not-the-passw0rd');
  });

  it('reset() clears the error; the corrected password then signs in', async () => {
    const k = kit();
    const log = new RenderLog<SignInAction>();
    renderWithProvider(<SignInForm log={log} />, providerSetup(k));
    fill('ada', 'Not-the-passw0rd');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(log.last?.error).toBeNull();

    fill('ada', password);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('signedIn')).toBeTruthy();
    expect(k.backend.count('InitiateAuth')).toBe(2);
  });

  it('run() resolves with the action’s result and rejects with the same AuthError it keeps in error', async () => {
    const k = kit();
    const log = new RenderLog<SignInAction>();
    renderWithProvider(<SignInForm log={log} />, providerSetup(k));

    let rejection: unknown;
    await act(async () => {
      rejection = await log.last!.run({ username: 'ada', password: 'Not-the-passw0rd' }).catch((thrown: unknown) => thrown);
    });
    expect(rejection).toBeInstanceOf(AuthError);
    // react-query hands mutation results to observers on its own (batched) tick.
    await waitFor(() => expect(log.last?.error).toBe(rejection));

    let result: SignInResult | undefined;
    await act(async () => {
      result = await log.last!.run({ username: 'ada', password });
    });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    await waitFor(() => expect(log.last?.data).toBe(result));
    expect(log.last?.error).toBeNull();
  });
});
