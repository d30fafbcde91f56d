import type { Meta, StoryObj } from '@storybook/react-vite';
import { PasskeySettings } from 'cognito-react-kit';
import { AuthError, type PasskeyClient } from 'cognito-react-kit/core';
import { AccountPage, loadAccount } from './support/account';
import { canvasOf, expectAlert, press } from './support/play';
import { withAuthProvider } from './support/story';

/** The platform's passkey prompt, closed by the user (a real passkey needs an authenticator: see test/ui/account). */
const closedPrompt: PasskeyClient = {
  get: () => Promise.reject(new AuthError({ name: 'PasskeyNotSupported', message: 'Not in this story.', source: 'signIn' })),
  create: () => Promise.reject(new AuthError({ name: 'PasskeyCanceled', message: 'The user closed the prompt.', source: 'associateWebAuthnCredential' })),
};

const meta = {
  title: 'Account Settings/PasskeySettings',
  decorators: [withAuthProvider],
  render: () => (
    <AccountPage>
      <PasskeySettings />
    </AccountPage>
  ),
  loaders: loadAccount({ backend: { webAuthn: { origins: ['http://localhost:6006'] } }, passkeys: closedPrompt }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  name: 'Idle: no passkeys yet',
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByText('You have no passkeys yet.');
  },
};

export const Canceled: Story = {
  name: 'Error: PasskeyCanceled',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Add a passkey');
    await expectAlert(canvas, 'The passkey prompt was closed before it finished. Try again.');
  },
};
