// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AmplifyOutputs, FetchLike } from '../../src/core/index';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import outputs from '../fixtures/config/amplify_outputs.json';
import { axeViolations, click, findScreen } from './support';

/** A Gen 2 pool: email as username, phone number required, a 10-character policy without symbols, Google sign-in. */
const GEN2: AmplifyOutputs = {
  ...outputs,
  auth: {
    ...outputs.auth,
    username_attributes: ['email'],
    standard_required_attributes: ['phone_number'],
    user_verification_types: ['email'],
    password_policy: { min_length: 10, require_lowercase: true, require_uppercase: false, require_numbers: true, require_symbols: false },
    oauth: { ...outputs.auth.oauth, identity_providers: ['GOOGLE'] },
  },
};

// Rendering asks Cognito nothing: a request would mean the test reaches the network.
const noNetwork: FetchLike = () => Promise.reject(new Error('no request expected'));

function renderWithConfig(ui: ReactNode) {
  return render(
    <AuthProvider config={GEN2} options={{ fetch: noNetwork }}>
      {ui}
    </AuthProvider>,
    { reactStrictMode: true },
  );
}

/** The names of the password rules listed under the new password. */
function ruleNames(): string[] {
  return [...document.querySelectorAll('.crk-password-rules li')].map((item) => (item as HTMLElement).dataset['rule'] ?? '');
}

describe('<Authenticator> defaults from the config’s poolSettings', () => {
  beforeEach(() => localStorage.clear());

  it('signs in with email and offers Google, with no props', async () => {
    const { container } = renderWithConfig(<Authenticator />);
    await findScreen('Sign in to your account');
    expect(screen.getByLabelText('Email')).toHaveProperty('type', 'email');
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign In with Google' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign In with Apple' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('asks for the required phone number on sign-up and lists the pool’s password rules', async () => {
    const { container } = renderWithConfig(<Authenticator initialState="signUp" />);
    await findScreen('Create your account');
    expect(screen.getByLabelText('Email')).toHaveProperty('type', 'email');
    expect(screen.getByLabelText('Phone Number')).toHaveProperty('type', 'tel');
    // The verified email is the username already: not asked twice.
    expect(screen.getAllByLabelText('Email')).toHaveLength(1);
    expect(ruleNames()).toEqual(['minLength', 'lowercase', 'number']);
    expect(screen.getByText('Password must have at least 10 characters', { exact: false })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('asks for no attribute on sign-up when the config names none, as Amplify UI (no default email field)', async () => {
    const { standard_required_attributes: _required, user_verification_types: _verified, username_attributes: _login, ...auth } = GEN2.auth;
    render(
      <AuthProvider config={{ ...GEN2, auth }} options={{ fetch: noNetwork }}>
        <Authenticator initialState="signUp" />
      </AuthProvider>,
    );
    await findScreen('Create your account');
    const labels = [...document.querySelectorAll('form label')].map((label) => label.textContent);
    expect(labels).toEqual(['Username', 'Password', 'Confirm Password']);
    expect(screen.queryByLabelText('Email')).toBeNull();
  });

  it('lets explicit props override each default', async () => {
    renderWithConfig(
      <Authenticator
        initialState="signUp"
        loginMechanisms={['username']}
        signUpAttributes={['name']}
        socialProviders={[]}
        passwordPolicy={{ minLength: 8, requireSymbols: true }}
      />,
    );
    await findScreen('Create your account');
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.queryByLabelText('Phone Number')).toBeNull();
    expect(screen.getByLabelText('Name')).toBeTruthy();
    expect(ruleNames()).toEqual(['minLength', 'lowercase', 'uppercase', 'number', 'symbol']);
    click('tab', 'Sign In');
    await findScreen('Sign in to your account');
    expect(screen.queryByRole('button', { name: 'Sign In with Google' })).toBeNull();
  });
});
