// @vitest-environment jsdom
/**
 * The Authenticator's `passwordless` prop (Amplify UI's shape): the preferred way on the sign-in
 * form, the ways never offered, and "Resend Code" on a code that is the way to sign in. User-event
 * drives the real <Authenticator> and engine against the test backend; axe checks each new state.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, type ReactNode } from 'react';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, type AuthConfig, type PasskeyClient } from '../../src/core/index';
import { AuthProvider } from '../../src/react/AuthProvider';
import { Authenticator, type AuthenticatorProps } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator } from '../support/softAuthenticator';
import { AxeLog, findScreen } from './support';

const ORIGIN = 'http://localhost:5173';
const PHONE = '+15555550123';
const APP = 'The app';
const EXPECTED_AXE = ['signIn(EMAIL_OTP preferred)', 'confirmSignIn(first factor, resent)', 'signIn(PASSWORD hidden)', 'selectFirstFactor(none left)'];
const axe = new AxeLog();

function deviceClient(device: SoftAuthenticator): PasskeyClient & { prompts: number } {
  const client = {
    prompts: 0,
    get: async (options: Parameters<PasskeyClient['get']>[0]) => {
      client.prompts += 1;
      return device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>;
    },
    create: async (options: Parameters<PasskeyClient['create']>[0]) => device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>,
  };
  return client;
}

/** Shows what the Authenticator threw while rendering, as an app's error boundary would. */
class Caught extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    return error === undefined ? this.props.children : <p role="alert">{error instanceof ConfigError ? `ConfigError ${error.fields.join(' ')}` : String(error)}</p>;
  }
}

