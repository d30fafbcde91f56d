import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator } from 'cognito-react-kit';
import { expect, waitFor } from 'storybook/test';
import { canvasOf, expectScreen, expectSignedIn, fill, press } from './support/play';
import { HOSTED_UI_DOMAIN, NEW_PASSWORD, PASSWORD } from './support/scenario';
import { load, scenarioOf, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/Authenticator',
  component: Authenticator,
  decorators: [withAuthProvider],
  loaders: load({ seed: async (s) => void (await s.user('alice')) }),
  // `system` (not the default `light`), so the toolbar's theme (`data-theme` on the wrapper) applies.
  args: { colorMode: 'system' },
} satisfies Meta<typeof Authenticator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in to your account');
    await canvas.findByRole('tab', { name: 'Create Account' });
  },
};

export const Loading: Story = {
  name: 'Loading (a stored session is being refreshed)',
  loaders: load({
    seed: async (s) => {
      // Alice signed in earlier and reopens the app two hours later: her tokens expired, so the
      // engine refreshes them first (held here, so the story stays on the loading state).
      await s.user('alice');
      await s.auth.signIn('alice', PASSWORD);
      s.advanceAppClock(2 * 3600_000);
      s.hold('InitiateAuth');
      s.auth.configure({ authenticationFlowType: 'USER_PASSWORD_AUTH' });
    },
  }),
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('status');
    await expect(canvasElement.querySelector('.crk-authenticator')).toHaveAttribute('data-screen', 'loading');
  },
};

export const SignUpToSignedIn: Story = {
  name: 'Walkthrough: sign up → confirm → signed in (auto sign-in)',
  // The email the code goes to: as in Amplify UI, sign-up asks for no attribute the app or config does not name.
  args: { signUpAttributes: ['email'] },
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    await context.step('create the account', async () => {
      await press(canvas, 'Create Account', 'tab');
      await fill(canvas, 'Username', 'nina');
      await fill(canvas, 'Password', PASSWORD);
      await fill(canvas, 'Confirm Password', PASSWORD);
      await fill(canvas, 'Email', 'nina@example.com');
      await press(canvas, 'Create Account');
    });
    await context.step('type the emailed code', async () => {
      await expectScreen(canvas, 'We Emailed You');
      await fill(canvas, 'Confirmation Code', s.code('nina', 'SIGN_UP'));
      await press(canvas, 'Confirm');
    });
    await context.step('signed in with the password typed on sign-up', async () => {
      await expectSignedIn(canvas);
    });
  },
};

export const SmsMfa: Story = {
  name: 'Walkthrough: sign in → SMS MFA',
  loaders: load({ seed: async (s) => void (await s.user('sam', { mfa: { sms: true } })) }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Username', 'sam');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectScreen(canvas, 'Confirm SMS Code');
    await fill(canvas, 'Code *', scenarioOf(context).code('sam', 'MFA'));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
  },
};

export const TotpSetup: Story = {
  name: 'Walkthrough: sign in → TOTP setup (pool requires MFA)',
  args: { totpIssuer: 'Storybook' },
  loaders: load({ backend: { mfaConfiguration: 'ON' }, seed: async (s) => void (await s.user('nia')) }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    await fill(canvas, 'Username', 'nia');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectScreen(canvas, 'Setup TOTP');
    const step = s.auth.getState().nextStep;
    const secret = step?.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' ? step.totpSetupDetails.sharedSecret : '';
    await canvas.findByText(secret);
    await fill(canvas, 'Code *', await s.totp(secret));
    await press(canvas, 'Confirm');
    await expectSignedIn(canvas);
    await expect(s.backend.getUser('nia')?.mfa.totp).toBe(true);
  },
};

export const ResetPassword: Story = {
  name: 'Walkthrough: forgot password → code → new password → sign in',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Forgot your password?');
    await expectScreen(canvas, 'Reset Password');
    await fill(canvas, 'Enter your username', 'alice');
    await press(canvas, 'Send code');
    await canvas.findByRole('button', { name: 'Submit' }, { timeout: 5000 });
    await fill(canvas, 'Code *', scenarioOf(context).code('alice', 'FORGOT_PASSWORD'));
    await fill(canvas, 'New Password', NEW_PASSWORD);
    await fill(canvas, 'Confirm Password', NEW_PASSWORD);
    await press(canvas, 'Submit');
    await expectScreen(canvas, 'Sign in to your account');
    await fill(canvas, 'Username', 'alice');
    await fill(canvas, 'Password', NEW_PASSWORD);
    await press(canvas, 'Sign in');
    await expectSignedIn(canvas);
  },
};

