// @vitest-environment jsdom
/**
 * The prebuilt UI under faults: every form is submitted under every failing fault, then once more
 * clean. After each failure the translated error is in role="alert" and everything the user typed is
 * still in the form (except the sign-in password, which the UI clears by design); the clean submit
 * then goes through with what is there.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import { errorKey } from '../../src/ui/i18n/translate';
import { createFaultInjector, FAULT_KINDS, type FaultKind } from '../backend/faults';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { click, findScreen, type, valueOf } from '../ui/support';
import { tally } from './tally';
import { settle, trackUnhandledRejections } from './unhandled';

const FAILING = FAULT_KINDS.filter((kind) => kind !== 'slow');
const ERROR_NAME: Record<Exclude<FaultKind, 'slow'>, string> = {
  http500: 'InternalErrorException',
  http503: 'HttpError503',
  reset: 'NetworkError',
  hang: 'NetworkError',
  malformedJson: 'UnknownError',
  tooManyRequests: 'TooManyRequestsException',
  limitExceeded: 'LimitExceededException',
};
const faults = createFaultInjector({ hangMs: 5_000 });
const unhandled = trackUnhandledRejections();

describe('<Authenticator> under injected faults keeps what the user typed', () => {
  const kit = useEngineBackend({ intercept: faults.intercept });
  const password = strongPassword();
  let injected = 0;
  let handled = 0;

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  afterEach(() => {
    faults.disarm();
    faults.release();
  });

  afterAll(() => {
    tally('faultsInjected', injected);
    tally('faultsHandled', handled);
    expect(unhandled()).toEqual([]);
  });

  function renderAuthenticator(k: EngineTestKit): void {
    render(
      <AuthProvider
        config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH', requestTimeout: 1000 })}
        options={{ now: k.clock.now, retry: { baseDelayMs: 1 } }}
      >
        <Authenticator signUpAttributes={['email']} />
      </AuthProvider>,
      { reactStrictMode: true }, // as the shared wrappers (test/react/support.tsx) render
    );
  }

  /**
   * Submits the current form once per failing fault on `operation`: `retype` refills what the UI
   * clears by design, `typed` says what every field must still hold afterwards.
   */
  async function underEveryFault(operation: string, submit: string, typed: Record<string, string>, retype: () => void = () => undefined) {
    for (const kind of FAILING) {
      injected += 1;
      retype();
      const firedBefore = total(faults.fired());
      faults.arm({ kind, operation });
      click('button', submit);
      const message = en[errorKey({}, 'en', ERROR_NAME[kind])];
      await waitFor(
        () => {
          expect(total(faults.fired())).toBe(firedBefore + 1);
          expect(screen.getByRole('button', { name: submit }).hasAttribute('disabled')).toBe(false);
          expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(message);
        },
        { timeout: 5_000 },
      );
      faults.disarm();
      for (const [label, value] of Object.entries(typed)) expect(valueOf(label), `${label} after ${kind}`).toBe(value);
      await settle();
      expect(unhandled()).toEqual([]);
      handled += 1;
    }
  }

  it('sign in: username kept (password cleared by design) under every fault, then signs in', async () => {
    const k = kit();
    const username = uniqueName('uiFault');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    renderAuthenticator(k);
    await findScreen('Sign in to your account');
    type('Username', username);

    await underEveryFault('InitiateAuth', 'Sign in', { Username: username, Password: '' }, () => type('Password', password));

    type('Password', password);
    click('button', 'Sign in');
    expect(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5_000 })).toBeTruthy();
  });

  it('MFA code: the code kept under every fault, then it signs in', async () => {
    const k = kit();
    const username = uniqueName('uiFault');
    await k.backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, phone_number: '+15555550123' },
      mfa: { sms: true, preferred: 'SMS_MFA' },
    });
    renderAuthenticator(k);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    await waitFor(() => expect(screen.getByLabelText('Code *')).toBeTruthy(), { timeout: 5_000 });
    const code = k.backend.lastCode(username, 'MFA');
    type('Code *', code);

    await underEveryFault('RespondToAuthChallenge', 'Confirm', { 'Code *': code });

    click('button', 'Confirm');
    expect(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5_000 })).toBeTruthy();
  });

  it('sign up and confirm: every field kept under every fault on each step, then both go through', async () => {
    const k = kit();
    const username = uniqueName('uiFault');
    const email = `${username}@example.com`;
    renderAuthenticator(k);
    await findScreen('Sign in to your account');
    click('tab', 'Create Account');
    await findScreen('Create your account');
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', email);

    await underEveryFault('SignUp', 'Create Account', { Username: username, Password: password, 'Confirm Password': password, Email: email });

    click('button', 'Create Account');
    await findScreen('We Emailed You');
    const code = k.backend.lastCode(username, 'SIGN_UP');
    type('Confirmation Code', code);

    await underEveryFault('ConfirmSignUp', 'Confirm', { 'Confirmation Code': code });

    click('button', 'Confirm');
    // Confirmed, then signed in by the auto sign-in with the password kept from the sign-up form.
    expect(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5_000 })).toBeTruthy();
    expect(k.backend.getUser(username)?.status).toBe('CONFIRMED');
  });

  it('reset password: username, code and new password kept under every fault on each step, then the reset goes through', async () => {
    const k = kit();
    const username = uniqueName('uiFault');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    renderAuthenticator(k);
    await findScreen('Sign in to your account');
    click('button', 'Forgot your password?');
    await findScreen('Reset Password');
    type('Enter your username', username);

    await underEveryFault('ForgotPassword', 'Send code', { 'Enter your username': username });

    click('button', 'Send code');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy(), { timeout: 5_000 });
    const code = k.backend.lastCode(username, 'FORGOT_PASSWORD');
    const newPassword = strongPassword();
    type('Code *', code);
    type('New Password', newPassword);
    type('Confirm Password', newPassword);

    await underEveryFault('ConfirmForgotPassword', 'Submit', { 'Code *': code, 'New Password': newPassword, 'Confirm Password': newPassword });

    click('button', 'Submit');
    await findScreen('Sign in to your account');
    expect(k.backend.count('ConfirmForgotPassword')).toBe(FAILING.length + 1);
  });
});

function total(fired: Record<FaultKind, number>): number {
  return Object.values(fired).reduce((sum, n) => sum + n, 0);
}
