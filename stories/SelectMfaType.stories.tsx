import type { Meta, StoryObj } from '@storybook/react-vite';
import { SelectMfaType } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectScreen, press } from './support/play';
import { PASSWORD, TOTP_SECRET } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SelectMfaType',
  component: SelectMfaType,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONTINUE_SIGN_IN_WITH_MFA_SELECTION')} screen={<SelectMfaType {...args} />} />,
  // Sel has both SMS and an authenticator app, and no preference: Cognito asks which to use.
  loaders: load({
    seed: async (s) => {
      await s.user('sel', { mfa: { sms: true, totpSecret: TOTP_SECRET } });
      await s.auth.signIn('sel', PASSWORD);
    },
  }),
} satisfies Meta<typeof SelectMfaType>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Multi-Factor Authentication');
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
  play: async (context) => {
    scenarioOf(context).hold('RespondToAuthChallenge');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Confirm');
    await expectBusy(canvas, 'Confirming');
  },
};

export const SmsNotSent: Story = {
  name: 'Error: CodeDeliveryFailureException',
  play: async (context) => {
    scenarioOf(context).failNext('RespondToAuthChallenge', 'CodeDeliveryFailureException', 'Unable to deliver the SMS message.');
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Text Message (SMS)', 'radio');
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'We could not send the code. Please try again.');
  },
};

export const SmsChosen: Story = {
  name: 'Success: SMS (the SMS code screen follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Text Message (SMS)', 'radio');
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Confirm SMS Code');
  },
};

export const TotpChosen: Story = {
  name: 'Success: TOTP (the app code screen follows)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Authenticator App (TOTP)', 'radio');
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Confirm TOTP Code');
  },
};

export const EmailChosen: Story = {
  name: 'Success: email (the email code screen follows)',
  // Mo has SMS and email MFA in a pool that offers email codes.
  loaders: load({
    backend: { mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
    seed: async (s) => {
      await s.user('mo', { mfa: { sms: true, email: true } });
      await s.auth.signIn('mo', PASSWORD);
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Email Message', 'radio');
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Confirm Email Code');
  },
};
