// @vitest-environment jsdom
/**
 * The Authenticator's passkey offer after a sign-up (`passwordless.passkeyRegistrationPrompts`), end
 * to end: user-event fills the real sign-up form, the code comes from the test backend's
 * `onCodeSent`, and the engine's auto sign-in after the confirmation leads to the offer; a software
 * authenticator sits behind the injected passkey client (which also makes `supportsPasskeys()` true
 * in jsdom), and axe checks the prompt. The sign-up form asks for the auto sign-in, as Amplify UI's does.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAuth, type Auth, type PasskeyClient } from '../../src/core/index';
import { AuthProvider } from '../../src/react/AuthProvider';
import { Authenticator, type AuthenticatorProps } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import type { DeliveredCode } from '../backend/types';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator } from '../support/softAuthenticator';
import { axeViolations, findScreen } from './support';

const ORIGIN = 'http://localhost:5173';
const PROMPT = 'Sign in faster with Passkey';
const APP = 'The app';
const ON: AuthenticatorProps['passwordless'] = { passkeyRegistrationPrompts: true };

/** The platform prompt over a software authenticator. */
function deviceClient(device = new SoftAuthenticator()): PasskeyClient {
  return {
    get: async (options) => device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>,
    create: async (options) => device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>,
  };
}

describe('<Authenticator> passkey prompt after sign-up (PasskeyPrompt)', () => {
  const sent: DeliveredCode[] = [];
  const kit = useEngineBackend({ webAuthn: { origins: [ORIGIN] }, onCodeSent: (delivered) => sent.push(delivered) });
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  /** The engine the app hands to <AuthProvider>, with the software authenticator as its passkey client. */
  function engine(k: EngineTestKit): Auth {
    return createAuth(k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' }), { now: k.clock.now, passkeys: deviceClient() });
  }

  function renderApp(auth: Auth, props: Omit<AuthenticatorProps, 'children'>): ReturnType<typeof render> {
    const app: ReactNode = <p>{APP}</p>;
    return render(
      <AuthProvider auth={auth}>
        <Authenticator signUpAttributes={['email']} {...props}>{app}</Authenticator>
      </AuthProvider>,
      { reactStrictMode: true },
    );
  }

  /** Fills and sends the sign-up form, then types the code the backend sent on the confirmation screen. */
  async function signUpAndConfirm(user: UserEvent): Promise<string> {
    const username = uniqueName('pas');
    await findScreen('Sign in to your account');
    await user.click(screen.getByRole('tab', { name: 'Create Account' }));
    await findScreen('Create your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.type(screen.getByLabelText('Confirm Password'), password);
    await user.type(screen.getByLabelText('Email'), `${username}@example.com`);
    await user.click(screen.getByRole('button', { name: 'Create Account' }));

    await findScreen('We Emailed You');
    const delivered = sent.filter((code) => code.username === username && code.kind === 'SIGN_UP');
    expect(delivered.map((code) => [code.destination, code.medium])).toEqual([[`${username}@example.com`, 'EMAIL']]);
    await user.type(screen.getByLabelText('Confirmation Code'), delivered[0]?.code ?? '');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    return username;
  }

  describe('after the sign-up form, its confirmation and the automatic sign-in', () => {
    it('the confirmed user is signed in without typing the password again and offered a passkey; "Create a Passkey" registers one at Cognito, then Continue shows the app', async () => {
      const k = kit();
      const user = userEvent.setup();
      const { container } = renderApp(engine(k), { passwordless: ON });
      k.backend.resetCounts();
      const username = await signUpAndConfirm(user);

      const heading = await findScreen(PROMPT);
      // The offer follows an async lookup (outside any act), so its focus effect may land a tick after the heading.
      await waitFor(() => expect(document.activeElement).toBe(heading));
      // One sign-in, by the kept password, right after the confirmation.
      expect(k.backend.count('InitiateAuth')).toBe(1);
      expect(k.backend.getUser(username)?.status).toBe('CONFIRMED');
      expect(screen.queryByText(APP)).toBeNull();
      expect(screen.getByRole('button', { name: 'Continue without a Passkey' })).toBeTruthy();
      expect(await axeViolations(container)).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Create a Passkey' }));

      await findScreen('Passkey created successfully!');
      expect(k.backend.getUser(username)?.passkeys).toHaveLength(1);
      expect(await axeViolations(container)).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      expect(await screen.findByText(APP)).toBeTruthy();
      expect(k.backend.getUser(username)?.passkeys).toHaveLength(1);
    });

    it('"Continue without a Passkey" shows the app and registers nothing', async () => {
      const k = kit();
      const user = userEvent.setup();
      const { container } = renderApp(engine(k), { passwordless: { passkeyRegistrationPrompts: { afterSignup: 'ALWAYS' } } });
      const username = await signUpAndConfirm(user);

      await findScreen(PROMPT);
      expect(await axeViolations(container)).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Continue without a Passkey' }));
      expect(await screen.findByText(APP)).toBeTruthy();
      expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
      expect(k.backend.getUser(username)?.passkeys ?? []).toHaveLength(0);
    });

    it("is not offered after a sign-up with { afterSignin: 'ALWAYS', afterSignup: 'NEVER' }", async () => {
      const k = kit();
      const user = userEvent.setup();
      renderApp(engine(k), { passwordless: { passkeyRegistrationPrompts: { afterSignin: 'ALWAYS', afterSignup: 'NEVER' } } });
      const username = await signUpAndConfirm(user);

      expect(await screen.findByText(APP)).toBeTruthy();
      expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
      expect(k.backend.getUser(username)?.passkeys ?? []).toHaveLength(0);
    });
  });
});
