import type { Meta, StoryObj } from '@storybook/react-vite';
import { SetupTotp } from 'cognito-react-kit';
import { waitFor } from 'storybook/test';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD, type Scenario } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SetupTotp',
  component: SetupTotp,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONTINUE_SIGN_IN_WITH_TOTP_SETUP')} screen={<SetupTotp {...args} />} />,
  args: { issuer: 'Storybook' },
  // The pool requires MFA and Nia has none yet: she must set up an authenticator app.
  loaders: load({
    backend: { mfaConfiguration: 'ON' },
    seed: async (s) => {
      await s.user('nia', { attributes: { email: 'nia@example.com' } });
      await s.auth.signIn('nia', PASSWORD);
    },
  }),
} satisfies Meta<typeof SetupTotp>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The key Cognito generated for this setup (what the QR code encodes). */
function secretOf(s: Scenario): string {
  const step = s.auth.getState().nextStep;
  if (step?.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error('no TOTP setup in progress');
  return step.totpSetupDetails.sharedSecret;
}

export const Idle: Story = {
  name: 'Idle (QR code and key)',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await expectScreen(canvas, 'Setup TOTP');
    const qr = await canvas.findByRole('img', { name: 'QR code for your authenticator app' });
    await waitFor(() => {
      if (qr.getAttribute('aria-busy') !== 'false') throw new Error('QR code still drawing');
    });
    await canvas.findByText(secretOf(scenarioOf(context)));
  },
};

export const Filled: Story = {
  play: async (context) => {
    const s = scenarioOf(context);
    await fill(canvasOf(context.canvasElement), 'Code *', await s.totp(secretOf(s)));
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const s = scenarioOf(context);
    s.hold('VerifySoftwareToken');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', await s.totp(secretOf(s)));
    await press(canvas, 'Confirm');
    await expectBusy(canvas, 'Confirming');
  },
};

export const WrongCode: Story = {
  name: 'Error: wrong first code',
  play: async (context) => {
    const s = scenarioOf(context);
    const canvas = canvasOf(context.canvasElement);
    const right = await s.totp(secretOf(s));
    await fill(canvas, 'Code *', right === '000000' ? '111111' : '000000');
    await press(canvas, 'Confirm');
    await expectAlert(canvas, /That code is not right/);
    await expectInvalid(canvas, 'Code *');
  },
};

export const Success: Story = {
  play: async (context) => {
    const s = scenarioOf(context);
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', await s.totp(secretOf(s)));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};
