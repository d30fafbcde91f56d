import type { Meta, StoryObj } from '@storybook/react-vite';
import { PasswordRules, type PasswordRulesProps } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { framed } from './support/framed';
import { canvasOf } from './support/play';

/** Cognito's default policy, each rule met or not. */
function rules(met: { length: boolean; lower: boolean; upper: boolean; number: boolean; symbol: boolean }): PasswordRulesProps['rules'] {
  return [
    { name: 'minLength', key: 'passwordPolicy.minLength', values: { count: '8' }, met: met.length },
    { name: 'lowercase', key: 'passwordPolicy.lowercase', met: met.lower },
    { name: 'uppercase', key: 'passwordPolicy.uppercase', met: met.upper },
    { name: 'number', key: 'passwordPolicy.number', met: met.number },
    { name: 'symbol', key: 'passwordPolicy.symbol', met: met.symbol },
  ];
}

const meta = {
  title: 'Primitives/PasswordRules',
  component: PasswordRules,
  decorators: [framed],
  args: { id: 'password-rules', rules: rules({ length: false, lower: false, upper: false, number: false, symbol: false }) },
} satisfies Meta<typeof PasswordRules>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NoneMet: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByText('Password must have at least 8 characters');
  },
};

export const SomeMet: Story = {
  args: { rules: rules({ length: true, lower: true, upper: false, number: true, symbol: false }) },
};

export const AllMet: Story = {
  args: { rules: rules({ length: true, lower: true, upper: true, number: true, symbol: true }) },
  play: async ({ canvasElement }) => {
    await expect(canvasOf(canvasElement).getByRole('status')).toHaveTextContent('Your password meets all the requirements.');
  },
};
