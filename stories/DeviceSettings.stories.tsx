import type { Meta, StoryObj } from '@storybook/react-vite';
import { DeviceSettings } from 'cognito-react-kit';
import { AccountPage, loadAccount } from './support/account';
import { canvasOf, press } from './support/play';
import { withAuthProvider } from './support/story';

const meta = {
  title: 'Account Settings/DeviceSettings',
  decorators: [withAuthProvider],
  render: () => (
    <AccountPage>
      <DeviceSettings />
    </AccountPage>
  ),
  // Device tracking needs SRP: the sign-in confirms this browser as a device.
  loaders: loadAccount({ backend: { deviceTracking: true }, config: { authenticationFlowType: 'USER_SRP_AUTH' } }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  name: 'Idle: this browser listed',
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('button', { name: /^Forget / });
  },
};

export const Forgotten: Story = {
  name: 'Success: device forgotten',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, (await canvas.findByRole('button', { name: /^Forget / })).textContent ?? '');
    await canvas.findByText('No devices are tracked for your account.');
  },
};
