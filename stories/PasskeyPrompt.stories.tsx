import type { Meta, StoryObj } from '@storybook/react-vite';
import { PasskeyPrompt } from 'cognito-react-kit';
import { AuthError, type PasskeyClient } from 'cognito-react-kit/core';
import { useState } from 'react';
import { canvasOf, expectAlert, expectBusy, expectScreen, press } from './support/play';
import { PASSWORD, type Scenario } from './support/scenario';
import { Frame, load, scenarioOf, withAuthProvider } from './support/story';

/**
 * The platform's passkey prompt, played by the story: the user closes it, or it hands back a
 * placeholder passkey (a real one needs an authenticator; test/ui/passkeyPrompt.test.tsx registers one).
 */
function platformPrompt(outcome: 'created' | 'closed'): PasskeyClient {
  return {
    get: () => Promise.reject(new AuthError({ name: 'PasskeyNotSupported', message: 'Not in this story.', source: 'signIn' })),
    create: async () => {
      if (outcome === 'closed') throw new AuthError({ name: 'PasskeyCanceled', message: 'The user closed the prompt.', source: 'associateWebAuthnCredential' });
      return { id: 'c3Rvcnk', rawId: 'c3Rvcnk', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA' }, clientExtensionResults: {} };
    },
  };
}

/** Pia just signed in and has no passkey yet. */
async function signedIn(s: Scenario): Promise<void> {
  await s.user('pia');
  await s.auth.signIn('pia', PASSWORD);
}

const setup = (outcome: 'created' | 'closed') => load({ backend: { webAuthn: { origins: ['http://localhost:6006'] } }, passkeys: platformPrompt(outcome), seed: signedIn });

/** The prompt as the Authenticator shows it after sign-in; "Continue" / "Continue without a Passkey" lead on to the app. */
function PromptFlow() {
  const [done, setDone] = useState(false);
  return (
    <Frame>
      {done ? (
        <p className="crk-text" role="status">
          On to the app.
        </p>
      ) : (
        <PasskeyPrompt onContinue={() => setDone(true)} />
      )}
    </Frame>
  );
}

const meta = {
  title: 'Authenticator/PasskeyPrompt',
  decorators: [withAuthProvider],
  render: () => <PromptFlow />,
  loaders: setup('created'),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in faster with Passkey');
    await canvas.findByRole('button', { name: 'Continue without a Passkey' });
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('StartWebAuthnRegistration');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Create a Passkey');
    await expectBusy(canvas, 'Registering');
  },
};

export const Canceled: Story = {
  name: 'Error: PasskeyCanceled',
  loaders: setup('closed'),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Create a Passkey');
    await expectAlert(canvas, 'The passkey prompt was closed before it finished. Try again.');
  },
};

export const Success: Story = {
  name: 'Success (Passkey created)',
  play: async (context) => {
    // The placeholder passkey has no real attestation: the pool's answer is played too.
    scenarioOf(context).answerNext('CompleteWebAuthnRegistration', {});
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Create a Passkey');
    await expectScreen(canvas, 'Passkey created successfully!');
    await press(canvas, 'Continue');
    await canvas.findByText('On to the app.');
  },
};

export const Skipped: Story = {
  name: 'Continue without a Passkey',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Continue without a Passkey');
    await canvas.findByText('On to the app.');
  },
};
