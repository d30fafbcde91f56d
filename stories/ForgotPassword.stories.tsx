import type { Meta, StoryObj } from '@storybook/react-vite';
import { ForgotPassword } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, onStep, scenarioOf, signedOutIdle, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/ForgotPassword',
  component: ForgotPassword,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={signedOutIdle} screen={<ForgotPassword {...args} />} />,
  loaders: load({ seed: async (s) => void (await s.user('fay')) }),
} satisfies Meta<typeof ForgotPassword>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Reset Password');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasOf(canvasElement), 'Enter your username', 'fay');
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    scenarioOf(context).hold('ForgotPassword');
    await fill(canvas, 'Enter your username', 'fay');
    await press(canvas, 'Send code');
    await expectBusy(canvas, 'Sending');
  },
};

export const UnknownUser: Story = {
  name: 'Error: UserNotFoundException',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Enter your username', 'nobody');
    await press(canvas, 'Send code');
    await expectAlert(canvas, 'There is no account with this username.');
    await expectInvalid(canvas, 'Enter your username');
  },
};

export const UnknownEmail: Story = {
  name: 'Error: UserNotFoundException (email sign-in)',
  args: { loginMechanism: 'email' },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Enter your email', 'nobody@example.com');
    await press(canvas, 'Send code');
    await expectAlert(canvas, 'There is no account with this email address.');
    await expectInvalid(canvas, 'Enter your email');
  },
};

export const TooManyRequests: Story = {
  name: 'Error: LimitExceededException',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    scenarioOf(context).failNext('ForgotPassword', 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    await fill(canvas, 'Enter your username', 'fay');
    await press(canvas, 'Send code');
    await expectAlert(canvas, 'Too many attempts. Please wait a while and try again.');
  },
};

export const Success: Story = {
  name: 'Success (the code screen follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Enter your username', 'fay');
    await press(canvas, 'Send code');
    await canvas.findByRole('button', { name: 'Submit' }, { timeout: 5000 });
    await canvas.findByText(/enter the code we emailed to f\*+@e\*+/);
  },
};

export const ResetRequired: Story = {
  name: 'Reset required at sign-in (the code is being sent)',
  // Cognito refused rae's sign-in until her password is reset: the screen sends the code itself.
  render: (args) => <Stage during={onStep('RESET_PASSWORD')} screen={<ForgotPassword {...args} />} />,
  loaders: load({
    seed: async (s) => {
      await s.user('rae', { status: 'RESET_REQUIRED' });
      await s.auth.signIn('rae', PASSWORD);
      s.hold('ForgotPassword');
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByText('Your account needs a new password before you can sign in. Sending you a code to reset it…');
    await expectBusy(canvas, 'Sending');
  },
};
