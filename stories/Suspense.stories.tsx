import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuthError, AuthProvider, useAuth, useSuspenseAuth, useSuspenseUser } from 'cognito-react-kit';
import { Component, Suspense, type ReactNode } from 'react';
import { canvasOf, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf } from './support/story';

/** useSuspenseUser: the user once GetUser answered, or null when signed out (never undefined). */
function Profile() {
  const { data: user } = useSuspenseUser();
  return (
    <p className="crk-text">{user ? `Signed in as ${user.username} (${user.attributes['email'] ?? 'no email'})` : 'Nobody is signed in.'}</p>
  );
}

/** useSuspenseAuth: the engine's state, never `loading`, with its actions. */
function SignOutButton() {
  const isAuthenticated = useSuspenseAuth((s) => s.isAuthenticated);
  const signOut = useAuth((s) => s.signOut);
  return isAuthenticated ? (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  ) : null;
}

/**
 * A failed read arrives here as a typed AuthError. No story plays that path: React 18 (Storybook's) logs
 * every error a boundary catches to the console; test/react/suspense.test.tsx plays it instead.
 */
class AuthErrorBoundary extends Component<{ children: ReactNode }, { error: AuthError | null }> {
  override state: { error: AuthError | null } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof AuthError ? error : null };
  }
  override render() {
    const { error } = this.state;
    return error ? <p role="alert">Could not load your account: {error.name}</p> : this.props.children;
  }
}

const meta = {
  title: 'React/Suspense',
  render: (_args, context) => (
    <AuthProvider auth={scenarioOf(context).auth}>
      <AuthErrorBoundary>
        <Suspense fallback={<p role="status">Checking your session…</p>}>
          <Profile />
          <SignOutButton />
        </Suspense>
      </AuthErrorBoundary>
    </AuthProvider>
  ),
  loaders: load(),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Signed out: null at once, no fallback, no request. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByText('Nobody is signed in.');
  },
};

/** Signed in: the fallback while GetUser is held, then the user; signing out shows null with no fallback. */
export const SignedIn: Story = {
  loaders: load({
    seed: async (s) => {
      await s.user('suri');
      await s.auth.signIn('suri', PASSWORD);
      s.hold('GetUser');
    },
  }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByText('Checking your session…');
    scenarioOf({ loaded }).release();
    await canvas.findByText('Signed in as suri (suri@example.com)');
    await press(canvas, 'Sign out');
    await canvas.findByText('Nobody is signed in.');
  },
};
