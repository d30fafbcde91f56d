import type { Meta, StoryObj } from '@storybook/react-vite';
import { useAuthEngine } from 'cognito-react-kit';
import { AuthDevtools } from 'cognito-react-kit/devtools';
import { within } from 'storybook/test';
import { canvasOf, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, withAuthProvider } from './support/story';

/** A button that reads the session, as an app's API call would (a due token refreshes first). */
function ReadSession() {
  const auth = useAuthEngine();
  return (
    <button type="button" onClick={() => void auth.currentSession().catch(() => undefined)}>
      Read the session
    </button>
  );
}

const signedIn = load({
  seed: async (s) => {
    await s.user('devi');
    await s.auth.signIn('devi', PASSWORD);
  },
});

const meta = {
  title: 'Devtools/AuthDevtools',
  component: AuthDevtools,
  decorators: [withAuthProvider],
  args: { initialIsOpen: true },
  render: (args) => (
    <>
      <ReadSession />
      <AuthDevtools {...args} />
    </>
  ),
  loaders: signedIn,
} satisfies Meta<typeof AuthDevtools>;
export default meta;
type Story = StoryObj<typeof meta>;

const WAIT = { timeout: 5000 };

/** The refresh log's line for `cause` once it ended with `outcome`. */
async function refreshLogged(canvasElement: HTMLElement, cause: string, outcome: string): Promise<void> {
  const log = await canvasOf(canvasElement).findByRole('region', { name: 'Refreshes' }, WAIT);
  await within(log).findByText((_text, element) => element?.tagName === 'LI' && (element.textContent ?? '').includes(` · ${cause} · ${outcome}`), {}, WAIT);
}

export const SignedIn: Story = {
  name: 'Signed in: state, claims, events',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    const panel = await canvas.findByRole('region', { name: 'Auth devtools' }, WAIT);
    await within(panel).findByText('signedIn', {}, WAIT);
    await within(panel).findByRole('group', { name: 'access token claims' }, WAIT);
  },
};

export const ForceRefresh: Story = {
  name: 'Success: force a refresh',
  play: async ({ canvasElement }) => {
    await press(canvasOf(canvasElement), 'Force refresh');
    await refreshLogged(canvasElement, 'forced', 'ok');
  },
};

export const ExpireAccessToken: Story = {
  name: 'Success: expire the access token, then a read refreshes it',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    // Stories' engines have no refresh timer (autoRefresh: false): the next read finds the token due.
    await press(canvas, 'Expire access token');
    await press(canvas, 'Read the session');
    await refreshLogged(canvasElement, 'due on read', 'ok');
  },
};

export const SignedOut: Story = {
  name: 'Signed out: no session, buttons off',
  loaders: load(),
  play: async ({ canvasElement }) => {
    const panel = await canvasOf(canvasElement).findByRole('region', { name: 'Auth devtools' }, WAIT);
    await within(panel).findByText('No session.', {}, WAIT);
  },
};

export const Closed: Story = {
  name: 'Closed: opens on demand (the panel loads then)',
  args: { initialIsOpen: false },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Auth devtools');
    await canvas.findByRole('region', { name: 'Auth devtools' }, WAIT);
  },
};
