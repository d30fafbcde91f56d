// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { totpCode } from '../backend/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { AxeLog, axeViolations, click, expectAlert, findScreen, renderWithAuth, type, valueOf } from './support';

const PHONE = '+15555550123';
// Every screen (and error state) the walkthroughs below run axe on; the last test checks all were.
const EXPECTED_AXE = [
  'forgotPassword', 'confirmResetPassword', 'confirmResetPassword+error', 'forceNewPassword', 'confirmSignIn(SMS)',
  'confirmSignIn+error', 'confirmSignIn(TOTP)', 'selectMfaType', 'customChallenge', 'setupTotp', 'confirmSignUp',
];
const axe = new AxeLog();

async function signInAs(username: string, password: string): Promise<void> {
  await findScreen('Sign in to your account');
  type('Username', username);
  type('Password', password);
  click('button', 'Sign in');
}

function expectFocused(heading: HTMLElement): void {
  expect(document.activeElement).toBe(heading);
}

describe('Authenticator screens', () => {
  const kit = useEngineBackend({ requiredAttributesOnNewPassword: ['name'], customAuth: { rounds: 1, maxAttempts: 3 } });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser(prefix: string, extra: Partial<Parameters<EngineTestKit['backend']['createUser']>[0]> = {}) {
    const username = uniqueName(prefix);
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com`, phone_number: PHONE }, ...extra });
    return username;
  }

  it('forgot password: sends a code, a wrong code keeps the form, the right one resets, then sign in works', async () => {
    const k = kit();
    const username = await newUser('fay');
    const { container } = renderWithAuth(k, <Authenticator />);
    await findScreen('Sign in to your account');
    click('button', 'Forgot your password?');
    expectFocused(await findScreen('Reset Password'));
    await axe.check(container, 'forgotPassword');
    type('Enter your username', username);
    click('button', 'Send code');

    await waitFor(() => expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy());
    expectFocused(screen.getByRole('heading', { name: 'Reset Password' }));
    expect(screen.getByText(/enter the code we emailed to/)).toBeTruthy();
    await axe.check(container, 'confirmResetPassword');
    const newPassword = strongPassword();
    const code = k.backend.lastCode(username, 'FORGOT_PASSWORD');
    type('Code *', code === '000000' ? '111111' : '000000');
    type('New Password', newPassword);
    type('Confirm Password', newPassword);
    click('button', 'Submit');
    await expectAlert('That code is not right. Check it and try again.');
    expect(screen.getByLabelText('Code *').getAttribute('aria-invalid')).toBe('true');
    expect(valueOf('New Password')).toBe(newPassword);
    await axe.check(container, 'confirmResetPassword+error');

    type('Code *', code);
    click('button', 'Submit');
    await signInAs(username, newPassword);
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('Back to Sign In leaves the forgot-password screen', async () => {
    renderWithAuth(kit(), <Authenticator />);
    await findScreen('Sign in to your account');
    click('button', 'Forgot your password?');
    await findScreen('Reset Password');
    click('button', 'Back to Sign In');
    expectFocused(await findScreen('Sign in to your account'));
  });

  it('force new password: asks for the new password and the attributes the pool requires', async () => {
    const k = kit();
    const username = await newUser('fox', { status: 'FORCE_CHANGE_PASSWORD' });
    const { container } = renderWithAuth(k, <Authenticator />);
    await signInAs(username, password);
    expectFocused(await findScreen('Change Password'));
    await axe.check(container, 'forceNewPassword');
    const newPassword = strongPassword();
    type('Password', newPassword);
    type('Confirm Password', newPassword);
    type('Name', 'Fox Mulder');
    expect(screen.getByLabelText('Name').getAttribute('autocomplete')).toBe('name');
    click('button', 'Change Password');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(k.backend.getUser(username)?.attributes['name']).toBe('Fox Mulder');
  });

  it('SRP sign-in → SMS MFA: says where the code went; a wrong code shows the error; the right one signs in', async () => {
    const k = kit();
    const username = await newUser('sms', { mfa: { sms: true } });
    k.backend.resetCounts();
    const { container } = renderWithAuth(k, <Authenticator />, { authenticationFlowType: 'USER_SRP_AUTH' });
    await signInAs(username, password);
    expectFocused(await findScreen('Confirm SMS Code'));
    // The password was proven by SRP (never sent), then Cognito asked for the SMS code.
    expect(k.backend.requests().map((r) => [r.operation, (r.input as { AuthFlow?: string; ChallengeName?: string }).AuthFlow ?? (r.input as { ChallengeName?: string }).ChallengeName])).toEqual([
      ['InitiateAuth', 'USER_SRP_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
    ]);
    expect(screen.getByText(/enter the code we texted to \+\*+0123/)).toBeTruthy();
    await axe.check(container, 'confirmSignIn(SMS)');
    const code = k.backend.lastCode(username, 'MFA');
    type('Code *', code === '000000' ? '111111' : '000000');
    click('button', 'Confirm');
    await expectAlert('That code is not right. Check it and try again.');
    await axe.check(container, 'confirmSignIn+error');
    type('Code *', code);
    click('button', 'Confirm');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('an MFA step whose session Cognito ended goes back to sign in and says why; signing in again works', async () => {
    const k = kit();
    const username = await newUser('end', { mfa: { sms: true } });
    const { container } = renderWithAuth(k, <Authenticator />);
    await signInAs(username, password);
    await findScreen('Confirm SMS Code');
    const code = k.backend.lastCode(username, 'MFA');
    k.backend.advanceTime(60 * 60 * 1000); // far past the challenge session's lifetime
    type('Code *', code);
    click('button', 'Confirm');
    expectFocused(await findScreen('Sign in to your account'));
    await expectAlert('Your sign-in session has ended. Sign in again.');
    expect(await axeViolations(container)).toEqual([]);

    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    await findScreen('Confirm SMS Code');
    expect(screen.queryByText('Your sign-in session has ended. Sign in again.')).toBeNull();
  });

  it('TOTP MFA: asks for the authenticator app code', async () => {
    const k = kit();
    const secret = 'JBSWY3DPEHPK3PXP';
    const username = await newUser('tot', { mfa: { totpSecret: secret } });
    const { container } = renderWithAuth(k, <Authenticator />);
    await signInAs(username, password);
    expectFocused(await findScreen('Confirm TOTP Code'));
    await axe.check(container, 'confirmSignIn(TOTP)');
    type('Code *', await totpCode(secret, k.backend.now()));
    click('button', 'Confirm');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('select MFA type: a radio group of the allowed types; choosing SMS leads to the SMS code', async () => {
    const k = kit();
    const username = await newUser('sel', { mfa: { sms: true, totpSecret: 'JBSWY3DPEHPK3PXP' } });
    const { container } = renderWithAuth(k, <Authenticator />);
    await signInAs(username, password);
    expectFocused(await findScreen('Multi-Factor Authentication'));
    expect(screen.getByRole('group', { name: 'Select MFA Type' })).toBeTruthy();
    await axe.check(container, 'selectMfaType');
    click('radio', 'Text Message (SMS)');
    click('button', 'Confirm');
    await findScreen('Confirm SMS Code');
    click('button', 'Back to Sign In');
    await findScreen('Sign in to your account');
  });

  it('custom challenge: answers with the code the challenge sent', async () => {
    const k = kit();
    const username = await newUser('cus');
    const { container } = renderWithAuth(k, <Authenticator />, { authenticationFlowType: 'CUSTOM_AUTH' });
    await signInAs(username, password);
    expectFocused(await findScreen('Answer the challenge'));
    await axe.check(container, 'customChallenge');
    type('Answer', k.backend.lastCode(username, 'CUSTOM_CHALLENGE'));
    click('button', 'Submit');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('an unconfirmed user signing in lands on the confirmation screen with Resend Code', async () => {
    const k = kit();
    const username = await newUser('unc', { status: 'UNCONFIRMED' });
    const { container } = renderWithAuth(k, <Authenticator />);
    await signInAs(username, password);
    // Sign-in says only that the account is unconfirmed, not where a code went: Amplify's "We Sent A Code".
    expectFocused(await findScreen('We Sent A Code'));
    await axe.check(container, 'confirmSignUp');
    click('button', 'Resend Code');
    expect(await screen.findByText('A new code is on its way.')).toBeTruthy();
    type('Confirmation Code', k.backend.lastCode(username, 'SIGN_UP'));
    click('button', 'Confirm');
    await signInAs(username, password);
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });
});

describe('Authenticator: TOTP setup when the pool requires MFA', () => {
  const kit = useEngineBackend({ mfaConfiguration: 'ON' });
  const password = strongPassword();

  afterAll(() => {
    expect([...axe.checked].sort()).toEqual([...EXPECTED_AXE].sort());
  });

  it('shows a QR code and the key as text, then signs in with the first code', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    const username = uniqueName('new');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const { container } = renderWithAuth(k, <Authenticator totpIssuer="My App" />);
    await signInAs(username, password);
    expectFocused(await findScreen('Setup TOTP'));
    const qr = screen.getByRole('img', { name: 'QR code for your authenticator app' });
    // The qrcode package loads on demand; then the modules are drawn as one SVG path.
    await waitFor(() => expect(qr.querySelector('.crk-qr__modules')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/));
    expect(qr.getAttribute('aria-busy')).toBe('false');
    const secret = container.querySelector('.crk-secret__value')?.textContent ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await axe.check(container, 'setupTotp');
    type('Code *', await totpCode(secret, k.backend.now()));
    click('button', 'Confirm');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(k.backend.getUser(username)?.mfa.totp).toBe(true);
  });
});
