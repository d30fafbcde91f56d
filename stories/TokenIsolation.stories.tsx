import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator, useAuth, useAuthEngine } from 'cognito-react-kit';
import { useState } from 'react';
import { canvasOf, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, withAuthProvider } from './support/story';

/**
 * `createAuth(config, { tokenIsolation: 'worker' })`: the refresh token stays in the worker, the page
 * holds a handle in its place, and the Authenticator and hooks work as before. Here the worker's code
 * runs in the page (stories/support/inPageWorker.ts) so it reaches the story's in-page backend; in an
 * app it is a real Web Worker (docs/token-isolation.md).
 */
const meta = {
  title: 'Headless/Token isolation (worker)',
  decorators: [withAuthProvider],
  render: () => (
    <>
      <Authenticator />
      <IsolationPanel />
    </>
  ),
  loaders: load({ tokenIsolation: true, seed: async (s) => void (await s.user('iso')) }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('button', { name: 'Sign in' });
  },
};

export const Error: Story = {
  name: 'Error: a wrong password (NotAuthorizedException), through the worker',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'iso');
    await fill(canvas, 'Password', 'Wrong-passw0rd!');
    await press(canvas, 'Sign in');
    await canvas.findByText('Incorrect username or password.');
  },
};

export const Success: Story = {
  name: 'Success: signed in, refreshed through the worker, signed out',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Username', 'iso');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await press(canvas, 'Refresh through the worker');
    await canvas.findByText('Refreshed: a new access token. The page holds a handle, never the refresh token.');
    await press(canvas, 'Sign out');
    await canvas.findByRole('button', { name: 'Sign in' });
  },
};

/** Forces a refresh and says what the page holds in place of the refresh token (never a token itself). */
function IsolationPanel() {
  const auth = useAuthEngine();
  const signedIn = useAuth((s) => s.status === 'signedIn');
  const [report, setReport] = useState('');
  if (!signedIn) return null;
  const refresh = async () => {
    const before = await auth.currentSession();
    const after = await auth.currentSession({ forceRefresh: true });
    const handle = after.refreshToken?.startsWith('isolated-refresh-token.') ? 'a handle' : 'something else';
    setReport(`Refreshed: ${after.accessToken === before.accessToken ? 'the same' : 'a new'} access token. The page holds ${handle}, never the refresh token.`);
  };
  return (
    <section aria-label="Token isolation" className="crk-text">
      <button type="button" onClick={() => void refresh()}>
        Refresh through the worker
      </button>
      <p role="status">{report}</p>
    </section>
  );
}
