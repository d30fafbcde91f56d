// @vitest-environment jsdom
/**
 * The Authenticator's passkey offer after a sign-up (`passwordless.passkeyRegistrationPrompts`), end
 * to end: user-event fills the real sign-up form, the code comes from the test backend's
 * `onCodeSent`, and the engine's auto sign-in after the confirmation leads to the offer; a software
 * authenticator sits behind the injected passkey client (which also makes `supportsPasskeys()` true
 * in jsdom), and axe checks the prompt.
 *
 * The Authenticator's own sign-up form does not ask for `autoSignIn` (SignUp.tsx calls
 * `signUp({ username, password, attributes })`), so a confirmed account lands on "Sign in to your
 * account" and `afterSignUp` never applies: the first block records that gap as an expected failure.
 * The other blocks stand in for the missing request with an engine whose `signUp` asks for it, as an
 * app passing its own `auth` could, so the prompt's sign-up path itself is exercised.
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
const PROMPT = 'Sign in faster with a passkey';
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

  /** The engine the app hands to <AuthProvider>; with `autoSignIn`, its `signUp` asks for the sign-in after confirmation. */
  function engine(k: EngineTestKit, { autoSignIn }: { autoSignIn: boolean }): Auth {
    const auth = createAuth(k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' }), { now: k.clock.now, passkeys: deviceClient() });
    if (autoSignIn) {
      const signUp = auth.signUp.bind(auth) as (params: Parameters<Auth['signUp']>[0] & object) => ReturnType<Auth['signUp']>;
      Object.assign(auth, { signUp: (params: Parameters<typeof signUp>[0]) => signUp({ ...params, autoSignIn: { enabled: true } }) });
    }
    return auth;
  }

  function renderApp(auth: Auth, props: Omit<AuthenticatorProps, 'children'>): ReturnType<typeof render> {
    const app: ReactNode = <p>{APP}</p>;
    return render(
      <AuthProvider auth={auth}>
        <Authenticator {...props}>{app}</Authenticator>
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

    await findScreen('Confirm your account');
    const delivered = sent.filter((code) => code.username === username && code.kind === 'SIGN_UP');
    expect(delivered.map((code) => [code.destination, code.medium])).toEqual([[`${username}@example.com`, 'EMAIL']]);
    await user.type(screen.getByLabelText('Code'), delivered[0]?.code ?? '');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    return username;
  }

  describe('the Authenticator as shipped (its sign-up form asks for no auto sign-in)', () => {
    it.fails('signs the confirmed user in and offers a passkey (fails today: the form confirms, then shows sign-in)', async () => {
      const k = kit();
      const user = userEvent.setup();
      renderApp(engine(k, { autoSignIn: false }), { passwordless: ON });
      await signUpAndConfirm(user);
      await waitFor(() => expect(screen.queryByRole('heading', { name: 'Confirm your account' })).toBeNull());
      // Today: "Sign in to your account", the account confirmed but nobody signed in.
      expect(screen.queryByRole('heading', { name: 'Sign in to your account' })).toBeNull();
      await findScreen(PROMPT);
    });
  });

  describe('with the auto sign-in after confirmation', () => {
    it('offers a passkey; "Create a passkey" registers one at Cognito, then Continue shows the app', async () => {
      const k = kit();
      const user = userEvent.setup();
      const { container } = renderApp(engine(k, { autoSignIn: true }), { passwordless: ON });
      const username = await signUpAndConfirm(user);

      const heading = await findScreen(PROMPT);
      expect(document.activeElement).toBe(heading);
      expect(k.backend.getUser(username)?.status).toBe('CONFIRMED');
      expect(screen.queryByText(APP)).toBeNull();
      expect(screen.getByRole('button', { name: 'Continue without' })).toBeTruthy();
      expect(await axeViolations(container)).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Create a passkey' }));

      await findScreen('Passkey created');
      expect(k.backend.getUser(username)?.passkeys).toHaveLength(1);
      expect(await axeViolations(container)).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      expect(await screen.findByText(APP)).toBeTruthy();
      expect(k.backend.getUser(username)?.passkeys).toHaveLength(1);
    });

    it('"Continue without" shows the app and registers nothing', async () => {
      const k = kit();
      const user = userEvent.setup();
      const { container } = renderApp(engine(k, { autoSignIn: true }), { passwordless: { passkeyRegistrationPrompts: { afterSignUp: true } } });
      const username = await signUpAndConfirm(user);

      await findScreen(PROMPT);
      expect(await axeViolations(container)).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Continue without' }));
      expect(await screen.findByText(APP)).toBeTruthy();
      expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
      expect(k.backend.getUser(username)?.passkeys ?? []).toHaveLength(0);
    });

    it('is not offered after a sign-up with { afterSignIn: true, afterSignUp: false }', async () => {
      const k = kit();
      const user = userEvent.setup();
      renderApp(engine(k, { autoSignIn: true }), { passwordless: { passkeyRegistrationPrompts: { afterSignIn: true, afterSignUp: false } } });
      const username = await signUpAndConfirm(user);

      expect(await screen.findByText(APP)).toBeTruthy();
      expect(screen.queryByRole('heading', { name: PROMPT })).toBeNull();
      expect(k.backend.getUser(username)?.passkeys ?? []).toHaveLength(0);
    });
  });
});
