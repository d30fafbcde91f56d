import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignUp } from 'cognito-react-kit';
import { canvasOf, expectAlert, expectBusy, expectInvalid, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf, signedOutIdle, Stage, withAuthProvider } from './support/story';

const meta = {
  title: 'Authenticator/SignUp',
  component: SignUp,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={signedOutIdle} screen={<SignUp {...args} />} />,
  // The email the code goes to (as Amplify UI, no attribute is asked for unless named).
  args: { signUpAttributes: ['email'] },
  // Alice already has an account (for the "username taken" story).
  loaders: load({ seed: async (s) => void (await s.user('alice')) }),
} satisfies Meta<typeof SignUp>;
export default meta;
type Story = StoryObj<typeof meta>;

async function fillForm(canvasElement: HTMLElement, username = 'nina', password = PASSWORD, confirm = password): Promise<void> {
  const canvas = canvasOf(canvasElement);
  await fill(canvas, 'Username', username);
  await fill(canvas, 'Password', password);
  await fill(canvas, 'Confirm Password', confirm);
  await fill(canvas, 'Email', `${username}@example.com`);
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    await canvas.findByText('Password requirements:');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await canvasOf(canvasElement).findByText('Your password meets all the requirements.');
  },
};

export const WeakPassword: Story = {
  name: 'Error: password policy (checked before sending)',
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, 'nina', 'password');
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Create Account');
    await canvas.findByText('Your password does not meet all the requirements.');
  },
};

export const PasswordsDiffer: Story = {
  name: 'Error: passwords do not match (checked before sending)',
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, 'nina', PASSWORD, `${PASSWORD}x`);
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Create Account');
    await canvas.findByText('Your passwords must match');
  },
};

export const Submitting: Story = {
  play: async (context) => {
    scenarioOf(context).hold('SignUp');
    await fillForm(context.canvasElement);
    const canvas = canvasOf(context.canvasElement);
    await press(canvas, 'Create Account');
    await expectBusy(canvas, 'Creating Account');
  },
};

export const UsernameTaken: Story = {
  name: 'Error: UsernameExistsException',
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, 'alice');
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Create Account');
    await expectAlert(canvas, 'An account with this username already exists.');
    await expectInvalid(canvas, 'Username');
  },
};

export const PasswordRefused: Story = {
  name: 'Error: InvalidPasswordException',
  // The pool wants 24 characters; the form checks the default policy (8), so Cognito has the last word.
  loaders: load({ backend: { passwordPolicy: { minLength: 24 } } }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Create Account');
    await expectAlert(canvas, 'That password does not meet the requirements.');
    await expectInvalid(canvas, 'Password');
  },
};

export const Success: Story = {
  name: 'Success (the confirmation screen follows)',
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    const canvas = canvasOf(canvasElement);
    await press(canvas, 'Create Account');
    await expectScreen(canvas, 'We Emailed You');
  },
};
