import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { canvasOf, expectAlert, expectScreen, fill, press } from './support/play';
import { load, withAuthProvider } from './support/story';

/**
 * A right-to-left language: the root says `dir="rtl"` and `lang="he"`, and the stylesheet's logical
 * properties mirror the card (tabs, the show-password button at the input's left end, the alert's bar
 * on its right edge), whatever the toolbar's language.
 */
const meta = {
  title: 'Authenticator/Right to left',
  component: Authenticator,
  decorators: [withAuthProvider],
  loaders: load({ seed: async (s) => void (await s.user('alice')) }),
  args: { colorMode: 'system', language: 'he' },
} satisfies Meta<typeof Authenticator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Hebrew: Story = {
  name: 'Hebrew (sign-in with an error)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'התחבר לחשבון שלך');
    const root = canvasElement.querySelector('.crk-authenticator');
    await expect(root).toHaveAttribute('dir', 'rtl');
    await expect(root).toHaveAttribute('lang', 'he');
    await fill(canvas, 'שם משתמש', 'alice');
    await fill(canvas, 'סיסמא', 'Wrong-Passw0rd!');
    await press(canvas, 'התחבר');
    await expectAlert(canvas, 'שם משתמש או סיסמה שגויים.');
  },
};
