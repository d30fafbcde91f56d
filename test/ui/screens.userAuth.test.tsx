// @vitest-environment jsdom
/**
 * The screens of choice-based sign-in (USER_AUTH) and email MFA, end to end: user-event drives the
 * real <Authenticator> and engine against the test backend, and axe checks every screen on the way.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type AuthConfig, type PasskeyClient } from '../../src/core/index';
import { AuthProvider } from '../../src/react/AuthProvider';
import { en } from '../../src/ui/i18n/en';
import { loadLanguage } from '../../src/ui/i18n/dictionaryStore';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { shippedDictionaries } from '../support/dictionaries';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName, wrongCode } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator, type PublicKeyCredentialCreationOptionsJSON } from '../support/softAuthenticator';
import { AxeLog, expectAlert, findScreen, renderWithAuth, valueOf } from './support';

const PHONE = '+15555550123';
const USER_AUTH = { authenticationFlowType: 'USER_AUTH' } as const satisfies Partial<AuthConfig>;
// Every screen (and error state) the tests below run axe on; the last test checks all were.
const EXPECTED_AXE = [
  'signIn(USER_AUTH)', 'selectFirstFactor', 'confirmSignIn(EMAIL)', 'confirmSignIn(EMAIL)+error', 'confirmSignInWithPassword',
  'confirmSignInWithPassword+error', 'selectMfaType(EMAIL)', 'selectMfaSetup', 'setupEmail', 'setupEmail+error', 'selectFirstFactor(de)',
];
const axe = new AxeLog();

type Seed = Partial<Parameters<EngineTestKit['backend']['createUser']>[0]>;

function expectFocused(heading: HTMLElement): void {
  expect(document.activeElement).toBe(heading);
}

/** The sign-in form with only the username, sent by the secondary button (the password field stays empty). */
async function startWithUsername(user: UserEvent, username: string): Promise<void> {
  await findScreen('Sign in to your account');
  await user.type(screen.getByLabelText('Username'), username);
  await user.click(screen.getByRole('button', { name: 'Other sign-in options' }));
}

