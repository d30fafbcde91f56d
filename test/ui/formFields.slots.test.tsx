// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, findScreen, renderWithAuth, type } from './support';

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label);
}

/** The elements the field's `aria-describedby` names. */
function describedBy(label: string): HTMLElement[] {
  const ids = (input(label).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).filter((element): element is HTMLElement => element !== null);
}

describe('Password rules: live aria-invalid, each rule named by aria-describedby', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('is not invalid while empty, invalid as soon as a typed password breaks a rule, valid once every rule is met', async () => {
    const { container } = renderWithAuth(kit(), <Authenticator initialState="signUp" />);
    await findScreen('Create your account');
    expect(input('Password').hasAttribute('aria-invalid')).toBe(false);
    const rules = describedBy('Password');
    expect(rules.map((rule) => rule.dataset['rule'])).toEqual(['minLength', 'lowercase', 'uppercase', 'number', 'symbol']);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(5);
    expect(rules[0]?.textContent).toContain('Password must have at least 8 characters');

    type('Password', 'abc');
    // Live, before any submit, and no error text yet.
    expect(input('Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    type('Password', 'abcDEF12!');
    expect(input('Password').hasAttribute('aria-invalid')).toBe(false);
  });

  it('the same on the reset and forced new password screens (through NewPasswordFields)', async () => {
    const k = kit();
    const username = uniqueName('nr');
    const password = strongPassword();
    await k.backend.createUser({ username, password, status: 'FORCE_CHANGE_PASSWORD' });
    renderWithAuth(k, <Authenticator />);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    await findScreen('Change Password');
    expect(input('Password').placeholder).toBe('Enter your Password');
    expect(input('Confirm Password').placeholder).toBe('Please confirm your Password');
    expect(describedBy('Password')).toHaveLength(5);
    type('Password', 'short');
    expect(input('Password').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('forceNewPassword asks only for the missing attributes it has a field for', () => {
  const kit = useEngineBackend({ requiredAttributesOnNewPassword: ['name', 'birthdate', 'address'] });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('the user has a name: asks for the birthdate (a date); the address comes from the app’s own ForceNewPassword.FormFields', async () => {
    const k = kit();
    const username = uniqueName('fa');
    const password = strongPassword();
    await k.backend.createUser({ username, password, status: 'FORCE_CHANGE_PASSWORD', attributes: { name: 'Ada' } });
    const { container } = renderWithAuth(
      k,
      <Authenticator
        components={{
          ForceNewPassword: {
            FormFields: () => (
              <>
                <Authenticator.ForceNewPassword.FormFields />
                <label>
                  Postal address
                  <input name="address" />
                </label>
              </>
            ),
          },
        }}
      />,
    );
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    await findScreen('Change Password');
    expect(screen.queryByLabelText('Name')).toBeNull();
    expect(input('Birthdate').type).toBe('date');
    expect(screen.queryByLabelText('Address')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    const newPassword = strongPassword();
    type('Password', newPassword);
    type('Confirm Password', newPassword);
    type('Birthdate', '1990-12-10');
    type('Postal address', '1 Main St');
    click('button', 'Change Password');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(k.backend.getUser(username)?.attributes).toMatchObject({ name: 'Ada', birthdate: '1990-12-10', address: '1 Main St' });
  });
});

describe('components.SignUp.FormFields', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('renders the default fields next to the app’s own: a terms checkbox (not sent) and a custom attribute (sent)', async () => {
    const k = kit();
    const username = uniqueName('tc');
    const password = strongPassword();
    const { container } = renderWithAuth(
      k,
      <Authenticator
        initialState="signUp"
        signUpAttributes={['email']}
        components={{
          SignUp: {
            FormFields: () => (
              <>
                <Authenticator.SignUp.FormFields />
                <label>
                  Team
                  <input name="custom:team" />
                </label>
                <label>
                  <input type="checkbox" name="acknowledgement" value="yes" /> I agree with the Terms and Conditions
                </label>
              </>
            ),
          },
        }}
      />,
    );
    await findScreen('Create your account');
    const form = screen.getByRole('form');
    expect([...form.querySelectorAll('input')].map((field) => field.name)).toEqual(['username', 'password', 'confirm_password', 'email', 'custom:team', 'acknowledgement']);
    expect(within(form).getByText('Password requirements:')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    type('Team', 'Blue');
    fireEvent.click(screen.getByRole('checkbox', { name: 'I agree with the Terms and Conditions' }));
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    const attributes = k.backend.getUser(username)?.attributes ?? {};
    expect(attributes['custom:team']).toBe('Blue');
    expect(attributes['acknowledgement']).toBeUndefined();
  });
});

describe('Social buttons on both tabs', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('"Sign In with …" / "Sign Up with …", each with an aria-hidden logo, then an "or" divider before the form', async () => {
    const { container } = renderWithAuth(kit(), <Authenticator socialProviders={['google', 'apple']} />);
    await findScreen('Sign in to your account');
    const google = screen.getByRole('button', { name: 'Sign In with Google' });
    // The logos come in their own chunk, after the text.
    await waitFor(() => expect(google.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true'));
    click('tab', 'Create Account');
    await findScreen('Create your account');
    const signUpGoogle = screen.getByRole('button', { name: 'Sign Up with Google' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign Up with Apple' }).querySelector('svg')).toBeTruthy());
    const divider = screen.getByText('or');
    // Buttons, then "or", then the form's first field.
    expect(signUpGoogle.compareDocumentPosition(divider) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(divider.compareDocumentPosition(input('Username')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
