import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator } from 'cognito-react-kit';
import { AuthError, type PasskeyAssertion, type PasskeyClient } from 'cognito-react-kit/core';
import { expect } from 'storybook/test';
import { canvasOf, expectBusy, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD, type Scenario } from './support/scenario';
import { load, scenarioOf, withAuthProvider } from './support/story';

/**
 * Sign-in with a passkey under USER_AUTH, through the whole <Authenticator>: Pia gives her username,
 * chooses "Sign In with Passkey", the engine asks the platform's prompt (a stub here, handing back a
 * placeholder assertion) and the pool accepts it. A real passkey needs an authenticator:
 * test/ui/screens.userAuth.test.tsx signs in with one the test backend verifies.
 */

/** Pia's passkey, as the pool lists it and the prompt answers with it (base64url of "story-passkey"). */
const CREDENTIAL_ID = 'c3RvcnktcGFzc2tleQ';
const ORIGIN = 'http://localhost:6006';

/** CREDENTIAL_REQUEST_OPTIONS as Cognito sends them for a user with one passkey. */
const REQUEST_OPTIONS = {
  challenge: 'c3RvcnktY2hhbGxlbmdl',
  rpId: 'localhost',
  allowCredentials: [{ type: 'public-key', id: CREDENTIAL_ID }],
  userVerification: 'required',
  timeout: 180_000,
};

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The placeholder assertion (no real signature): what a platform prompt hands back for Pia's passkey. */
const ASSERTION: PasskeyAssertion = {
  id: CREDENTIAL_ID,
  rawId: CREDENTIAL_ID,
  type: 'public-key',
  response: {
    clientDataJSON: base64url(JSON.stringify({ type: 'webauthn.get', challenge: REQUEST_OPTIONS.challenge, origin: ORIGIN })),
    authenticatorData: 'SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ',
    signature: 'MEUCIQDzdG9yeS1zaWduYXR1cmUtcGxhY2Vob2xkZXI',
  },
  authenticatorAttachment: 'platform',
  clientExtensionResults: {},
};

/**
 * The platform's passkey prompt, played by the story: it answers with `ASSERTION`, and the pool's
 * acceptance of it is played too (Pia's real tokens, taken from the pool at seed time).
 */
function passkeySignIn() {
  let scenario: Scenario | undefined;
  let tokens: Record<string, unknown> = {};
  const platformPrompt: PasskeyClient = {
    get: async (options) => {
      // Only the challenge Cognito sent, for Pia's passkey, gets an answer.
      if (options.challenge !== REQUEST_OPTIONS.challenge || options.allowCredentials?.[0]?.id !== CREDENTIAL_ID) {
        throw new AuthError({ name: 'PasskeyNotSupported', message: 'Not the options the pool sent.', source: 'signIn' });
      }
      scenario?.answerNext('RespondToAuthChallenge', { AuthenticationResult: tokens, ChallengeParameters: {} });
      return ASSERTION;
    },
    create: () => Promise.reject(new AuthError({ name: 'PasskeyNotSupported', message: 'Not in this story.', source: 'associateWebAuthnCredential' })),
  };
  return load({
    backend: { allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'], webAuthn: { origins: [ORIGIN] } },
    config: { authenticationFlowType: 'USER_AUTH' },
    passkeys: platformPrompt,
    seed: async (s) => {
      scenario = s;
      await s.user('pia');
      const { clientId } = s.backend.config;
      const signedIn = await s.backend.call('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'pia', PASSWORD } });
      tokens = signedIn['AuthenticationResult'] as Record<string, unknown>;
      // Pia registered her passkey on another device: the pool offers it, and its challenge follows the choice.
      s.answerNext('InitiateAuth', {
        ChallengeName: 'SELECT_CHALLENGE',
        Session: 'story-session-select',
        AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'],
        ChallengeParameters: { USERNAME: 'pia' },
      });
      s.answerNext('RespondToAuthChallenge', {
        ChallengeName: 'WEB_AUTHN',
        Session: 'story-session-webauthn',
        ChallengeParameters: { USERNAME: 'pia', CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(REQUEST_OPTIONS) },
      });
    },
  });
}

const meta = {
  title: 'Authenticator/Passkey sign-in',
  component: Authenticator,
  decorators: [withAuthProvider],
  loaders: passkeySignIn(),
} satisfies Meta<typeof Authenticator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  name: 'Idle: the passkey among the ways to sign in',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'pia');
    await press(canvas, 'Other sign-in options');
    await expectScreen(canvas, 'Choose how to sign in');
    await expect(await canvas.findByRole('button', { name: 'Sign In with Passkey' })).toHaveAttribute('data-factor', 'WEB_AUTHN');
    await canvas.findByRole('button', { name: 'Sign In with Password' });
  },
};

export const Submitting: Story = {
  name: 'Submitting (the platform prompt is open)',
  play: async (context) => {
    // The pool's answer to the assertion waits, as while the user touches the sensor.
    scenarioOf(context).hold('RespondToAuthChallenge');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Username', 'pia');
    await press(canvas, 'Other sign-in options');
    await press(canvas, 'Sign In with Passkey');
    await expectBusy(canvas, 'Waiting for your passkey…');
  },
};

export const SignedInWithPasskey: Story = {
  name: 'Success: Sign in with a passkey (then signed in)',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    await context.step('give the username, choose the passkey', async () => {
      await fill(canvas, 'Username', 'pia');
      await press(canvas, 'Other sign-in options');
      await expectScreen(canvas, 'Choose how to sign in');
      await press(canvas, 'Sign In with Passkey');
    });
    await context.step('signed in with the assertion the prompt gave', async () => {
      await expectSignedIn(canvas);
      await canvas.findByText('Signed in as pia@example.com');
      const answers = s.backend.requests().filter((request) => request.operation === 'RespondToAuthChallenge');
      const sent = answers.map((request) => (request.input as { ChallengeResponses?: Record<string, string> }).ChallengeResponses ?? {});
      await expect(sent.map((responses) => responses['ANSWER'] ?? JSON.parse(responses['CREDENTIAL'] ?? '{}').id)).toEqual(['WEB_AUTHN', CREDENTIAL_ID]);
    });
  },
};
