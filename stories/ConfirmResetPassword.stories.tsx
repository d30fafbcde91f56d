import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConfirmResetPassword } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, fill, press } from './support/play';
import { NEW_PASSWORD, type Scenario, type ScenarioSetup } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

/** Fay asked for a reset: Cognito emailed her a code. */
async function codeSent(s: Scenario): Promise<void> {
  await s.user('fay');
  await s.auth.forgotPassword('fay');
}

const meta = {
  title: 'Authenticator/ConfirmResetPassword',
  component: ConfirmResetPassword,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONFIRM_RESET_PASSWORD_WITH_CODE')} screen={<ConfirmResetPassword {...args} />} />,
  loaders: load({ seed: codeSent }),
} satisfies Meta<typeof ConfirmResetPassword>;
export default meta;
type Story = StoryObj<typeof meta>;

async function submit(canvasElement: HTMLElement, code: string, password = NEW_PASSWORD): Promise<void> {
  const canvas = canvasOf(canvasElement);
  await fill(canvas, 'Code *', code);
  await fill(canvas, 'New Password', password);
  await fill(canvas, 'Confirm Password', password);
  await press(canvas, 'Submit');
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Reset Password');
    await canvas.findByText(/enter the code we emailed to/);
  },
};

export const ResetRequired: Story = {
  name: 'Idle, reset required at sign-in (says why)',
  args: { reason: 'resetRequired' },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Reset Password');
    await canvas.findByText('Your account needs a new password before you can sign in.');
    await canvas.findByText(/enter the code we emailed to/);
  },
};

export const Filled: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', scenarioOf(context).code('fay', 'FORGOT_PASSWORD'));
    await fill(canvas, 'New Password', NEW_PASSWORD);
    await fill(canvas, 'Confirm Password', NEW_PASSWORD);
    await canvas.findByText('Your password meets all the requirements.');
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const s = scenarioOf(context);
    s.hold('ConfirmForgotPassword');
    await submit(context.canvasElement, s.code('fay', 'FORGOT_PASSWORD'));
    await expectBusy(canvasOf(context.canvasElement), 'Submitting');
  },
};

export const WrongCode: Story = {
  name: 'Error: CodeMismatchException',
  play: async (context) => {
    await submit(context.canvasElement, scenarioOf(context).wrongCode('fay', 'FORGOT_PASSWORD'));
    const canvas = canvasOf(context.canvasElement);
    await expectAlert(canvas, 'That code is not right. Check it and try again.');
    await expectInvalid(canvas, 'Code *');
  },
};

export const ExpiredCode: Story = {
  name: 'Error: ExpiredCodeException',
  play: async (context) => {
    const s = scenarioOf(context);
    s.backend.advanceTime(2 * 3600_000); // codes live an hour
    await submit(context.canvasElement, s.code('fay', 'FORGOT_PASSWORD'));
    await expectAlert(canvasOf(context.canvasElement), 'That code has expired. Ask for a new one.');
  },
};

const strictPool: ScenarioSetup = { backend: { passwordPolicy: { minLength: 24 } }, seed: codeSent };

export const PasswordRefused: Story = {
  name: 'Error: InvalidPasswordException',
  // The pool wants 24 characters; the form checks the default policy (8), so Cognito has the last word.
  loaders: load(strictPool),
  play: async (context) => {
    await submit(context.canvasElement, scenarioOf(context).code('fay', 'FORGOT_PASSWORD'));
    const canvas = canvasOf(context.canvasElement);
    await expectAlert(canvas, 'That password does not meet the requirements.');
    await expectInvalid(canvas, 'New Password');
  },
};

export const TooManyAttempts: Story = {
  name: 'Error: LimitExceededException',
  loaders: load({
    seed: async (s) => {
      await codeSent(s);
      await s.exhaustAttempts('ConfirmForgotPassword', { Username: 'fay', ConfirmationCode: s.wrongCode('fay', 'FORGOT_PASSWORD'), Password: NEW_PASSWORD });
    },
  }),
  play: async (context) => {
    await submit(context.canvasElement, scenarioOf(context).code('fay', 'FORGOT_PASSWORD'));
    await expectAlert(canvasOf(context.canvasElement), 'Too many attempts. Please wait a while and try again.');
  },
};

export const Success: Story = {
  name: 'Success (then sign in)',
  play: async (context) => {
    await submit(context.canvasElement, scenarioOf(context).code('fay', 'FORGOT_PASSWORD'));
    await expectScreen(canvasOf(context.canvasElement), 'Sign in to your account');
  },
};
