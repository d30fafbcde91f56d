import type { Meta, StoryObj } from '@storybook/react-vite';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, fill, press } from './support/play';
import { load, scenarioOf, withAuthProvider } from './support/story';
import { unverifiedUser, VerifyFlow } from './support/VerifyFlow';

const meta = {
  title: 'Authenticator/ConfirmVerifyUser',
  decorators: [withAuthProvider],
  render: () => <VerifyFlow codeSentTo="email" />,
  // Val asked to verify her email: Cognito sent a code (valid one minute here, for the expiry story).
  loaders: load({
    backend: { codeValiditySeconds: 60 },
    seed: async (s) => {
      await unverifiedUser(s);
      await s.auth.verifyCurrentUserAttribute('email');
    },
  }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Account recovery requires verified contact information');
  },
};

export const Filled: Story = {
  play: async (context) => {
    await fill(canvasOf(context.canvasElement), 'Code *', scenarioOf(context).code('val', 'VERIFY_ATTRIBUTE'));
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const s = scenarioOf(context);
    s.hold('VerifyUserAttribute');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', s.code('val', 'VERIFY_ATTRIBUTE'));
    await press(canvas, 'Submit');
    await expectBusy(canvas, 'Submitting');
  },
};

export const WrongCode: Story = {
  name: 'Error: CodeMismatchException',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', scenarioOf(context).wrongCode('val', 'VERIFY_ATTRIBUTE'));
    await press(canvas, 'Submit');
    await expectAlert(canvas, 'That code is not right. Check it and try again.');
    await expectInvalid(canvas, 'Code *');
  },
};

export const ExpiredCode: Story = {
  name: 'Error: ExpiredCodeException',
  play: async (context) => {
    const s = scenarioOf(context);
    s.backend.advanceTime(2 * 60_000);
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', s.code('val', 'VERIFY_ATTRIBUTE'));
    await press(canvas, 'Submit');
    await expectAlert(canvas, 'That code has expired. Ask for a new one.');
  },
};

export const Success: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', scenarioOf(context).code('val', 'VERIFY_ATTRIBUTE'));
    await press(canvas, 'Submit');
    await canvas.findByText('Verified your email.');
  },
};
