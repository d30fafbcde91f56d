import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignedIn } from 'cognito-react-kit';
import { AuthStatus } from './support/AuthStatus';
import { canvasOf, expectSignedIn, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SignedIn',
  component: SignedIn,
  decorators: [withAuthProvider],
  render: (args) => (
    <>
      <SignedIn {...args} />
      <AuthStatus />
    </>
  ),
  loaders: load({
    seed: async (s) => {
      await s.user('sid');
      await s.auth.signIn('sid', PASSWORD);
    },
  }),
} satisfies Meta<typeof SignedIn>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByText('Signed in as sid@example.com');
    await expectSignedIn(canvas);
  },
};

export const RenderFunction: Story = {
  name: 'Children as a render function',
  args: {
    children: ({ user, signOut }) => (
      <main>
        <h1>Hello, {user.username}</h1>
        <button type="button" onClick={() => void signOut()}>
          Leave
        </button>
      </main>
    ),
  },
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('heading', { name: 'Hello, sid' });
  },
};

export const SignOut: Story = {
  name: 'Success: sign out',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Sign out');
    await canvas.findByText('Status: signedOut');
  },
};
