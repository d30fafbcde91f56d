import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConfirmSignUp } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, fill, press } from './support/play';
import { PASSWORD, type Scenario } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

/** A sign-up Cognito accepted: the engine waits for the code it emailed. */
async function signedUp(s: Scenario): Promise<void> {
  await s.auth.signUp({ username: 'carol', password: PASSWORD, attributes: { email: 'carol@example.com' } });
}

const meta = {
  title: 'Authenticator/ConfirmSignUp',
  component: ConfirmSignUp,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONFIRM_SIGN_UP')} screen={<ConfirmSignUp {...args} />} />,
  loaders: load({ seed: signedUp }),
} satisfies Meta<typeof ConfirmSignUp>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'We Emailed You');
    await canvas.findByText(/enter the code we emailed to c\*+@e\*+/);
  },
};

export const Filled: Story = {
  play: async (context) => {
    await fill(canvasOf(context.canvasElement), 'Confirmation Code', scenarioOf(context).code('carol', 'SIGN_UP'));
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    s.hold('ConfirmSignUp');
    await fill(canvas, 'Confirmation Code', s.code('carol', 'SIGN_UP'));
    await press(canvas, 'Confirm');
    await expectBusy(canvas, 'Confirming');
  },
};

export const WrongCode: Story = {
  name: 'Error: CodeMismatchException',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Confirmation Code', scenarioOf(context).wrongCode('carol', 'SIGN_UP'));
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'That code is not right. Check it and try again.');
    await expectInvalid(canvas, 'Confirmation Code');
  },
};

export const ExpiredCode: Story = {
  name: 'Error: ExpiredCodeException',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    s.backend.advanceTime(2 * 3600_000); // codes live an hour
    await fill(canvas, 'Confirmation Code', s.code('carol', 'SIGN_UP'));
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'That code has expired. Ask for a new one.');
  },
};

export const TooManyAttempts: Story = {
  name: 'Error: LimitExceededException',
  loaders: load({
    seed: async (s) => {
      await signedUp(s);
      await s.exhaustAttempts('ConfirmSignUp', { Username: 'carol', ConfirmationCode: s.wrongCode('carol', 'SIGN_UP') });
    },
  }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Confirmation Code', scenarioOf(context).code('carol', 'SIGN_UP'));
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'Too many attempts. Please wait a while and try again.');
  },
};

export const ResendCode: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Resend Code');
    await canvas.findByText('A new code is on its way.');
  },
};

export const Success: Story = {
  name: 'Success (then sign in)',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Confirmation Code', scenarioOf(context).code('carol', 'SIGN_UP'));
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Sign in to your account');
  },
};
