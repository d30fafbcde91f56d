import type { Meta, StoryObj } from '@storybook/react-vite';
import { SelectFirstFactor } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectScreen, expectSignedIn, fill, press } from './support/play';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SelectFirstFactor',
  component: SelectFirstFactor,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION')} screen={<SelectFirstFactor {...args} />} />,
  // The pool signs in by choice (USER_AUTH); Eve gave only her username, so Cognito asks how.
  loaders: load({
    backend: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] },
    config: { authenticationFlowType: 'USER_AUTH' },
    seed: async (s) => {
      await s.user('eve');
      await s.auth.signIn({ username: 'eve' });
    },
  }),
} satisfies Meta<typeof SelectFirstFactor>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Choose how to sign in');
    await canvas.findByText('Signing in as eve');
    await canvas.findByRole('button', { name: 'Sign In with SMS' });
  },
};

export const Submitting: Story = {
  name: 'Submitting (sending the email code)',
  play: async (context) => {
    scenarioOf(context).hold('RespondToAuthChallenge');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Sign In with Email');
    await expectBusy(canvas, 'Sending code…');
  },
};

export const CodeNotSent: Story = {
  name: 'Error: CodeDeliveryFailureException',
  play: async (context) => {
    scenarioOf(context).failNext('RespondToAuthChallenge', 'CodeDeliveryFailureException', 'Unable to deliver the email message.');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Sign In with Email');
    await expectAlert(canvas, 'We could not send the code. Please try again.');
  },
};

export const EmailCode: Story = {
  name: 'Success: email code (then signed in)',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Sign In with Email');
    await expectScreen(canvas, 'Confirm Email Code');
    await fill(canvas, 'Code *', scenarioOf(context).code('eve', 'SIGN_IN'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

export const Password: Story = {
  name: 'Success: password (the password screen follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Sign In with Password');
    await expectScreen(canvas, 'Enter your password');
  },
};

export const BackToSignIn: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Back to Sign In');
    await expectScreen(canvas, 'Sign in to your account');
  },
};
