import type { Meta, StoryObj } from '@storybook/react-vite';
import { PasswordField } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf, fill, press } from './support/play';

const meta = {
  title: 'Primitives/PasswordField',
  component: PasswordField,
  decorators: [framed],
  args: { label: 'Password', name: 'password' },
} satisfies Meta<typeof PasswordField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Password', 'correct horse');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password');
  },
};

export const Shown: Story = {
  name: 'Shown (toggle pressed)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Password', 'correct horse');
    await press(canvas, 'Show password');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'text');
    await expect(canvas.getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'true');
  },
};

export const NewPassword: Story = {
  args: { label: 'New Password', autoComplete: 'new-password' },
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByLabelText('New Password')).toHaveAttribute('autocomplete', 'new-password');
  },
};

export const Error: Story = {
  args: { error: 'Enter your password.' },
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  },
};
