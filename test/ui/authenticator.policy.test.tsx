// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import type { FormFields } from '../../src/ui/primitives/formFields';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, expectAlert, findScreen, renderWithAuth, type } from './support';

const UNMET = 'Your password does not meet all the requirements.';

/** The rule messages the field's `aria-describedby` names, each by its own id. */
function ruleItems(label: string): HTMLElement[] {
  const ids = (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '').split(' ');
  const items = ids.map((id) => document.getElementById(id)).filter((element) => element?.classList.contains('crk-password-rules__rule'));
  if (items.length === 0) throw new Error(`no password rules described ${label}`);
  return items as HTMLElement[];
}

/** Each rule's `data-met`, by rule name. */
function rules(label = 'Password'): Record<string, string | undefined> {
  return Object.fromEntries(ruleItems(label).map((item) => [item.dataset['rule'] ?? '', item.dataset['met']]));
}

function fillSignUp(username: string, password: string): void {
  type('Username', username);
  type('Password', password);
  type('Confirm Password', password);
  type('Email', `${username}@example.com`);
}

describe('<Authenticator passwordPolicy>', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it("lists Cognito's default rules under the new password, marked met as the user types (text and data-met)", async () => {
    const { container } = renderWithAuth(kit(), <Authenticator initialState="signUp" />);
    await findScreen('Create your account');
    expect(rules()).toEqual({ minLength: 'false', lowercase: 'false', uppercase: 'false', number: 'false', symbol: 'false' });
    const minLength = ruleItems('Password').find((item) => item.dataset['rule'] === 'minLength');
    expect(minLength?.textContent).toBe('○Password must have at least 8 characters (not met)');
    // Not a live region itself: only the one-line summary is (and it is empty until every rule is met).
    expect(ruleItems('Password')[0]?.closest('ul')?.hasAttribute('aria-live')).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(await axeViolations(container)).toEqual([]);

    type('Password', 'abc');
    expect(rules()).toEqual({ minLength: 'false', lowercase: 'true', uppercase: 'false', number: 'false', symbol: 'false' });
    type('Password', 'abcDEF12');
    expect(rules()).toEqual({ minLength: 'true', lowercase: 'true', uppercase: 'true', number: 'true', symbol: 'false' });
    expect(minLength?.textContent).toBe('✓Password must have at least 8 characters (met)');
    type('Password', 'abcDEF12!');
    expect(Object.values(rules()).every((met) => met === 'true')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Your password meets all the requirements.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('an unmet rule blocks submit: translated error on the field, no SignUp request', async () => {
    const k = kit();
    k.backend.resetCounts();
    const { container } = renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} />);
    await findScreen('Create your account');
    fillSignUp(uniqueName('weak'), 'weakpass1');
    click('button', 'Create Account');
    await expectAlert(UNMET);
    const field = screen.getByLabelText('Password');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toEqual(expect.arrayContaining(ruleItems('Password').map((item) => item.id)));
    expect(k.backend.count('SignUp')).toBe(0);
    expect(await axeViolations(container)).toEqual([]);

    // Meeting the rules clears the error while typing.
    type('Password', 'Weakpass1!');
    await waitFor(() => expect(screen.queryByText(UNMET)).toBeNull());
    expect(k.backend.count('SignUp')).toBe(0);
  });

  it('with every rule met, signs up', async () => {
    const k = kit();
    k.backend.resetCounts();
    const username = uniqueName('ok');
    renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} />);
    await findScreen('Create your account');
    fillSignUp(username, strongPassword());
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    expect(k.backend.count('SignUp')).toBe(1);
    expect(k.backend.getUser(username)).toBeTruthy();
  });

  it('a custom policy is honoured: minLength 12 shown and enforced, a rule turned off is not listed', async () => {
    const k = kit();
    k.backend.resetCounts();
    const username = uniqueName('long');
    renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} passwordPolicy={{ minLength: 12, requireSymbols: false }} />);
    await findScreen('Create your account');
    expect(Object.keys(rules())).toEqual(['minLength', 'lowercase', 'uppercase', 'number']);
    expect(screen.getByText('Password must have at least 12 characters')).toBeTruthy();

    fillSignUp(username, 'Abcdefgh1!x'); // 11 characters: met by the default policy, not by this one
    expect(rules()['minLength']).toBe('false');
    click('button', 'Create Account');
    await expectAlert(UNMET);
    expect(k.backend.count('SignUp')).toBe(0);

    const password = 'Abcdefgh1!xy';
    type('Password', password);
    type('Confirm Password', password);
    expect(rules()['minLength']).toBe('true');
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    expect(k.backend.count('SignUp')).toBe(1);
  });

  it('the reset-password screen lists the rules under the new password and blocks a weak one', async () => {
    const k = kit();
    const username = uniqueName('rp');
    await k.backend.createUser({ username, password: strongPassword(), attributes: { email: `${username}@example.com` } });
    const { container } = renderWithAuth(k, <Authenticator />);
    await findScreen('Sign in to your account');
    click('button', 'Forgot your password?');
    await findScreen('Reset Password');
    type('Enter your username', username);
    click('button', 'Send code');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy());
    expect(rules('New Password')['minLength']).toBe('false');
    expect(await axeViolations(container)).toEqual([]);
    k.backend.resetCounts();
    type('Code *', k.backend.lastCode(username, 'FORGOT_PASSWORD'));
    type('New Password', 'short');
    type('Confirm Password', 'short');
    click('button', 'Submit');
    await expectAlert(UNMET);
    expect(k.backend.count('ConfirmForgotPassword')).toBe(0);
  });

  it('translates the rules (French)', async () => {
    renderWithAuth(kit(), <Authenticator initialState="signUp" language="fr" />);
    await findScreen('Créez votre compte');
    expect(screen.getByText('Le mot de passe doit comporter au moins 8 caractères')).toBeTruthy();
    expect(screen.getByText('Exigences du mot de passe :')).toBeTruthy();
  });
});

