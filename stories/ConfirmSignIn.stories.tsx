import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConfirmSignIn } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD, TOTP_SECRET, type Scenario, type ScenarioSetup } from './support/scenario';
import { load, scenarioOf, Stage, withAuthProvider, type StageState } from './support/story';

/** Sam has SMS MFA: after the password, Cognito texts a code. */
async function smsStep(s: Scenario): Promise<void> {
  await s.user('sam', { mfa: { sms: true } });
  await s.auth.signIn('sam', PASSWORD);
}

/** Tia has an authenticator app: after the password, Cognito asks for its code. */
async function totpStep(s: Scenario): Promise<void> {
  await s.user('tia', { mfa: { totpSecret: TOTP_SECRET } });
  await s.auth.signIn('tia', PASSWORD);
}

/** Emma has email MFA: after the password, Cognito emails a code. */
async function emailStep(s: Scenario): Promise<void> {
  await s.user('emma', { mfa: { email: true } });
  await s.auth.signIn('emma', PASSWORD);
}

/** A pool that offers email codes as MFA. */
const EMAIL_MFA_POOL = { mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] } satisfies ScenarioSetup['backend'];

const duringMfa = ({ nextStep }: StageState) =>
  nextStep?.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE' ||
  nextStep?.signInStep === 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' ||
  nextStep?.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE';

const meta = {
  title: 'Authenticator/ConfirmSignIn',
  component: ConfirmSignIn,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={duringMfa} screen={<ConfirmSignIn {...args} />} />,
  loaders: load({ seed: smsStep }),
} satisfies Meta<typeof ConfirmSignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SmsIdle: Story = {
  name: 'SMS: Idle',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Confirm SMS Code');
    await canvas.findByText(/enter the code we texted to \+\*+0123/);
  },
};

export const SmsFilled: Story = {
  name: 'SMS: Filled',
  play: async (context) => {
    await fill(canvasOf(context.canvasElement), 'Code *', scenarioOf(context).code('sam', 'MFA'));
  },
};

export const SmsSubmitting: Story = {
  name: 'SMS: Submitting',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    s.hold('RespondToAuthChallenge');
    await fill(canvas, 'Code *', s.code('sam', 'MFA'));
    await press(canvas, 'Confirm');
    await expectBusy(canvas, 'Confirming');
  },
};

export const SmsWrongCode: Story = {
  name: 'SMS: Error: CodeMismatchException',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', scenarioOf(context).wrongCode('sam', 'MFA'));
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'That code is not right. Check it and try again.');
    await expectInvalid(canvas, 'Code *');
  },
};

export const SmsSessionExpired: Story = {
  // Cognito's sign-in sessions live 3 minutes; after that the step cannot be answered any more.
  name: 'SMS: Error: NotAuthorizedException (session expired: back to sign-in)',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    s.backend.advanceTime(10 * 60_000);
    await fill(canvas, 'Code *', s.code('sam', 'MFA'));
    await press(canvas, 'Confirm');
    await expectScreen(canvas, 'Sign in to your account');
    await expectAlert(canvas, 'Your sign-in session has ended. Sign in again.');
  },
};

export const SmsSuccess: Story = {
  name: 'SMS: Success',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', scenarioOf(context).code('sam', 'MFA'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

export const TotpIdle: Story = {
  name: 'TOTP: Idle',
  loaders: load({ seed: totpStep }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Confirm TOTP Code');
    await canvas.findByText('Enter the code from your authenticator app.');
  },
};

export const TotpCodeReused: Story = {
  name: 'TOTP: Error: ExpiredCodeException (code already used)',
  loaders: load({
    seed: async (s) => {
      // Tia signed in a moment ago with this very code; Cognito takes each code once.
      await totpStep(s);
      await s.auth.confirmSignIn({ challengeResponse: await s.totp() });
      await s.auth.signOut();
      await s.auth.signIn('tia', PASSWORD);
    },
  }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', await scenarioOf(context).totp());
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'That code has expired. Ask for a new one.');
  },
};

export const TotpSuccess: Story = {
  name: 'TOTP: Success',
  loaders: load({ seed: totpStep }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', await scenarioOf(context).totp());
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

export const EmailIdle: Story = {
  name: 'Email: Idle',
  loaders: load({ backend: EMAIL_MFA_POOL, seed: emailStep }),
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Confirm Email Code');
    await canvas.findByText(/enter the code we emailed to e\*+@e\*+/);
  },
};

export const EmailWrongCode: Story = {
  name: 'Email: Error: CodeMismatchException',
  loaders: load({ backend: EMAIL_MFA_POOL, seed: emailStep }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const wrong = scenarioOf(context).wrongCode('emma', 'MFA');
    await fill(canvas, 'Code *', wrong);
    await press(canvas, 'Confirm');
    await expectAlert(canvas, 'That code is not right. Check it and try again.');
    await expectInvalid(canvas, 'Code *');
  },
};

export const EmailSuccess: Story = {
  name: 'Email: Success',
  loaders: load({ backend: EMAIL_MFA_POOL, seed: emailStep }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Code *', scenarioOf(context).code('emma', 'MFA'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

/** USER_AUTH: Sid chose a texted code as the way to sign in (no password at all). */
export const SmsFirstFactor: Story = {
  name: 'SMS as the first factor: Success',
  loaders: load({
    backend: { allowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'] },
    config: { authenticationFlowType: 'USER_AUTH' },
    seed: async (s) => {
      await s.user('sid');
      await s.auth.signIn({ username: 'sid' });
      await s.auth.confirmSignIn({ challengeResponse: 'SMS_OTP' });
    },
  }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await expectScreen(canvas, 'Confirm SMS Code');
    await fill(canvas, 'Code *', scenarioOf(context).code('sid', 'SIGN_IN'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

/** USER_AUTH: Eve asked for an email code as the way to sign in; a code chosen so can be sent again. */
const EMAIL_FIRST_FACTOR = load({
  backend: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] },
  config: { authenticationFlowType: 'USER_AUTH' },
  seed: async (s) => {
    await s.user('eve');
    await s.auth.signIn({ username: 'eve', options: { preferredChallenge: 'EMAIL_OTP' } });
  },
});

export const EmailFirstFactorResent: Story = {
  name: 'Email code as the first factor: Resend Code, then Success',
  loaders: EMAIL_FIRST_FACTOR,
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await expectScreen(canvas, 'Confirm Email Code');
    await press(canvas, 'Resend Code');
    await canvas.findByText('A new code is on its way.');
    await fill(canvas, 'Code *', scenarioOf(context).code('eve', 'SIGN_IN'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

export const EmailFirstFactorResending: Story = {
  name: 'Email code as the first factor: Resending',
  loaders: EMAIL_FIRST_FACTOR,
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    scenarioOf(context).hold('InitiateAuth');
    await press(canvas, 'Resend Code');
    await expectBusy(canvas, 'Sending');
  },
};

export const BackToSignIn: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Back to Sign In');
    await expectScreen(canvas, 'Sign in to your account');
  },
};
