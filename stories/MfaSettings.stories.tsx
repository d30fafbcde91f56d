import type { Meta, StoryObj } from '@storybook/react-vite';
import { MfaSettings } from 'cognito-react-kit';
import { AccountPage, loadAccount } from './support/account';
import { canvasOf, expectAlert, fill, press } from './support/play';
import { scenarioOf, withAuthProvider } from './support/story';

const meta = {
  title: 'Account Settings/MfaSettings',
  component: MfaSettings,
  decorators: [withAuthProvider],
  render: (args) => (
    <AccountPage>
      <MfaSettings {...args} />
    </AccountPage>
  ),
  args: { totpIssuer: 'Storybook' },
  loaders: loadAccount({ backend: { mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] } }),
} satisfies Meta<typeof MfaSettings>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('button', { name: 'Turn on Authenticator app' });
  },
};

export const TotpSetup: Story = {
  name: 'Authenticator app set-up (QR code)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Turn on Authenticator app');
    await canvas.findByRole('img', { name: 'QR code for your authenticator app' });
  },
};

export const TotpReady: Story = {
  name: 'Success: authenticator app set up',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Turn on Authenticator app');
    const secret = (await canvas.findByText(/^[A-Z2-7]{16,}$/)).textContent ?? '';
    await fill(canvas, 'Code', await scenarioOf(context).totp(secret));
    await press(canvas, 'Confirm');
    await canvas.findByText('Your authenticator app is set up.');
  },
};

export const WrongCode: Story = {
  name: 'Error: EnableSoftwareTokenMFAException',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Turn on Authenticator app');
    await fill(canvas, 'Code', '000000');
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'That code is not right. Check your authenticator app and try again.');
  },
};

export const EmailOn: Story = {
  name: 'Success: email codes on',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Turn on Email');
    await canvas.findByText('Email is on.');
  },
};
