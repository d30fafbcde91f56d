import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator, LazyAuthProvider } from 'cognito-react-kit';
import { canvasOf, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf } from './support/story';

const meta = {
  title: 'React/LazyAuthProvider',
  // The provider makes its own engine from a config, with the engine's code loaded on demand. The
  // scenario's store is in memory (not localStorage), so the provider cannot be sure nobody is signed in:
  // it shows loading until the engine has looked, then the form.
  render: (_args, context) => {
    const scenario = scenarioOf(context);
    return (
      <LazyAuthProvider config={scenario.engineConfig} options={scenario.engineOptions}>
        <Authenticator>
          {({ user, signOut }) => (
            <button type="button" onClick={signOut}>
              Sign out {user?.username}
            </button>
          )}
        </Authenticator>
      </LazyAuthProvider>
    );
  },
  loaders: load({ seed: async (s) => void (await s.user('alice')) }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignIn: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in to your account');
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await canvas.findByRole('button', { name: 'Sign out alice' }, { timeout: 10_000 });
  },
};
