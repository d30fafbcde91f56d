import type { Meta, StoryObj } from '@storybook/react-vite';
import { SetupEmail } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

const ADDRESS = 'ned@example.com';

const meta = {
  title: 'Authenticator/SetupEmail',
  component: SetupEmail,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONTINUE_SIGN_IN_WITH_EMAIL_SETUP')} screen={<SetupEmail {...args} />} />,
  // The pool requires MFA; Ned chose email codes and now gives the address.
  loaders: load({
    backend: { mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
    seed: async (s) => {
      await s.user('ned', { attributes: {} });
      await s.auth.signIn('ned', PASSWORD);
      await s.auth.confirmSignIn({ challengeResponse: 'EMAIL' });
    },
  }),
} satisfies Meta<typeof SetupEmail>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Setup Email');
    await canvas.findByLabelText('Email');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasOf(canvasElement), 'Email', ADDRESS);
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('RespondToAuthChallenge');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Email', ADDRESS);
    await press(canvas, 'Send code');
    await expectBusy(canvas, 'Sending');
  },
};

export const Empty: Story = {
  name: 'Error: EmptyChallengeResponse (no address)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Send code');
    await expectAlert(canvas, 'Enter your email address.');
    await expectInvalid(canvas, 'Email');
  },
};

export const NotSent: Story = {
  name: 'Error: CodeDeliveryFailureException',
  play: async (context) => {
    scenarioOf(context).failNext('RespondToAuthChallenge', 'CodeDeliveryFailureException', 'Unable to deliver the email message.');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Email', ADDRESS);
    await press(canvas, 'Send code');
    await expectAlert(canvas, 'We could not send the code. Please try again.');
  },
};

export const Success: Story = {
  name: 'Success (then the emailed code signs in)',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Email', ADDRESS);
    await press(canvas, 'Send code');
    await expectScreen(canvas, 'Confirm Email Code');
    await fill(canvas, 'Code *', scenarioOf(context).code('ned', 'MFA'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};
