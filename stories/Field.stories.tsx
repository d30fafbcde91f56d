import type { Meta, StoryObj } from '@storybook/react-vite';
import { Field } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf, fill } from './support/play';

const meta = {
  title: 'Primitives/Field',
  component: Field,
  decorators: [framed],
  args: { label: 'Email', name: 'email', type: 'email', autoComplete: 'email' },
} satisfies Meta<typeof Field>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Email', 'ada@example.com');
    await expect(canvas.getByLabelText('Email')).toHaveValue('ada@example.com');
  },
};

export const WithDescription: Story = {
  args: { description: 'We send a confirmation code here.' },
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByLabelText('Email')).toHaveAccessibleDescription('We send a confirmation code here.');
  },
};

export const Error: Story = {
  args: { error: 'Enter an email address.', defaultValue: 'ada@' },
  play: async ({ canvasElement }) => {
    const input = canvasOf(canvasElement).getByLabelText('Email');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Enter an email address.');
  },
};

export const Required: Story = { args: { required: true } };

export const Disabled: Story = { args: { disabled: true, defaultValue: 'ada@example.com' } };
