import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConfirmSignInWithPassword } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/ConfirmSignInWithPassword',
  component: ConfirmSignInWithPassword,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONFIRM_SIGN_IN_WITH_PASSWORD')} screen={<ConfirmSignInWithPassword {...args} />} />,
  // Pam gave her username alone (USER_AUTH) and chose her password among the ways to sign in.
  loaders: load({
    backend: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] },
    config: { authenticationFlowType: 'USER_AUTH' },
    seed: async (s) => {
      await s.user('pam');
      await s.auth.signIn({ username: 'pam' });
      await s.auth.confirmSignIn({ challengeResponse: 'PASSWORD' });
    },
  }),
} satisfies Meta<typeof ConfirmSignInWithPassword>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Enter your password');
    await canvas.findByText('Signing in as pam');
  },
};

export const Filled: Story = {
  name: 'Filled (password shown)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Show password');
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('RespondToAuthChallenge');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectBusy(canvas, 'Signing in');
  },
};

export const Empty: Story = {
  name: 'Error: EmptyPassword',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Sign in');
    await expectAlert(canvas, 'Enter your password.');
    await expectInvalid(canvas, 'Password');
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectSignedIn(canvas);
  },
};
