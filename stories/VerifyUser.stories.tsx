import type { Meta, StoryObj } from '@storybook/react-vite';
import { canvasOf, expectAlert, expectBusy, expectScreen, press } from './support/play';
import { PHONE } from './support/scenario';
import { load, scenarioOf, withAuthProvider } from './support/story';
import { unverifiedUser, VerifyFlow } from './support/VerifyFlow';

const meta = {
  title: 'Authenticator/VerifyUser',
  decorators: [withAuthProvider],
  render: () => <VerifyFlow />,
  loaders: load({ seed: unverifiedUser }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Account recovery requires verified contact information');
    await canvas.findByRole('radio', { name: 'Email: val@example.com' });
  },
};

export const Filled: Story = {
  name: 'Filled (phone chosen)',
  play: async ({ canvasElement }) => {
    await press(canvasOf(canvasElement), `Phone Number: ${PHONE}`, 'radio');
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('GetUserAttributeVerificationCode');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Verify');
    await expectBusy(canvas, 'Verifying');
  },
};

export const TooManyRequests: Story = {
  name: 'Error: LimitExceededException',
  play: async (context) => {
    scenarioOf(context).failNext('GetUserAttributeVerificationCode', 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Verify');
    await expectAlert(canvas, 'Too many attempts. Please wait a while and try again.');
  },
};

export const Success: Story = {
  name: 'Success (the code screen follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Verify');
    // The code screen has the same heading (Amplify UI's): its code field says it arrived.
    await canvas.findByLabelText('Code *', {}, { timeout: 5000 });
    await expectScreen(canvas, 'Account recovery requires verified contact information');
  },
};

export const Skipped: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Skip');
    await canvas.findByText('Skipped: on to the app.');
  },
};
