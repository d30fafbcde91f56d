import type { Meta, StoryObj } from '@storybook/react-vite';
import { ChangePassword } from 'cognito-react-kit';
import { AccountPage, loadAccount } from './support/account';
import { canvasOf, expectAlert, expectBusy, fill, press } from './support/play';
import { NEW_PASSWORD, PASSWORD } from './support/scenario';
import { scenarioOf, withAuthProvider } from './support/story';

const meta = {
  title: 'Account Settings/ChangePassword',
  component: ChangePassword,
  decorators: [withAuthProvider],
  render: (args) => (
    <AccountPage>
      <ChangePassword {...args} />
    </AccountPage>
  ),
  loaders: loadAccount(),
} satisfies Meta<typeof ChangePassword>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof canvasOf>;
async function fillAll(canvas: Canvas, current: string): Promise<void> {
  await fill(canvas, 'Current Password', current);
  await fill(canvas, 'New Password', NEW_PASSWORD);
  await fill(canvas, 'Confirm Password', NEW_PASSWORD);
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('button', { name: 'Update password' });
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => fillAll(canvasOf(canvasElement), PASSWORD),
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('ChangePassword');
    const canvas = canvasOf(context.canvasElement);
    await fillAll(canvas, PASSWORD);
    await press(canvas, 'Update password');
    await expectBusy(canvas, 'Update password');
  },
};

export const WrongCurrentPassword: Story = {
  name: 'Error: NotAuthorizedException',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fillAll(canvas, 'Wr0ng!Password');
    await press(canvas, 'Update password');
    await expectAlert(canvas, 'Incorrect username or password.');
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fillAll(canvas, PASSWORD);
    await press(canvas, 'Update password');
    await canvas.findByText('Your password has been changed.');
  },
};
