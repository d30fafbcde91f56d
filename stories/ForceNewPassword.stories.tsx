import type { Meta, StoryObj } from '@storybook/react-vite';
import { ForceNewPassword } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, expectSignedIn, fill, press } from './support/play';
import { NEW_PASSWORD, PASSWORD, type Scenario } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

/** An admin created Fox with a temporary password; the pool also wants his name. */
async function temporaryPassword(s: Scenario): Promise<void> {
  await s.user('fox', { status: 'FORCE_CHANGE_PASSWORD' });
  await s.auth.signIn('fox', PASSWORD);
}

const meta = {
  title: 'Authenticator/ForceNewPassword',
  component: ForceNewPassword,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED')} screen={<ForceNewPassword {...args} />} />,
  loaders: load({ backend: { requiredAttributesOnNewPassword: ['name'] }, seed: temporaryPassword }),
} satisfies Meta<typeof ForceNewPassword>;
export default meta;
type Story = StoryObj<typeof meta>;

async function fillForm(canvasElement: HTMLElement): Promise<void> {
  const canvas = canvasOf(canvasElement);
  await fill(canvas, 'Password', NEW_PASSWORD);
  await fill(canvas, 'Confirm Password', NEW_PASSWORD);
  await fill(canvas, 'Name', 'Fox Mulder');
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Change Password');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => fillForm(canvasElement),
};

export const PasswordsDiffer: Story = {
  name: 'Error: passwords do not match (checked before sending)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Password', NEW_PASSWORD);
    await fill(canvas, 'Confirm Password', `${NEW_PASSWORD}x`);
    await fill(canvas, 'Name', 'Fox Mulder');
    await press(canvas, 'Change Password');
    await canvas.findByText('Your passwords must match');
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('RespondToAuthChallenge');
    await fillForm(context.canvasElement);
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Change Password');
    await expectBusy(canvas, 'Changing');
  },
};

export const PasswordRefused: Story = {
  name: 'Error: InvalidPasswordException',
  loaders: load({ backend: { requiredAttributesOnNewPassword: ['name'], passwordPolicy: { minLength: 24 } }, seed: temporaryPassword }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Change Password');
    await expectAlert(canvas, 'That password does not meet the requirements.');
    await expectInvalid(canvas, 'Password');
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Change Password');
    await expectSignedIn(canvas);
  },
};
