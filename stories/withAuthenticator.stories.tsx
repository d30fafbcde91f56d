import type { Meta, StoryObj } from '@storybook/react-vite';
import { withAuthenticator, type AuthUser } from 'cognito-react-kit';
import { canvasOf, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, withAuthProvider } from './support/story';

/** An app page: it gets `user` and `signOut` from the HOC, plus its own props. */
function Dashboard({ title, user, signOut }: { title: string; user: AuthUser; signOut: () => Promise<void> }) {
  return (
    <main>
      <h1>{title}</h1>
      <p>Hello {user.username}</p>
      <button type="button" onClick={() => void signOut()}>
        Leave
      </button>
    </main>
  );
}

// `colorMode: 'system'` so the toolbar's theme (`data-theme` on the wrapper) applies.
const Protected = withAuthenticator(Dashboard, { hideSignUp: true, colorMode: 'system' });

const meta = {
  title: 'Authenticator/withAuthenticator',
  component: Protected,
  decorators: [withAuthProvider],
  args: { title: 'Orders' },
  loaders: load({ seed: async (s) => void (await s.user('wanda')) }),
} satisfies Meta<typeof Protected>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  name: 'Signed out: the Authenticator',
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Sign in to your account');
  },
};

export const SignInThenApp: Story = {
  name: 'Sign in, then the wrapped page; sign out again',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'wanda');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await canvas.findByRole('heading', { name: 'Orders' }, { timeout: 5000 });
    await canvas.findByText('Hello wanda');
    await press(canvas, 'Leave');
    await expectScreen(canvas, 'Sign in to your account');
  },
};
