import type { Meta, StoryObj } from '@storybook/react-vite';
import { Authenticator } from 'cognito-react-kit';
import { expect } from 'storybook/test';
import { canvasOf, expectScreen, fill, press } from './support/play';
import { PASSWORD } from './support/scenario';
import { load, withAuthProvider } from './support/story';

/** The Authenticator's fields as Amplify UI's: attribute fields, placeholders, live password rules, FormFields slots, social sign-up. */
const meta = {
  title: 'Authenticator/Authenticator fields',
  component: Authenticator,
  decorators: [withAuthProvider],
  loaders: load({ seed: async (s) => void (await s.user('alice')) }),
  args: { colorMode: 'system', initialState: 'signUp' },
} satisfies Meta<typeof Authenticator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignUpAttributes: Story = {
  name: 'Sign-up attributes (each with its input type; address skipped)',
  args: { signUpAttributes: ['email', 'phone_number', 'birthdate', 'website', 'given_name', 'address'] },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    await expect(canvas.getByLabelText('Birthdate')).toHaveAttribute('type', 'date');
    await expect(canvas.getByLabelText('Website')).toHaveAttribute('type', 'url');
    await expect(canvas.getByLabelText('Phone Number')).toHaveAttribute('placeholder', 'Enter your Phone Number');
    await expect(canvas.getByRole('combobox', { name: 'Country Code' })).toBeTruthy();
    await expect(canvas.queryByLabelText('Address')).toBeNull();
  },
};

export const HiddenLabels: Story = {
  name: 'formFields: labelHidden and placeholders',
  args: { formFields: { signUp: { username: { labelHidden: true }, password: { labelHidden: true }, confirm_password: { labelHidden: true }, email: { labelHidden: true } } } },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    await expect(canvas.getByLabelText('Username')).toHaveAttribute('placeholder', 'Enter your Username');
    await expect(canvasElement.querySelectorAll('.crk-field__label')).toHaveLength(0);
  },
};

export const PasswordRulesLive: Story = {
  name: 'Password rules: aria-invalid as the user types',
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    await fill(canvas, 'Password', 'weak');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    await fill(canvas, 'Password', PASSWORD);
    await expect(canvas.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  },
};

function TermsFields() {
  return (
    <>
      <Authenticator.SignUp.FormFields />
      <label className="crk-text">
        <input type="checkbox" name="acknowledgement" value="yes" /> I agree with the Terms and Conditions
      </label>
    </>
  );
}

export const SignUpFormFields: Story = {
  name: 'components.SignUp.FormFields: the defaults and a terms checkbox',
  args: { components: { SignUp: { FormFields: TermsFields } } },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    await expect(canvas.getByLabelText('Username')).toBeTruthy();
    await expect(canvas.getByRole('checkbox', { name: 'I agree with the Terms and Conditions' })).toBeTruthy();
  },
};

export const SocialSignUp: Story = {
  name: 'Social buttons on Create Account, with logos and "or"',
  args: { socialProviders: ['google', 'facebook', 'amazon', 'apple'] },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Create your account');
    await expect(canvas.getByRole('button', { name: 'Sign Up with Google' })).toBeTruthy();
    await expect(canvas.getByText('or')).toBeTruthy();
    await press(canvas, 'Sign In', 'tab');
    await expect(await canvas.findByRole('button', { name: 'Sign In with Apple' })).toBeTruthy();
  },
};
