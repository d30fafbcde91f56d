import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator, useAuthEngine, useAuthenticator, type AuthenticatorServices } from 'cognito-react-kit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { canvasOf, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, scenarioOf, withAuthProvider } from './support/story';

/** The app's own field, outside the kit's: a terms checkbox whose error comes from `validateCustomSignUp`. */
function Terms() {
  const { validationErrors, updateForm } = useAuthenticator((context) => [context.validationErrors]);
  const error = validationErrors['acknowledgement'];
  return (
    <div className="crk-field">
      <label>
        <input type="checkbox" aria-describedby={error ? 'terms-error' : undefined} onChange={(event) => updateForm({ name: 'acknowledgement', value: event.target.checked ? 'yes' : undefined })} /> I agree with the
        Terms and Conditions
      </label>
      {error ? (
        <p className="crk-field__error" id="terms-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Amplify UI's "Override Function Calls" example, on the engine: usernames and emails are stored lower-cased. */
function WithServices() {
  const auth = useAuthEngine();
  const services: Partial<AuthenticatorServices> = {
    handleSignUp: (input) => {
      const email = input.options?.userAttributes?.['email']?.toLowerCase() ?? '';
      return auth.signUp({ ...input, username: input.username.toLowerCase(), options: { ...input.options, userAttributes: { ...input.options?.userAttributes, email } } });
    },
    validateCustomSignUp: (formData) => (formData['acknowledgement'] ? undefined : { acknowledgement: 'You must agree to the Terms and Conditions' }),
  };
  return <Authenticator initialState="signUp" signUpAttributes={['email']} colorMode="system" services={services} components={{ SignUp: { Footer: Terms } }} />;
}

const meta = {
  title: 'Authenticator/Services',
  component: WithServices,
  decorators: [withAuthProvider],
  loaders: load(),
} satisfies Meta<typeof WithServices>;
export default meta;
type Story = StoryObj<typeof meta>;

export const LowerCasedSignUp: Story = {
  name: 'handleSignUp lower-cases the email; validateCustomSignUp asks for the terms',
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    const s = scenarioOf(context);
    await expectScreen(canvas, 'Create your account');
    await context.step('the terms error holds the button', async () => {
      await fill(canvas, 'Username', 'Nina');
      await canvas.findByText('You must agree to the Terms and Conditions');
      await expect(canvas.getByRole('button', { name: 'Create Account' })).toBeDisabled();
    });
    await context.step('agree, and create the account with a mixed-case email', async () => {
      await fill(canvas, 'Password', PASSWORD);
      await fill(canvas, 'Confirm Password', PASSWORD);
      await fill(canvas, 'Email', 'Nina@Example.COM');
      await userEvent.click(canvas.getByRole('checkbox', { name: 'I agree with the Terms and Conditions' }));
      await waitFor(() => expect(canvas.getByRole('button', { name: 'Create Account' })).toBeEnabled());
      await press(canvas, 'Create Account');
    });
    await expectScreen(canvas, 'We Emailed You');
    await expect(s.backend.getUser('nina')?.attributes['email']).toBe('nina@example.com');
  },
};
