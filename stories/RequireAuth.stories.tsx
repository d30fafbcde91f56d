import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator, RequireAuth } from 'cognito-react-kit';
import { canvasOf, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, withAuthProvider } from './support/story';

const meta = {
  title: 'React/RequireAuth',
  component: RequireAuth,
  decorators: [withAuthProvider],
  args: {
    children: <h1>Account settings</h1>,
    fallback: <Authenticator hideSignUp />,
    loading: <p role="status">Checking your session…</p>,
  },
  loaders: load({ seed: async (s) => void (await s.user('rex')) }),
} satisfies Meta<typeof RequireAuth>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  name: 'Signed out: the fallback',
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Sign in to your account');
  },
};

export const SignedIn: Story = {
  name: 'Signed in: the children',
  loaders: load({
    seed: async (s) => {
      await s.user('rex');
      await s.auth.signIn('rex', PASSWORD);
    },
  }),
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('heading', { name: 'Account settings' });
  },
};

export const Loading: Story = {
  name: 'Loading: while a stored session is refreshed',
  loaders: load({
    seed: async (s) => {
      // Rex signed in earlier and the app reopens two hours later: his tokens have expired, so the
      // engine refreshes them before it can say (the refresh is held, so the story stays there).
      await s.user('rex');
      await s.auth.signIn('rex', PASSWORD);
      s.advanceAppClock(2 * 3600_000);
      s.hold('InitiateAuth');
      s.auth.configure({ authenticationFlowType: 'USER_PASSWORD_AUTH' });
    },
  }),
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByText('Checking your session…');
  },
};

export const SignInUnlocks: Story = {
  name: 'Success: signing in shows the children',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'rex');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await canvas.findByRole('heading', { name: 'Account settings' }, { timeout: 5000 });
  },
};
