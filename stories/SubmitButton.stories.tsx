import type { Meta, StoryObj } from '@storybook/react-vite';
import { SubmitButton } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf } from './support/play';

const meta = {
  title: 'Primitives/SubmitButton',
  component: SubmitButton,
  decorators: [framed],
  args: { label: 'Sign in', pendingLabel: 'Signing in…' },
} satisfies Meta<typeof SubmitButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByRole('button', { name: 'Sign in' })).toBeEnabled();
  },
};

export const Submitting: Story = {
  args: { pending: true },
  play: async ({ canvasElement }) => {
    const button = canvasOf(canvasElement).getByRole('button', { name: 'Signing in…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

export const Secondary: Story = {
  args: { type: 'button', label: 'Resend Code', pendingLabel: 'Sending…' },
};
