import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator } from 'cognito-react-kit';
import { useLayoutEffect, type ReactNode } from 'react';
import { expect, waitFor } from 'storybook/test';
import { canvasOf, expectAlert, expectScreen, fill, press } from './support/play';
import { load, scenarioOf, withAuthProvider } from './support/story';

/** The browser refuses every pop-up while the story shows (as with pop-ups blocked for the site). */
function PopupsBlocked({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    const open = window.open;
    window.open = () => null;
    return () => {
      window.open = open;
    };
  }, []);
  return <>{children}</>;
}

const withPopupsBlocked: Decorator = (Story) => (
  <PopupsBlocked>
    <Story />
  </PopupsBlocked>
);

/** `socialPopup`: the social buttons sign in in a popup window; the page never leaves (see docs/hosted-ui.md). */
const meta = {
  title: 'Authenticator/Social sign-in in a popup',
  component: Authenticator,
  decorators: [withAuthProvider],
  loaders: load(),
  args: { colorMode: 'system', socialProviders: ['google', 'apple'], socialPopup: true },
} satisfies Meta<typeof Authenticator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  name: 'Social buttons that open a popup',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in to your account');
    await canvas.findByRole('button', { name: 'Sign In with Google' });
  },
};

export const PopupBlockedError: Story = {
  name: 'Error: the browser blocked the popup (OAuthPopupBlocked)',
  decorators: [withPopupsBlocked],
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Username', 'alice');
    await press(canvas, 'Sign In with Google');
    await expectAlert(canvas, 'The sign-in window was blocked. Allow pop-ups for this site and try again.');
    // The page stayed, and so did what the user typed.
    await expect(canvas.getByLabelText('Username')).toHaveValue('alice');
    await waitFor(() => expect(scenarioOf(context).navigations).toEqual([]));
  },
};