describe('<Authenticator formFields> on the step screens', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('confirmSignUp: the code field takes the label and placeholder given', async () => {
    const k = kit();
    const username = uniqueName('ff');
    const { container } = renderWithAuth(
      k,
      <Authenticator initialState="signUp" signUpAttributes={['email']} formFields={{ confirmSignUp: { code: { label: 'Verification code', placeholder: '6 digits' } } }} />,
    );
    await findScreen('Create your account');
    fillSignUp(username, strongPassword());
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    const code = screen.getByLabelText('Verification code') as HTMLInputElement;
    expect(code.placeholder).toBe('6 digits');
    expect(code.name).toBe('code');
    expect(screen.queryByLabelText('Confirmation Code')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    type('Verification code', k.backend.lastCode(username, 'SIGN_UP'));
    click('button', 'Confirm');
    // Confirmed, then signed in by the auto sign-in.
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('confirmSignUp: a name the screen lacks is ignored with a development warning, and nothing extra reaches the Lambda triggers', async () => {
    const k = kit();
    const username = uniqueName('fx');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // A plain-JS app (or a cast) gets past the per-screen types: the run-time check still holds.
    const formFields = { confirmSignUp: { invite: { label: 'Invitation', order: 1, defaultValue: 'team-a' } } } as unknown as FormFields;
    renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} formFields={formFields} />);
    await findScreen('Create your account');
    fillSignUp(username, strongPassword());
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    expect(screen.queryByLabelText('Invitation')).toBeNull();
    expect([...document.querySelectorAll<HTMLInputElement>('form input')].map((input) => input.name)).toEqual(['code']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('formFields.confirmSignUp'));
    expect(warn.mock.calls.flat().join(' ')).toContain('invite');
    warn.mockRestore();
    type('Confirmation Code', k.backend.lastCode(username, 'SIGN_UP'));
    click('button', 'Confirm');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    const confirm = k.backend.requests().find((request) => request.operation === 'ConfirmSignUp' && (request.input as { Username?: string }).Username === username);
    expect((confirm?.input as { ClientMetadata?: unknown }).ClientMetadata).toBeUndefined();
  });

  it('forceNewPassword: an extra attribute field with a default value is saved with the new password', async () => {
    const k = kit();
    const username = uniqueName('fn');
    const password = strongPassword();
    await k.backend.createUser({ username, password, status: 'FORCE_CHANGE_PASSWORD' });
    renderWithAuth(k, <Authenticator formFields={{ forceNewPassword: { nickname: { label: 'Nickname', defaultValue: 'Foxy' } } }} />);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    await findScreen('Change Password');
    expect((screen.getByLabelText('Nickname') as HTMLInputElement).value).toBe('Foxy');
    const newPassword = strongPassword();
    type('Password', newPassword);
    type('Confirm Password', newPassword);
    click('button', 'Change Password');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(k.backend.getUser(username)?.attributes['nickname']).toBe('Foxy');
  });
});
