import type { Meta, StoryObj } from '@storybook/react-vite';
import { DeleteUser } from 'cognito-react-kit';
import { useState } from 'react';
import { AccountPage, loadAccount } from './support/account';
import { canvasOf, expectAlert, press } from './support/play';
import { withAuthProvider } from './support/story';

const WARNING = 'Deleting your account is not reversible. You will lose access to your account and all data associated with it.';

/** The component, and what the app shows once the account is gone. */
function DeleteFlow() {
  const [deleted, setDeleted] = useState(false);
  return <AccountPage>{deleted ? <p role="status">Your account was deleted.</p> : <DeleteUser onSuccess={() => setDeleted(true)} />}</AccountPage>;
}

const meta = {
  title: 'Account Settings/DeleteUser',
  decorators: [withAuthProvider],
  render: () => <DeleteFlow />,
  loaders: loadAccount(),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('button', { name: 'Delete Account' });
  },
};

export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Delete Account');
    await canvas.findByText(WARNING);
  },
};

export const Deleted: Story = {
  name: 'Success',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Delete Account');
    await press(canvas, 'Delete');
    await canvas.findByText('Your account was deleted.');
  },
};

export const Failed: Story = {
  name: 'Error: handleDelete failed',
  render: () => (
    <AccountPage>
      <DeleteUser handleDelete={() => Promise.reject(new Error('The server refused.'))} />
    </AccountPage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Delete Account');
    await press(canvas, 'Delete');
    await expectAlert(canvas, 'Something went wrong. Please try again.');
  },
};
