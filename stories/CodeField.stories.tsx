import type { Meta, StoryObj } from '@storybook/react-vite';
import { CodeField } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf, fill } from './support/play';

const meta = {
  title: 'Primitives/CodeField',
  component: CodeField,
  decorators: [framed],
  args: { label: 'Code', name: 'code' },
} satisfies Meta<typeof CodeField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const input = canvasOf(canvasElement).getByLabelText('Code');
    // Numeric keypad on phones, and the OS may offer the code it read from a message.
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasOf(canvasElement), 'Code', '123456');
  },
};

export const Error: Story = {
  args: { error: 'That code is not right. Check it and try again.', defaultValue: '000000' },
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByLabelText('Code')).toHaveAttribute('aria-invalid', 'true');
  },
};
