import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuthProvider, useAuth } from 'cognito-react-kit';
import { AuthStatus } from './support/AuthStatus';
import { canvasOf, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf } from './support/story';

/** Any component below the provider reads the engine's state and calls its actions through hooks. */
function SignOutButton() {
  const signOut = useAuth((s) => s.signOut);
  const isAuthenticated = useAuth((s) => s.isAuthenticated);
  return isAuthenticated ? (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  ) : null;
}

const meta = {
  title: 'React/AuthProvider',
  // The provider takes an engine made with createAuth (here: the scenario's, talking to the in-page pool).
  render: (_args, context) => (
    <AuthProvider auth={scenarioOf(context).auth}>
      <AuthStatus />
      <SignOutButton />
    </AuthProvider>
  ),
  loaders: load(),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByText('Status: signedOut');
  },
};

export const SignedIn: Story = {
  loaders: load({
    seed: async (s) => {
      await s.user('pia');
      await s.auth.signIn('pia', PASSWORD);
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByText('Status: signedIn (pia)');
    await press(canvas, 'Sign out');
    await canvas.findByText('Status: signedOut');
  },
};
