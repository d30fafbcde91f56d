// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/core/index';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, findScreen, renderWithAuth, type } from './support';

const CALLBACK = 'http://localhost:3000/callback';
const SIGNED_OUT = 'http://localhost:3000/';

/** Like `renderWithAuth` (in StrictMode too), with the hosted UI on the backend and navigation captured instead of followed. */
function renderWithHostedUi(k: EngineTestKit, ui: ReactNode, navigated: string[], extra: Partial<AuthConfig> = {}) {
  const oauth = { domain: new URL(k.url).host, redirectSignIn: CALLBACK, redirectSignOut: SIGNED_OUT, responseType: 'code' as const };
  return render(
    <AuthProvider
      config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH', oauth, ...extra })}
      options={{ now: k.clock.now, environment: { navigate: (url) => navigated.push(url), currentUrl: () => SIGNED_OUT } }}
    >
      {ui}
    </AuthProvider>,
    { reactStrictMode: true },
  );
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label);
}

describe('<Authenticator socialProviders>', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('shows one "Sign In with …" button per provider; each goes to the hosted UI straight to that provider', async () => {
    const k = kit();
    const navigated: string[] = [];
    const { container } = renderWithHostedUi(k, <Authenticator socialProviders={['google', 'facebook', 'amazon', 'apple']} />, navigated);
    await findScreen('Sign in to your account');
    expect(await axeViolations(container)).toEqual([]);

    const expected = { Google: 'Google', Facebook: 'Facebook', Amazon: 'LoginWithAmazon', Apple: 'SignInWithApple' };
    for (const [brand, provider] of Object.entries(expected)) {
      // A click while the previous redirect is still being prepared is ignored (no double submit).
      await waitFor(() => expect((screen.getByRole('button', { name: `Sign In with ${brand}` }) as HTMLButtonElement).disabled).toBe(false));
      click('button', `Sign In with ${brand}`);
      await expect.poll(() => navigated.length, { timeout: 5_000 }).toBe(Object.keys(expected).indexOf(brand) + 1);
      const url = new URL(navigated[navigated.length - 1] ?? '');
      expect(url.origin + url.pathname).toBe(`${k.url}oauth2/authorize`);
      expect(url.searchParams.get('identity_provider')).toBe(provider);
      expect(url.searchParams.get('client_id')).toBe(k.backend.config.clientId);
      expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
    }
    // The captured address is one the hosted UI accepts: it shows the provider's stand-in page.
    const page = await fetch(navigated[0] ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Continue as Google user');
  });

  it('without oauth config a provider button shows the translated error', async () => {
    renderWithAuth(kit(), <Authenticator socialProviders={['google']} />);
    await findScreen('Sign in to your account');
    click('button', 'Sign In with Google');
    expect(await screen.findByText('Sign-in with a provider is not configured for this app.')).toBeTruthy();
  });
});