describe('choice-based sign-in (USER_AUTH)', () => {
  const kit = useEngineBackend({ allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'], mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser(prefix: string, extra: Seed = {}): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: PHONE, phone_number_verified: 'true' },
      ...extra,
    });
    return username;
  }

  it('username only: choose an email code; a wrong code keeps what was typed and says why; the right one signs in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('eve');
    const { container } = renderWithAuth(k, <Authenticator />, USER_AUTH);
    await findScreen('Sign in to your account');
    // The password is optional here: Enter with the username alone asks Cognito for the ways to sign in.
    expect(screen.getByLabelText('Password').hasAttribute('required')).toBe(false);
    await axe.check(container, 'signIn(USER_AUTH)');
    await user.type(screen.getByLabelText('Username'), `${username}{Enter}`);

    expectFocused(await findScreen('Choose how to sign in'));
    expect(screen.getByText(`Signing in as ${username}`)).toBeTruthy();
    // PASSWORD and PASSWORD_SRP are one choice; no passkey is offered to a user without one.
    const choices = within(container.querySelector('.crk-choices') as HTMLElement).getAllByRole('button');
    expect(choices.map((button) => button.textContent)).toEqual([
      'Sign In with Password',
      'Sign In with Email',
      'Sign In with SMS',
    ]);
    await axe.check(container, 'selectFirstFactor');
    await user.click(screen.getByRole('button', { name: 'Sign In with Email' }));

    expectFocused(await findScreen('Confirm Email Code'));
    expect(screen.getByText(/enter the code we emailed to e\*+@e\*+/)).toBeTruthy();
    await axe.check(container, 'confirmSignIn(EMAIL)');
    const code = k.backend.lastCode(username, 'SIGN_IN');
    await user.type(screen.getByLabelText('Code *'), wrongCode(code));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await expectAlert('That code is not right. Check it and try again.');
    expect(valueOf('Code *')).toBe(wrongCode(code));
    expect(screen.getByLabelText('Code *').getAttribute('aria-invalid')).toBe('true');
    await axe.check(container, 'confirmSignIn(EMAIL)+error');

    await user.clear(screen.getByLabelText('Code *'));
    await user.type(screen.getByLabelText('Code *'), code);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('choose the password: it is asked for on its own screen (no request), proven by SRP, and signs in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('pam');
    const { container } = renderWithAuth(k, <Authenticator />, USER_AUTH);
    await startWithUsername(user, username);
    await findScreen('Choose how to sign in');
    k.backend.resetCounts();
    await user.click(screen.getByRole('button', { name: 'Sign In with Password' }));

    expectFocused(await findScreen('Enter your password'));
    expect(k.backend.count()).toBe(0);
    expect(screen.getByText(`Signing in as ${username}`)).toBeTruthy();
    const field = screen.getByLabelText('Password');
    expect(field.getAttribute('autocomplete')).toBe('current-password');
    // Password managers pair the password with the username given on the first screen.
    expect(container.querySelector('input[autocomplete="username"]')?.getAttribute('value')).toBe(username);
    await axe.check(container, 'confirmSignInWithPassword');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await expectAlert('Enter your password.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await axe.check(container, 'confirmSignInWithPassword+error');

    await user.type(field, password);
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(field.getAttribute('type')).toBe('text');
    expect(valueOf('Password')).toBe(password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    const answered = k.backend.requests().map((r) => (r.input as { ChallengeName?: string }).ChallengeName);
    expect(answered).toEqual(['SELECT_CHALLENGE', 'PASSWORD_VERIFIER']);
  });

  it('a password typed on the sign-in form signs in at once (PASSWORD_SRP as the preferred challenge)', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('sue');
    renderWithAuth(k, <Authenticator />, USER_AUTH);
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    k.backend.resetCounts();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    const initiate = k.backend.requests()[0]?.input as { AuthFlow: string; AuthParameters: Record<string, string> };
    expect(initiate.AuthFlow).toBe('USER_AUTH');
    expect(initiate.AuthParameters['PREFERRED_CHALLENGE']).toBe('PASSWORD_SRP');
    expect(JSON.stringify(k.backend.requests())).not.toContain(password);
  });

  it('an SMS code as the first factor uses the SMS code screen; Back to Sign In drops the sign-in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('sid');
    renderWithAuth(k, <Authenticator />, USER_AUTH);
    await startWithUsername(user, username);
    await user.click(await screen.findByRole('button', { name: 'Sign In with SMS' }));
    expectFocused(await findScreen('Confirm SMS Code'));
    expect(screen.getByText(/enter the code we texted to \+\*+0123/)).toBeTruthy();
    await user.type(screen.getByLabelText('Code *'), k.backend.lastCode(username, 'SIGN_IN'));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('Back to Sign In from the choice keeps nothing pending', async () => {
    const user = userEvent.setup();
    const username = await newUser('bob');
    renderWithAuth(kit(), <Authenticator />, USER_AUTH);
    await startWithUsername(user, username);
    await findScreen('Choose how to sign in');
    await user.click(screen.getByRole('button', { name: 'Back to Sign In' }));
    expectFocused(await findScreen('Sign in to your account'));
  });

  it('select MFA type offers email; choosing it leads to the emailed code, and the code signs in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('max', { mfa: { email: true, sms: true } });
    const { container } = renderWithAuth(k, <Authenticator />);
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expectFocused(await findScreen('Multi-Factor Authentication'));
    const group = screen.getByRole('group', { name: 'Select MFA Type' });
    expect(within(group).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['Text Message (SMS)', 'Email Message']);
    await axe.check(container, 'selectMfaType(EMAIL)');
    await user.click(screen.getByRole('radio', { name: 'Email Message' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    expectFocused(await findScreen('Confirm Email Code'));
    await user.type(screen.getByLabelText('Code *'), k.backend.lastCode(username, 'MFA'));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('in German: the choice, its buttons and a wrong code’s message are translated, and the code stays', async () => {
    await loadLanguage('de');
    const de = shippedDictionaries.de;
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('dora');
    const { container } = renderWithAuth(k, <Authenticator language="de" />, USER_AUTH);
    await screen.findByRole('heading', { name: de['signIn.heading'] }, { timeout: 5000 });
    await user.type(screen.getByLabelText(de['field.username']), username);
    await user.click(screen.getByRole('button', { name: de['signIn.anotherWay'] }));
    await findScreen(de['selectFirstFactor.heading']);
    await axe.check(container, 'selectFirstFactor(de)');
    await user.click(screen.getByRole('button', { name: de['selectFirstFactor.EMAIL_OTP'] }));
    await findScreen(de['confirmSignIn.emailHeading']);
    const wrong = wrongCode(k.backend.lastCode(username, 'SIGN_IN'));
    await user.type(screen.getByLabelText(de['field.codeRequired']), wrong);
    await user.click(screen.getByRole('button', { name: de['confirmSignIn.submit'] }));
    await expectAlert(de['error.CodeMismatchException']);
    expect(valueOf(de['field.codeRequired'])).toBe(wrong);
  });
});

describe('passkeys as a first factor', () => {
  const ORIGIN = 'http://localhost:5173';
  const kit = useEngineBackend({ allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'], webAuthn: { origins: [ORIGIN] } });

  /** A user with one passkey, registered the way a signed-in app does it (Start/CompleteWebAuthnRegistration). */
  async function userWithPasskey(k: EngineTestKit, username: string, device = new SoftAuthenticator()): Promise<void> {
    const password = strongPassword();
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const { clientId } = k.backend.config;
    const signedIn = await k.backend.call('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } });
    const AccessToken = (signedIn['AuthenticationResult'] as { AccessToken: string }).AccessToken;
    const start = await k.backend.call('StartWebAuthnRegistration', { AccessToken });
    const credential = device.create(start['CredentialCreationOptions'] as PublicKeyCredentialCreationOptionsJSON, ORIGIN);
    await k.backend.call('CompleteWebAuthnRegistration', { AccessToken, Credential: credential });
  }

  it('offers "Sign In with Passkey" to a user who has one', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    const user = userEvent.setup();
    const username = uniqueName('pia');
    await userWithPasskey(k, username);
    renderWithAuth(k, <Authenticator />, USER_AUTH);
    await startWithUsername(user, username);
    await findScreen('Choose how to sign in');
    expect(screen.getByRole('button', { name: 'Sign In with Passkey' }).getAttribute('data-factor')).toBe('WEB_AUTHN');
    expect(screen.getByRole('button', { name: 'Sign In with Password' })).toBeTruthy();
  });

  /** The engine's passkey prompt over the software authenticator (real keys; the backend verifies). */
  function promptOf(device: SoftAuthenticator, cancel = false): PasskeyClient {
    return {
      get: async (options) => {
        if (cancel) throw new AuthError({ name: 'PasskeyCanceled', message: 'cancelled', source: 'signIn' });
        return device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>;
      },
      create: async (options) => device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>,
    };
  }

  it('choosing the passkey signs in; a cancelled prompt goes back to sign-in with its message', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    const user = userEvent.setup();
    const username = uniqueName('pax');
    const device = new SoftAuthenticator();
    await userWithPasskey(k, username, device);

    const cancelled = render(
      <AuthProvider config={k.config(USER_AUTH)} options={{ now: k.clock.now, passkeys: promptOf(device, true) }}>
        <Authenticator />
      </AuthProvider>,
    );
    await startWithUsername(user, username);
    await findScreen('Choose how to sign in');
    await user.click(screen.getByRole('button', { name: 'Sign In with Passkey' }));
    await expectAlert(en['error.PasskeyCanceled']);
    expect(screen.getByRole('heading', { name: 'Sign in to your account' })).toBeTruthy();
    // What the user typed is still there: the username of the step that ended.
    expect(valueOf('Username')).toBe(username);
    cancelled.unmount();

    render(
      <AuthProvider config={k.config(USER_AUTH)} options={{ now: k.clock.now, passkeys: promptOf(device) }}>
        <Authenticator>{({ user: signedIn }) => <p>Hello {signedIn.username}</p>}</Authenticator>
      </AuthProvider>,
    );
    await startWithUsername(user, username);
    await findScreen('Choose how to sign in');
    await user.click(screen.getByRole('button', { name: 'Sign In with Passkey' }));
    expect(await screen.findByText(`Hello ${username}`)).toBeTruthy();
  });
});

describe('MFA required, email among the methods to set up', () => {
  const kit = useEngineBackend({ mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  const password = strongPassword();

  afterAll(() => {
    expect([...axe.checked].sort()).toEqual([...EXPECTED_AXE].sort());
  });

  async function signInNewUser(k: EngineTestKit, user: UserEvent, prefix: string): Promise<{ username: string; container: HTMLElement }> {
    k.storage = new RecordingStorage();
    const username = uniqueName(prefix);
    await k.backend.createUser({ username, password });
    const { container } = renderWithAuth(k, <Authenticator />);
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    return { username, container };
  }

  it('choose email, give the address (an empty one is refused, a wrong code kept), type the code: signed in with email MFA', async () => {
    const k = kit();
    const user = userEvent.setup();
    const { username, container } = await signInNewUser(k, user, 'ned');

    expectFocused(await findScreen('Multi-Factor Authentication Setup'));
    const group = screen.getByRole('group', { name: 'Select MFA Type' });
    expect(within(group).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['Email Message', 'Authenticator App (TOTP)']);
    expect(screen.getByRole('radio', { name: 'Email Message' })).toHaveProperty('checked', true);
    await axe.check(container, 'selectMfaSetup');
    k.backend.resetCounts();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    expectFocused(await findScreen('Setup Email'));
    expect(k.backend.count()).toBe(0);
    const email = screen.getByLabelText('Email');
    expect([email.getAttribute('type'), email.getAttribute('autocomplete'), email.getAttribute('inputmode')]).toEqual(['email', 'email', 'email']);
    await axe.check(container, 'setupEmail');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await expectAlert('Enter your email address.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    await axe.check(container, 'setupEmail+error');

    await user.type(email, `${username}@example.com`);
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expectFocused(await findScreen('Confirm Email Code'));
    expect(screen.getByText(/enter the code we emailed to n\*+@e\*+/)).toBeTruthy();
    const code = k.backend.lastCode(username, 'MFA');
    await user.type(screen.getByLabelText('Code *'), wrongCode(code));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await expectAlert('That code is not right. Check it and try again.');
    expect(valueOf('Code *')).toBe(wrongCode(code));
    await user.clear(screen.getByLabelText('Code *'));
    await user.type(screen.getByLabelText('Code *'), code);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(k.backend.getUser(username)?.mfa).toMatchObject({ email: true, preferred: 'EMAIL_OTP' });
  });

  it('choosing the authenticator app leads to the TOTP setup screen', async () => {
    const k = kit();
    const user = userEvent.setup();
    await signInNewUser(k, user, 'tia');
    await findScreen('Multi-Factor Authentication Setup');
    await user.click(screen.getByRole('radio', { name: 'Authenticator App (TOTP)' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expectFocused(await findScreen('Setup TOTP'));
  });
});
