// @vitest-environment jsdom
/**
 * The Authenticator's passkey offer after sign-in (`passwordless.passkeyRegistrationPrompts`), end
 * to end: user-event drives the real <Authenticator> and engine against the test backend, with a
 * software authenticator behind the injected passkey client, and axe checks each state.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type PasskeyClient } from '../../src/core/index';
import { AuthProvider } from '../../src/react/AuthProvider';
import { Authenticator, type AuthenticatorProps } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator, type PublicKeyCredentialCreationOptionsJSON } from '../support/softAuthenticator';
import { axeViolations, expectAlert, findScreen } from './support';

const ORIGIN = 'http://localhost:5173';
const PROMPT = 'Sign in faster with Passkey';
const ON: AuthenticatorProps['passwordless'] = { passkeyRegistrationPrompts: true };

/** The platform prompt over a software authenticator; the first `cancels` creations are closed by the user. */
function deviceClient(device = new SoftAuthenticator(), cancels = 0): PasskeyClient {
  let left = cancels;
  return {
    get: async (options) => device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>,
    create: async (options) => {
      if (left-- > 0) throw new AuthError({ name: 'PasskeyCanceled', message: 'cancelled', source: 'associateWebAuthnCredential' });
      return device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>;
    },
  };
}

describe('<Authenticator> passkey prompt after sign-in (PasskeyPrompt)', () => {
  const kit = useEngineBackend({ webAuthn: { origins: [ORIGIN] } });
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  function renderApp(k: EngineTestKit, props: Omit<AuthenticatorProps, 'children'>, passkeys: PasskeyClient | null = deviceClient()): ReturnType<typeof render> {
    const app: ReactNode = <p>The app</p>;
    return render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })} options={{ now: k.clock.now, ...(passkeys ? { passkeys } : {}) }}>
        <Authenticator {...props}>{app}</Authenticator>
      </AuthProvider>,
      { reactStrictMode: true },
    );
  }

  async function newUser(k: EngineTestKit, attributes: Record<string, string> = {}): Promise<string> {
    const username = uniqueName('pam');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, ...attributes } });
    return username;
  }

  async function signIn(user: UserEvent, username: string): Promise<void> {
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
  }

  /** Registers a passkey the way a signed-in app does (Start/CompleteWebAuthnRegistration). */
  async function addPasskey(k: EngineTestKit, username: string): Promise<void> {
    const { clientId } = k.backend.config;
    const signedIn = await k.backend.call('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } });
    const AccessToken = (signedIn['AuthenticationResult'] as { AccessToken: string }).AccessToken;
    const start = await k.backend.call('StartWebAuthnRegistration', { AccessToken });
    const credential = new SoftAuthenticator().create(start['CredentialCreationOptions'] as PublicKeyCredentialCreationOptionsJSON, ORIGIN);
    await k.backend.call('CompleteWebAuthnRegistration', { AccessToken, Credential: credential });
  }

  it('after a form sign-in, "Create a Passkey" registers one at Cognito, then Continue shows the app', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k);
    const { container } = renderApp(k, { passwordless: ON });
    await signIn(user, username);

    const heading = await findScreen(PROMPT);
    // The offer follows an async lookup (outside any act), so its focus effect may land a tick after the heading.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByText('The app')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Create a Passkey' }));

    await findScreen('Passkey created successfully!');
    expect(k.backend.getUser(username)?.passkeys).toHaveLength(1);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('The app')).toBeTruthy();
  });

  it('a cancelled platform prompt shows its message; the user can retry, or continue without', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k);
    const { container } = renderApp(k, { passwordless: { passkeyRegistrationPrompts: { afterSignin: 'ALWAYS' } } }, deviceClient(new SoftAuthenticator(), 2));
    await signIn(user, username);

    await findScreen(PROMPT);
    await user.click(screen.getByRole('button', { name: 'Create a Passkey' }));
    await expectAlert(en['error.PasskeyCanceled']);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Create a Passkey' }));
    await expectAlert(en['error.PasskeyCanceled']);
    expect(screen.getByRole('heading', { name: PROMPT })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Continue without a Passkey' }));
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(k.backend.getUser(username)?.passkeys ?? []).toHaveLength(0);
  });

  it('is off by default: a sign-in goes straight to the app', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k);
    renderApp(k, {});
    await signIn(user, username);
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
  });

  it('only after sign-up when so configured: a plain sign-in goes straight to the app', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k);
    renderApp(k, { passwordless: { passkeyRegistrationPrompts: { afterSignup: 'ALWAYS' } } });
    await signIn(user, username);
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
  });

  it('is not offered to a user who already has a passkey', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k);
    await addPasskey(k, username);
    renderApp(k, { passwordless: ON });
    await signIn(user, username);
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
  });

  it('is not offered where passkeys are not supported (no WebAuthn, no injected client)', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k);
    renderApp(k, { passwordless: ON }, null);
    await signIn(user, username);
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
  });

  it('is not offered on a session restored when the page opens', async () => {
    const k = kit();
    const username = await newUser(k);
    await k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } }).signIn(username, password);
    renderApp(k, { passwordless: ON });
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
  });

  it('follows the contact verification when both apply', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = await newUser(k, { email_verified: 'false' });
    renderApp(k, { passwordless: ON });
    await signIn(user, username);
    await findScreen('Account recovery requires verified contact information');
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await findScreen(PROMPT);
    await user.click(screen.getByRole('button', { name: 'Continue without a Passkey' }));
    expect(await screen.findByText('The app')).toBeTruthy();
  });
});
