import type { Meta, StoryObj } from '@storybook/react-vite';
import { AccountSettings } from 'cognito-react-kit';
import { AccountPage, loadAccount } from './support/account';
import { canvasOf } from './support/play';
import { withAuthProvider } from './support/story';

/** A whole settings page from the `AccountSettings` namespace, as ui-react apps write it. */
const meta = {
  title: 'Account Settings/Page',
  decorators: [withAuthProvider],
  render: () => (
    <AccountPage>
      <AccountSettings.ChangePassword />
      <AccountSettings.MfaSettings />
      <AccountSettings.PasskeySettings />
      <AccountSettings.DeviceSettings />
      <AccountSettings.DeleteUser />
    </AccountPage>
  ),
  loaders: loadAccount({
    backend: { mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'], deviceTracking: true, webAuthn: { origins: ['http://localhost:6006'] } },
    config: { authenticationFlowType: 'USER_SRP_AUTH' },
  }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByRole('button', { name: 'Update password' });
    await canvas.findByRole('button', { name: 'Turn on Authenticator app' });
    await canvas.findByText('You have no passkeys yet.');
    await canvas.findByRole('button', { name: /^Forget / });
    await canvas.findByRole('button', { name: 'Delete Account' });
  },
};