describe('<Authenticator loginMechanisms signUpAttributes formFields components>', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it("loginMechanisms={['phone_number']}: the first field asks for a phone number, on sign in and sign up", async () => {
    const { container } = renderWithAuth(kit(), <Authenticator loginMechanisms={['phone_number']} />);
    await findScreen('Sign in to your account');
    expect(input('Phone Number').type).toBe('tel');
    // The login, for password managers: `username`, with the phone keypad from the type.
    expect(input('Phone Number').autocomplete).toBe('username');
    expect(screen.queryByLabelText('Username')).toBeNull();
    click('tab', 'Create Account');
    await findScreen('Create your account');
    expect(input('Phone Number').type).toBe('tel');
    expect(input('Phone Number').autocomplete).toBe('username');
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a phone number is typed as a country code plus the local number, and sent as E.164 (sign in, sign up)', async () => {
    const k = kit();
    const username = uniqueName('tel');
    const { container } = renderWithAuth(
      k,
      <Authenticator initialState="signUp" signUpAttributes={['email', 'phone_number']} formFields={{ signUp: { phone_number: { dialCode: '+44' } } }} />,
    );
    await findScreen('Create your account');
    const dialCode = screen.getByRole('combobox', { name: 'Country Code' }) as HTMLSelectElement;
    expect(dialCode.value).toBe('+44');
    expect(await axeViolations(container)).toEqual([]);
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    type('Phone Number', '07700 900-123');
    fireEvent.change(dialCode, { target: { value: '+353' } });
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    expect(k.backend.getUser(username)?.attributes['phone_number']).toBe('+3537700900123');
  });

  it('a phone login keeps what was typed after a failed sign-in, country code included', async () => {
    renderWithAuth(kit(), <Authenticator loginMechanisms={['phone_number']} />);
    await findScreen('Sign in to your account');
    fireEvent.change(screen.getByRole('combobox', { name: 'Country Code' }), { target: { value: '+49' } });
    type('Phone Number', '1512 3456789');
    type('Password', password);
    click('button', 'Sign in');
    await screen.findByRole('alert');
    expect((screen.getByRole('combobox', { name: 'Country Code' }) as HTMLSelectElement).value).toBe('+49');
    expect(input('Phone Number').value).toBe('1512 3456789');
  });

  it('signUpAttributes adds labelled fields with autocomplete hints and sends them as attributes', async () => {
    const k = kit();
    const username = uniqueName('attr');
    const { container } = renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email', 'phone_number', 'name', 'given_name', 'birthdate']} />);
    await findScreen('Create your account');
    expect([input('Email').type, input('Email').autocomplete]).toEqual(['email', 'email']);
    expect([input('Phone Number').type, input('Phone Number').autocomplete]).toEqual(['tel', 'tel']);
    expect(input('Name').autocomplete).toBe('name');
    expect(input('Given Name').autocomplete).toBe('given-name');
    expect([input('Birthdate').type, input('Birthdate').autocomplete]).toEqual(['date', 'bday']);
    expect(await axeViolations(container)).toEqual([]);

    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    type('Phone Number', '+15555550123');
    type('Name', 'Ada Lovelace');
    type('Given Name', 'Ada');
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    const attributes = k.backend.getUser(username)?.attributes;
    expect(attributes).toMatchObject({ email: `${username}@example.com`, phone_number: '+15555550123', name: 'Ada Lovelace', given_name: 'Ada' });
    expect(attributes?.['birthdate']).toBeUndefined();
  });

  it('formFields: label, placeholder, default value, required and order per field; extra sign-up fields become attributes', async () => {
    const k = kit();
    const username = uniqueName('form');
    const { container } = renderWithAuth(
      k,
      <Authenticator
        formFields={{
          signIn: { username: { label: 'Your login', placeholder: 'e.g. ada', defaultValue: 'preset' }, password: { order: 1 } },
          signUp: { 'custom:team': { label: 'Team', order: 3, isRequired: true }, email: { isRequired: false, placeholder: 'you@example.com' } },
        }}
      />,
    );
    await findScreen('Sign in to your account');
    expect(input('Your login').placeholder).toBe('e.g. ada');
    expect(input('Your login').value).toBe('preset');
    const signInForm = screen.getByRole('form');
    expect([...signInForm.querySelectorAll('input')].map((field) => field.name)).toEqual(['password', 'username']);

    click('tab', 'Create Account');
    await findScreen('Create your account');
    const names = [...screen.getByRole('form').querySelectorAll('input')].map((field) => field.name);
    expect(names).toEqual(['username', 'password', 'custom:team', 'confirm_password', 'email']);
    expect(input('Team').required).toBe(true);
    expect(input('Email').required).toBe(false);
    expect(input('Email').placeholder).toBe('you@example.com');
    expect(await axeViolations(container)).toEqual([]);

    type('Username', username);
    type('Password', password);
    type('Team', 'Blue');
    type('Confirm Password', password);
    click('button', 'Create Account');
    await findScreen('We Sent A Code'); // no email: Cognito says nothing of where the code went
    expect(k.backend.getUser(username)?.attributes['custom:team']).toBe('Blue');
    expect(k.backend.getUser(username)?.attributes['email']).toBeUndefined();
  });

  it('components: Header/Footer around the card, and per screen around its form', async () => {
    const { container } = renderWithAuth(
      kit(),
      <Authenticator
        components={{
          Header: () => <p>Acme header</p>,
          Footer: () => <p>Acme footer</p>,
          SignIn: { Header: () => <p>Welcome back</p>, Footer: () => <p>Need help?</p> },
          SignUp: { Footer: () => <p>By signing up you accept the terms</p> },
        }}
      />,
    );
    await findScreen('Sign in to your account');
    const text = container.textContent ?? '';
    const order = ['Acme header', 'Welcome back', 'Sign in to your account', 'Need help?', 'Acme footer'].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(screen.queryByText('By signing up you accept the terms')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    click('tab', 'Create Account');
    await findScreen('Create your account');
    expect(screen.getByText('By signing up you accept the terms')).toBeTruthy();
    expect(screen.queryByText('Welcome back')).toBeNull();
    expect(screen.getByText('Acme header')).toBeTruthy();
  });
});

describe("<Authenticator loginMechanisms={['email']}> on an email-username pool", () => {
  const kit = useEngineBackend({ usernameAttributes: ['email'] });
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('signs up with the email as username, confirms, and is signed in with it (auto sign-in)', async () => {
    const k = kit();
    const email = `${uniqueName('eve')}@example.com`;
    const { container } = renderWithAuth(k, <Authenticator loginMechanisms={['email']}><p>The app</p></Authenticator>);
    await findScreen('Sign in to your account');
    expect([input('Email').type, input('Email').autocomplete]).toEqual(['email', 'username']);
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    click('tab', 'Create Account');
    await findScreen('Create your account');
    expect(screen.getAllByLabelText('Email')).toHaveLength(1);
    type('Email', email);
    type('Password', password);
    type('Confirm Password', password);
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    type('Confirmation Code', k.backend.lastCode(email, 'SIGN_UP'));
    k.backend.resetCounts();
    click('button', 'Confirm');

    expect(await screen.findByText('The app')).toBeTruthy();
    expect(k.backend.requests().find((request) => request.operation === 'InitiateAuth')?.input).toMatchObject({ AuthParameters: { USERNAME: email } });
    expect(k.backend.getUser(email)?.attributes['email']).toBe(email);
  });
});
