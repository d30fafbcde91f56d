import type { Meta, StoryObj } from '@storybook/react-vite';
import { canvasOf, expectBusy, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf, withAuthProvider } from './support/story';
import { HeadlessSignIn } from './support/HeadlessSignIn';

const meta = {
  title: 'Headless/useAuth custom form',
  decorators: [withAuthProvider],
  render: () => <HeadlessSignIn />,
  loaders: load({
    seed: async (s) => {
      await s.user('hal');
      await s.user('sam', { mfa: { sms: true } });
    },
  }),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('form', { name: 'Log in' });
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('InitiateAuth');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Email or username', 'hal');
    await fill(canvas, 'Secret', PASSWORD);
    await press(canvas, 'Log in');
    await expectBusy(canvas, 'Checking…');
  },
};

export const Error: Story = {
  name: 'Error: the typed error name (NotAuthorizedException)',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Email or username', 'hal');
    await fill(canvas, 'Secret', 'Wrong-passw0rd!');
    await press(canvas, 'Log in');
    await canvas.findByText('Failed: NotAuthorizedException');
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await fill(canvas, 'Email or username', 'hal');
    await fill(canvas, 'Secret', PASSWORD);
    await press(canvas, 'Log in');
    await canvas.findByText('Hi hal!');
    await press(canvas, 'Log out');
    await canvas.findByRole('form', { name: 'Log in' });
  },
};

export const MfaStep: Story = {
  name: 'Success: a custom SMS code step',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Email or username', 'sam');
    await fill(canvas, 'Secret', PASSWORD);
    await press(canvas, 'Log in');
    await canvas.findByRole('form', { name: 'Text message code' }, { timeout: 5000 });
    await fill(canvas, 'Code from the text', scenarioOf(context).code('sam', 'MFA'));
    await press(canvas, 'Verify');
    await canvas.findByText('Hi sam!');
  },
};
