import type { Meta, StoryObj } from '@storybook/react-vite';
import { ErrorAlert } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf } from './support/play';

const meta = {
  title: 'Primitives/ErrorAlert',
  component: ErrorAlert,
  decorators: [framed],
  args: { message: 'Incorrect username or password.' },
} satisfies Meta<typeof ErrorAlert>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithMessage: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByRole('alert')).toHaveTextContent('Incorrect username or password.');
  },
};

export const Empty: Story = {
  name: 'No message (renders nothing)',
  args: { message: null },
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).queryByRole('alert')).toBeNull();
  },
};
