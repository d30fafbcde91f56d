import type { Meta, StoryObj } from '@storybook/react-vite';
import { ScreenHeading } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf } from './support/play';

const meta = {
  title: 'Primitives/ScreenHeading',
  component: ScreenHeading,
  decorators: [framed],
  args: { children: 'Sign in to your account' },
} satisfies Meta<typeof ScreenHeading>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    // Focusable by script (a step change moves focus here), never a tab stop.
    await expect(canvasOf(canvasElement).getByRole('heading', { level: 2, name: 'Sign in to your account' })).toHaveAttribute('tabindex', '-1');
  },
};
