import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf, signedOutIdle, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SignIn',
  component: SignIn,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={signedOutIdle} screen={<SignIn {...args} />} />,
  loaders: load({ seed: async (s) => void (await s.user('alice')) }),
} satisfies Meta<typeof SignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in to your account');
  },
};

export const WithForgotPasswordLink: Story = {
  args: { onForgotPassword: () => undefined },
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('button', { name: 'Forgot your password?' });
  },
};

export const AfterPasswordReset: Story = {
  name: 'Idle, after a password reset (says it worked until submitted)',
  args: { passwordReset: true },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in to your account');
    await canvas.findByText('Your password has been reset. Sign in with your new password.');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    scenarioOf(context).hold('InitiateAuth');
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectBusy(canvas, 'Signing in');
  },
};

export const WrongPassword: Story = {
  name: 'Error: NotAuthorizedException',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', 'Not-the-passw0rd!');
    await press(canvas, 'Sign in');
    await expectAlert(canvas, 'Incorrect username or password.');
    await expectInvalid(canvas, 'Password');
  },
};

export const UnknownUser: Story = {
  name: 'Error: UserNotFoundException',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'nobody');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectAlert(canvas, 'Incorrect username or password.');
    await expectInvalid(canvas, 'Username');
  },
};

export const PasswordResetRequired: Story = {
  name: 'Error: PasswordResetRequiredException (the code is sent, the reset screen follows)',
  loaders: load({ seed: async (s) => void (await s.user('rae', { status: 'RESET_REQUIRED' })) }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'rae');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await canvas.findByText('Your account needs a new password before you can sign in.', {}, { timeout: 5000 });
    await canvas.findByText(/enter the code we emailed to r\*+@e\*+/);
    await canvas.findByLabelText('Code *');
  },
};

export const EmptyEmail: Story = {
  name: 'Error: EmptyUsername (email sign-in: asks for the email)',
  args: { loginMechanism: 'email' },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Sign in');
    await expectAlert(canvas, 'Enter your email address.');
    await expectInvalid(canvas, 'Email');
  },
};

export const InvalidEmail: Story = {
  name: 'Error: InvalidEmail (checked before sending)',
  args: { loginMechanism: 'email' },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Email', 'alice@example');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectAlert(canvas, 'Enter a valid email address, such as name@example.com.');
    await expectInvalid(canvas, 'Email');
  },
};

export const TooManyAttempts: Story = {
  name: 'Error: LimitExceededException',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    scenarioOf(context).failNext('InitiateAuth', 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectAlert(canvas, 'Too many attempts. Please wait a while and try again.');
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectSignedIn(canvas);
  },
};

export const Unconfirmed: Story = {
  name: 'Next step: UserNotConfirmedException → confirm the account',
  loaders: load({ seed: async (s) => void (await s.user('una', { status: 'UNCONFIRMED' })) }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'una');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectScreen(canvas, 'We Sent A Code'); // sign-in names no destination
  },
};

export const ResetRequired: Story = {
  name: 'Next step: PasswordResetRequiredException → reset the password',
  loaders: load({ seed: async (s) => void (await s.user('rey', { status: 'RESET_REQUIRED' })) }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'rey');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectScreen(canvas, 'Reset Password');
  },
};

export const SrpSuccess: Story = {
  name: 'Success (SRP: the password never leaves the page)',
  loaders: load({ config: { authenticationFlowType: 'USER_SRP_AUTH' }, seed: async (s) => void (await s.user('alice')) }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectSignedIn(canvas);
    await context.step('the pool saw an SRP proof, not the password', async () => {
      const flows = scenarioOf(context).backend.requests().map((r) => r.operation);
      if (!flows.includes('RespondToAuthChallenge')) throw new Error(`expected a PASSWORD_VERIFIER answer, saw ${flows.join(', ')}`);
    });
  },
};

/** Choice-based sign-in (USER_AUTH): the password is optional, and "Other sign-in options" sends the username alone. */
const CHOICE_BASED = load({
  backend: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] },
  config: { authenticationFlowType: 'USER_AUTH' },
  seed: async (s) => void (await s.user('alice')),
});

export const ChoiceBasedAnotherWay: Story = {
  name: 'USER_AUTH: Success: another way (the ways to sign in follow)',
  loaders: CHOICE_BASED,
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await press(canvas, 'Other sign-in options');
    await expectScreen(canvas, 'Choose how to sign in');
  },
};

export const ChoiceBasedPassword: Story = {
  name: 'USER_AUTH: Success: with the password (signed in at once)',
  loaders: CHOICE_BASED,
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectSignedIn(canvas);
  },
};

/** `passwordless` (Amplify UI's prop) on a password pool: the preferred way leads, per sign-in. */
const PASSWORDLESS_POOL = load({
  backend: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] },
  seed: async (s) => void (await s.user('alice')),
});

export const PreferredEmailCode: Story = {
  name: 'passwordless: preferred EMAIL_OTP (username only, the code is sent at once)',
  args: { passwordless: { preferredAuthMethod: 'EMAIL_OTP' } },
  loaders: PASSWORDLESS_POOL,
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await press(canvas, 'Sign In with Email');
    await expectScreen(canvas, 'Confirm Email Code');
  },
};

export const PasswordHidden: Story = {
  name: 'passwordless: PASSWORD hidden (Next leads to the other ways)',
  args: { passwordless: { hiddenAuthMethods: ['PASSWORD'] } },
  loaders: PASSWORDLESS_POOL,
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'alice');
    await press(canvas, 'Next');
    await expectScreen(canvas, 'Choose how to sign in');
  },
};
