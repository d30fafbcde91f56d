import type { Meta, StoryObj } from '@storybook/react-vite';
import { SelectMfaSetup } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectScreen, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SelectMfaSetup',
  component: SelectMfaSetup,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION')} screen={<SelectMfaSetup {...args} />} />,
  // The pool requires MFA by email or an authenticator app; Ned has neither yet.
  loaders: load({
    backend: { mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
    seed: async (s) => {
      await s.user('ned', { attributes: {} });
      await s.auth.signIn('ned', PASSWORD);
    },
  }),
} satisfies Meta<typeof SelectMfaSetup>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Multi-Factor Authentication Setup');
    await canvas.findByRole('group', { name: 'Select MFA Type' });
  },
};

export const Filled: Story = {
  name: 'Filled (authenticator app chosen)',
  play: async ({ canvasElement }) => {
    await press(canvasOf(canvasElement), 'Authenticator App (TOTP)', 'radio');
  },
};

export const Submitting: Story = {
  name: 'Submitting (fetching the authenticator key)',
  play: async (context) => {
    scenarioOf(context).hold('AssociateSoftwareToken');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Authenticator App (TOTP)', 'radio');
    await press(canvas, 'Confirm');
    await expectBusy(canvas, 'Confirming');
  },
};

export const Throttled: Story = {
  name: 'Error: TooManyRequestsException',
  play: async (context) => {
    scenarioOf(context).failNext('AssociateSoftwareToken', 'TooManyRequestsException', 'Rate exceeded');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Authenticator App (TOTP)', 'radio');
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'Too many requests. Please wait a moment and try again.');
  },
};

export const EmailChosen: Story = {
  name: 'Success: email (the address screen follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Setup Email');
  },
};

export const TotpChosen: Story = {
  name: 'Success: authenticator app (its QR code follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Authenticator App (TOTP)', 'radio');
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Setup TOTP');
  },
};
