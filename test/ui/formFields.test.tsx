// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { warnUnknownFields, type FormFields } from '../../src/ui/primitives/formFields';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, findScreen, renderWithAuth, type } from './support';

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label);
}

function formInputs(): HTMLInputElement[] {
  return [...screen.getByRole('form').querySelectorAll('input')];
}

/** The SignUp request Cognito got for `username`. */
function signUpAttributes(requests: { operation: string; input: unknown }[], username: string): Record<string, string> {
  const request = requests.find((r) => r.operation === 'SignUp' && (r.input as { Username?: string }).Username === username);
  const list = (request?.input as { UserAttributes?: { Name: string; Value: string }[] } | undefined)?.UserAttributes ?? [];
  return Object.fromEntries(list.map((attribute) => [attribute.Name, attribute.Value]));
}

describe('<Authenticator formFields> with Amplify UI’s options', () => {
  const kit = useEngineBackend();
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    kit().storage = new RecordingStorage();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it("every field has Amplify UI's placeholder by default", async () => {
    const { container } = renderWithAuth(kit(), <Authenticator signUpAttributes={['email']} />);
    await findScreen('Sign in to your account');
    expect(input('Username').placeholder).toBe('Enter your Username');
    expect(input('Password').placeholder).toBe('Enter your Password');
    click('tab', 'Create Account');
    await findScreen('Create your account');
    expect(input('Confirm Password').placeholder).toBe('Please confirm your Password');
    expect(input('Email').placeholder).toBe('Enter your Email');
    expect(await axeViolations(container)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('signIn: label, labelHidden, placeholder, order, isRequired and type apply', async () => {
    const formFields: FormFields = {
      signIn: {
        username: { label: 'Work email', labelHidden: true, placeholder: 'you@work.example', type: 'email', order: 2 },
        password: { isRequired: false, order: 1 },
      },
    };
    const { container } = renderWithAuth(kit(), <Authenticator formFields={formFields} />);
    await findScreen('Sign in to your account');
    const username = input('Work email');
    expect(username.placeholder).toBe('you@work.example');
    expect(username.type).toBe('email');
    // Hidden label: still the accessible name, but not shown.
    expect(container.querySelector(`label[for="${username.id}"]`)?.className).toBe('crk-visually-hidden');
    expect(formInputs().map((field) => field.name)).toEqual(['password', 'username']);
    expect(input('Password').required).toBe(false);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("confirmSignUp takes Amplify UI's `confirmation_code` name; its default placeholder is \"Enter your code\"", async () => {
    const k = kit();
    const username = uniqueName('cc');
    const password = strongPassword();
    renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} formFields={{ confirmSignUp: { confirmation_code: { label: 'Emailed code' } } }} />);
    await findScreen('Create your account');
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    expect(input('Emailed code').placeholder).toBe('Enter your code');
  });

  it('signUp: phone_number with dialCode and dialCodeList', async () => {
    const { container } = renderWithAuth(
      kit(),
      <Authenticator initialState="signUp" signUpAttributes={['phone_number']} formFields={{ signUp: { phone_number: { dialCode: '+44', dialCodeList: ['+1', '+44', '+353'] } } }} />,
    );
    await findScreen('Create your account');
    const dialCode = screen.getByRole('combobox', { name: 'Country Code' }) as HTMLSelectElement;
    expect(dialCode.value).toBe('+44');
    expect([...dialCode.options].map((option) => option.value)).toEqual(['+1', '+44', '+353']);
    expect(input('Phone Number').type).toBe('tel');
    expect(input('Phone Number').placeholder).toBe('Enter your Phone Number');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('an unknown name is a development warning, never a field: on signUp only user attributes add fields and reach Cognito', async () => {
    const k = kit();
    const username = uniqueName('uk');
    const password = strongPassword();
    // A JavaScript app (or a cast) gets past the per-screen types; the run-time rule still holds.
    const formFields = { signUp: { 'custom:team': { label: 'Team' }, terms: { label: 'Terms', defaultValue: 'yes' } }, signIn: { otp: { label: 'OTP' } } } as unknown as FormFields;
    renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} formFields={formFields} />);
    await findScreen('Create your account');
    expect(screen.queryByLabelText('Terms')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('formFields.signUp names no field of this screen, ignored: terms'));
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    type('Team', 'Blue');
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    const sent = signUpAttributes(k.backend.requests(), username);
    expect(sent).toEqual({ email: `${username}@example.com`, 'custom:team': 'Blue' });
  });

  it('the warning is development-only', () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      warnUnknownFields('signIn', ['otp']);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(warn).not.toHaveBeenCalled();
    warnUnknownFields('signIn', ['otp']);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('Sign-up attributes as Amplify UI renders them', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('each attribute with its own label, input type and placeholder; attributes without a default field are skipped', async () => {
    const debug = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const attributes = ['email', 'phone_number', 'birthdate', 'website', 'profile', 'given_name', 'middle_name', 'address', 'picture', 'custom:team'];
    const { container } = renderWithAuth(kit(), <Authenticator initialState="signUp" signUpAttributes={attributes} />);
    await findScreen('Create your account');
    const fields = Object.fromEntries(formInputs().map((field) => [field.name, [field.type, field.placeholder]]));
    expect(fields).toEqual({
      username: ['text', 'Enter your Username'],
      password: ['password', 'Enter your Password'],
      confirm_password: ['password', 'Please confirm your Password'],
      email: ['email', 'Enter your Email'],
      phone_number: ['tel', 'Enter your Phone Number'],
      birthdate: ['date', 'Enter your Birthdate'],
      website: ['url', 'Add your Website'],
      profile: ['url', 'Add your Profile'],
      given_name: ['text', 'Enter your Given Name'],
      middle_name: ['text', 'Enter your Middle Name'],
    });
    expect(input('Birthdate').autocomplete).toBe('bday');
    expect(input('Website').name).toBe('website');
    expect(input('Profile').name).toBe('profile');
    expect(input('Middle Name').autocomplete).toBe('additional-name');
    expect(screen.getByRole('combobox', { name: 'Country Code' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    // The pool's own list, not the app's formFields: nothing to warn about.
    expect(debug).not.toHaveBeenCalled();
    debug.mockRestore();
  });
});