describe('<Authenticator passwordless>', () => {
  const kit = useEngineBackend({ allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'], webAuthn: { origins: [ORIGIN] } });
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });
  afterAll(() => {
    expect([...axe.checked]).toEqual(EXPECTED_AXE);
  });

  function renderApp(k: EngineTestKit, props: Omit<AuthenticatorProps, 'children'>, extra: { config?: Partial<AuthConfig>; passkeys?: PasskeyClient } = {}) {
    return render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_SRP_AUTH', ...extra.config })} options={{ now: k.clock.now, ...(extra.passkeys ? { passkeys: extra.passkeys } : {}) }}>
        <Caught>
          <Authenticator {...props}>
            <p>{APP}</p>
          </Authenticator>
        </Caught>
      </AuthProvider>,
      { reactStrictMode: true },
    );
  }

  async function newUser(prefix: string): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: PHONE, phone_number_verified: 'true' },
    });
    return username;
  }

  it('preferredAuthMethod EMAIL_OTP on a password pool: the form asks for the username only, sends a code at once; "Resend Code" sends a new one that signs in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('eve');
    const { container } = renderApp(k, { passwordless: { preferredAuthMethod: 'EMAIL_OTP' } });
    await findScreen('Sign in to your account');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('button', { name: 'Other sign-in options' })).toBeTruthy();
    await axe.check(container, 'signIn(EMAIL_OTP preferred)');
    k.backend.resetCounts();
    await user.type(screen.getByLabelText('Username'), username);
    await user.click(screen.getByRole('button', { name: 'Sign In with Email' }));

    await findScreen('Confirm Email Code');
    // Choice-based for this sign-in only: the config's flow is SRP.
    expect(operations(k.backend)).toEqual(['InitiateAuth']);
    expect(inputOf(k.backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' } });
    const first = k.backend.lastCode(username, 'SIGN_IN');
    await user.click(screen.getByRole('button', { name: 'Resend Code' }));
    expect(await screen.findByText('A new code is on its way.')).toBeTruthy();
    expect(k.backend.count('InitiateAuth')).toBe(2);
    const second = k.backend.lastCode(username, 'SIGN_IN');
    expect(second).not.toBe(first);
    await axe.check(container, 'confirmSignIn(first factor, resent)');
    await user.type(screen.getByLabelText('Code *'), second);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(APP)).toBeTruthy();
  });

  it('preferredAuthMethod WEB_AUTHN: one click, one platform prompt, signed in; no password anywhere', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('pia');
    const device = new SoftAuthenticator();
    // The passkey is registered beforehand, by another engine with its own storage.
    const owner = k.auth({ config: { authenticationFlowType: 'USER_SRP_AUTH' }, engine: { passkeys: deviceClient(device) }, storage: new RecordingStorage() });
    await owner.signIn({ username, password });
    await owner.associateWebAuthnCredential();
    const passkeys = deviceClient(device);
    renderApp(k, { passwordless: { preferredAuthMethod: 'WEB_AUTHN' } }, { passkeys });
    await findScreen('Sign in to your account');
    expect(screen.queryByLabelText('Password')).toBeNull();
    k.backend.resetCounts();
    await user.type(screen.getByLabelText('Username'), username);
    await user.click(screen.getByRole('button', { name: 'Sign In with Passkey' }));
    expect(await screen.findByText(APP)).toBeTruthy();
    expect(passkeys.prompts).toBe(1);
    expect(inputOf(k.backend, 'InitiateAuth')).toMatchObject({ AuthParameters: { PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
    expect(JSON.stringify(k.backend.requests())).not.toContain(password);
  });

  it('hiddenAuthMethods PASSWORD: no password field, "Next" leads to Cognito\'s choice without the password; the email code signs in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('hal');
    const { container } = renderApp(k, { passwordless: { hiddenAuthMethods: ['PASSWORD'] } });
    await findScreen('Sign in to your account');
    expect(screen.queryByLabelText('Password')).toBeNull();
    // The main button already leads to the choice: no second way to it.
    expect(screen.queryByRole('button', { name: 'Other sign-in options' })).toBeNull();
    await axe.check(container, 'signIn(PASSWORD hidden)');
    k.backend.resetCounts();
    await user.type(screen.getByLabelText('Username'), username);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await findScreen('Choose how to sign in');
    expect(inputOf(k.backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username } });
    const choices = within(container.querySelector('.crk-choices') as HTMLElement).getAllByRole('button');
    expect(choices.map((button) => button.textContent)).toEqual(['Sign In with Email', 'Sign In with SMS']);
    await user.click(screen.getByRole('button', { name: 'Sign In with Email' }));
    await findScreen('Confirm Email Code');
    await user.type(screen.getByLabelText('Code *'), k.backend.lastCode(username, 'SIGN_IN'));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(APP)).toBeTruthy();
  });

  it('when every way Cognito offers this user is hidden, the choice says so and leads back to sign-in', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('nia');
    const { container } = renderApp(k, { passwordless: { hiddenAuthMethods: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } }, { config: { authenticationFlowType: 'USER_AUTH' } });
    await findScreen('Sign in to your account');
    // WEB_AUTHN is the one way left, and the main button offers it.
    await user.type(screen.getByLabelText('Username'), username);
    expect(screen.getByRole('button', { name: 'Sign In with Passkey' })).toBeTruthy();
    // No passkey yet: Cognito offers the user's other ways instead, all hidden here.
    await user.click(screen.getByRole('button', { name: 'Sign In with Passkey' }));
    await findScreen('Choose how to sign in');
    expect(screen.getByText('None of the ways this account can sign in with are offered here.')).toBeTruthy();
    expect(container.querySelectorAll('.crk-choices button')).toHaveLength(0);
    await axe.check(container, 'selectFirstFactor(none left)');
    await user.click(screen.getByRole('button', { name: 'Back to Sign In' }));
    expect((await findScreen('Sign in to your account')).textContent).toBe('Sign in to your account');
  });

  it('an email MFA code after a password has no "Resend Code" (Cognito cannot send it again without the password)', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = uniqueName('mia');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true' }, mfa: { email: true } });
    renderApp(k, { passwordless: { preferredAuthMethod: 'PASSWORD' } });
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await findScreen('Confirm Email Code');
    expect(screen.queryByRole('button', { name: 'Resend Code' })).toBeNull();
  });

  it('a v6 config with passwordless on leads with its preferred challenge; the prop still wins', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser('val');
    const v6 = {
      Auth: {
        Cognito: {
          userPoolId: k.backend.config.userPoolId,
          userPoolClientId: k.backend.config.clientId,
          userPoolEndpoint: k.url,
          passwordless: { emailOtpEnabled: true, preferredChallenge: 'EMAIL_OTP' as const },
        },
      },
    };
    const app = (props: Omit<AuthenticatorProps, 'children'>) => (
      <AuthProvider config={v6} options={{ now: k.clock.now }}>
        <Authenticator {...props}>
          <p>{APP}</p>
        </Authenticator>
      </AuthProvider>
    );
    const { rerender } = render(app({}), { reactStrictMode: true });
    await findScreen('Sign in to your account');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('button', { name: 'Other sign-in options' })).toBeTruthy();
    rerender(app({ passwordless: { preferredAuthMethod: 'PASSWORD' } }));
    expect(screen.getByLabelText('Password')).toBeTruthy();
    rerender(app({}));
    k.backend.resetCounts();
    await user.type(screen.getByLabelText('Username'), username);
    await user.click(screen.getByRole('button', { name: 'Sign In with Email' }));
    await findScreen('Confirm Email Code');
    expect(inputOf(k.backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { PREFERRED_CHALLENGE: 'EMAIL_OTP' } });
    await user.type(screen.getByLabelText('Code *'), k.backend.lastCode(username, 'SIGN_IN'));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(APP)).toBeTruthy();
  });

  it('contradictions are a ConfigError naming the option, before any request', async () => {
    const k = kit();
    // React reports the render error on the console too; the boundary shows it.
    k.backend.resetCounts();
    const all = renderApp(k, { passwordless: { hiddenAuthMethods: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] } });
    expect((await screen.findByRole('alert')).textContent).toBe('ConfigError passwordless.hiddenAuthMethods');
    all.unmount();
    const preferredHidden = renderApp(k, { passwordless: { preferredAuthMethod: 'SMS_OTP', hiddenAuthMethods: ['SMS_OTP'] } });
    expect((await screen.findByRole('alert')).textContent).toBe('ConfigError passwordless.preferredAuthMethod');
    preferredHidden.unmount();
    expect(k.backend.count()).toBe(0);
  });
});