export const VerifyContact: Story = {
  name: 'Walkthrough: sign in → verify an unverified email',
  loaders: load({ seed: async (s) => void (await s.user('val', { attributes: { email: 'val@example.com', email_verified: 'false' } })) }),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Username', 'val');
    await fill(canvas, 'Password', PASSWORD);
    await press(canvas, 'Sign in');
    await expectScreen(canvas, 'Account recovery requires verified contact information');
    await press(canvas, 'Verify');
    // The code screen has the same heading (Amplify UI's): its code field says it arrived.
    await canvas.findByLabelText('Code *', {}, { timeout: 5000 });
    await fill(canvas, 'Code *', scenarioOf(context).code('val', 'VERIFY_ATTRIBUTE'));
    await press(canvas, 'Submit');
    await expectSignedIn(canvas);
  },
};

export const CustomFormFields: Story = {
  name: 'Custom formFields (labels, placeholders, order, extra attribute)',
  args: {
    initialState: 'signUp',
    formFields: {
      signIn: { username: { label: 'Your handle', placeholder: 'e.g. ada' } },
      signUp: {
        email: { label: 'Work email', order: 1, placeholder: 'you@company.com' },
        'custom:team': { label: 'Team', order: 2, isRequired: true },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    const labels = [...canvasElement.querySelectorAll('.crk-field__label')].map((label) => label.textContent);
    await expect(labels.slice(0, 2)).toEqual(['Work email', 'Team']);
    await press(canvas, 'Sign In', 'tab');
    await expect(await canvas.findByLabelText('Your handle')).toHaveAttribute('placeholder', 'e.g. ada');
  },
};

function Brand() {
  return <p className="crk-text">Acme Corp</p>;
}

function Legal() {
  return <p className="crk-text">By signing in you accept the terms.</p>;
}

function SignInHelp() {
  return <p className="crk-text">Use your Acme account.</p>;
}

export const Slots: Story = {
  name: 'Slots (components: Header, Footer, SignIn.Footer)',
  args: { components: { Header: Brand, Footer: Legal, SignIn: { Footer: SignInHelp } } },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByText('Acme Corp');
    await canvas.findByText('By signing in you accept the terms.');
    await canvas.findByText('Use your Acme account.');
  },
};

export const HideSignUp: Story = {
  args: { hideSignUp: true },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Sign in to your account');
    await expect(canvas.queryByRole('tab', { name: 'Create Account' })).toBeNull();
  },
};

export const SocialProviders: Story = {
  name: 'socialProviders (hosted UI)',
  args: { socialProviders: ['google', 'facebook', 'amazon', 'apple'] },
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Sign In with Google');
    // The engine sends the browser to the hosted UI; the story records the address instead of leaving.
    const s = scenarioOf(context);
    await waitFor(() => expect(s.navigations).toHaveLength(1));
    const url = new URL(s.navigations[0] ?? '');
    await expect(url.host).toBe(HOSTED_UI_DOMAIN);
    await expect(url.searchParams.get('identity_provider')).toBe('Google');
    await expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  },
};

export const Modal: Story = {
  name: 'Modal variation',
  args: { variation: 'modal' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Sign in to your account');
    await expect(canvasElement.querySelector('.crk-authenticator')).toHaveAttribute('data-variation', 'modal');
  },
};

export const Dark: Story = {
  name: 'colorMode: dark',
  args: { colorMode: 'dark' },
};

export const French: Story = {
  name: 'language: fr',
  args: { language: 'fr' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Connexion à votre compte');
  },
};

export const PasswordPolicy: Story = {
  name: 'passwordPolicy (the pool’s rules under the password)',
  args: { initialState: 'signUp', passwordPolicy: { minLength: 12, requireSymbols: false } },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await canvas.findByText('Password must have at least 12 characters');
    await expect(canvas.queryByText('Password must have special characters')).toBeNull();
  },
};

export const SignedInApp: Story = {
  name: 'Signed in: the app as a render function',
  args: { children: ({ user }) => <h1>Welcome to the app, {user.username}</h1> },
  loaders: load({
    seed: async (s) => {
      await s.user('alice');
      await s.auth.signIn('alice', PASSWORD);
    },
  }),
  play: async ({ canvasElement }) => {
    await canvasOf(canvasElement).findByRole('heading', { name: 'Welcome to the app, alice' });
  },
};
