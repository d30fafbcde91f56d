// @vitest-environment jsdom
/**
 * <ChangePassword> (ui-react's AccountSettings.ChangePassword) on the test backend: the user types,
 * Cognito changes the password (or refuses), and axe checks each state.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../../src/core/index';
import { ChangePassword, type ValidatorOptions } from '../../../src/ui/index';
import { en } from '../../../src/ui/i18n/en';
import { useEngineBackend } from '../../support/engine';
import { RecordingStorage } from '../../support/recordingStorage';
import { axeViolations, expectAlert } from '../support';
import { passwordWorks, renderSignedIn, signedInUser } from './support';

const NEW_PASSWORD = 'N3w!Passw0rd';
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('<ChangePassword>', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('changes the password at Cognito, says so, empties the fields and calls onSuccess', async () => {
    const k = kit();
    const { username, password, auth } = await signedInUser(k, 'cpw');
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <ChangePassword onSuccess={onSuccess} />);
    expect(await axeViolations(container)).toEqual([]);
    const submit = screen.getByRole('button', { name: 'Update password' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);

    await user.type(screen.getByLabelText('Current Password'), password);
    await user.type(screen.getByLabelText('New Password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm Password'), NEW_PASSWORD);
    await user.click(submit);

    expect((await screen.findByText(en['account.passwordUpdated'])).getAttribute('role')).toBe('status');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(value('Current Password')).toBe('');
    expect(value('New Password')).toBe('');
    expect(screen.getByLabelText('New Password').hasAttribute('aria-invalid')).toBe(false);
    expect(await passwordWorks(k, username, NEW_PASSWORD)).toBe(true);
    expect(await passwordWorks(k, username, password)).toBe(false);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a wrong current password shows the error, keeps what was typed and calls onError with the typed error', async () => {
    const k = kit();
    const { username, password, auth } = await signedInUser(k, 'cpx');
    const onError = vi.fn();
    const consoleCalls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <ChangePassword onError={onError} />);

    await user.type(screen.getByLabelText('Current Password'), 'Wr0ng!Password');
    await user.type(screen.getByLabelText('New Password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm Password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Update password' }));

    await expectAlert(en['error.NotAuthorizedException']);
    expect(onError).toHaveBeenCalledWith(expect.any(AuthError));
    expect((onError.mock.calls[0]?.[0] as AuthError).name).toBe('NotAuthorizedException');
    expect(value('Current Password')).toBe('Wr0ng!Password');
    expect(value('New Password')).toBe(NEW_PASSWORD);
    expect(value('Confirm Password')).toBe(NEW_PASSWORD);
    expect(await passwordWorks(k, username, password)).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
    // Neither password reaches the console, nor the DOM's attributes (secret fields are uncontrolled).
    const printed = consoleCalls.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' ')));
    expect(printed.filter((line) => line.includes('Wr0ng!Password') || line.includes(NEW_PASSWORD))).toEqual([]);
    expect(container.innerHTML).not.toContain(NEW_PASSWORD);
  });

  it("lists the pool's password rules under the new password, linked to it, and refuses a password that breaks them", async () => {
    const k = kit();
    const { auth } = await signedInUser(k, 'cpr');
    k.backend.resetCounts();
    const user = userEvent.setup();
    renderSignedIn(auth, <ChangePassword />);
    const newPassword = screen.getByLabelText('New Password');
    expect(newPassword.getAttribute('aria-describedby')).toBeTruthy();
    // Each rule has its own id, all named by the field.
    const described = newPassword.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).toContain(en['passwordPolicy.uppercase']);

    await user.type(screen.getByLabelText('Current Password'), 'anything');
    await user.type(newPassword, 'short');
    await user.type(screen.getByLabelText('Confirm Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Update password' }));

    expect(newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(en['passwordPolicy.error'])).toBeTruthy();
    expect(k.backend.count('ChangePassword')).toBe(0);
  });

  it('runs the validators as Amplify UI does (onTouched: from the first blur), says when the passwords differ, and keeps the button off meanwhile', async () => {
    const k = kit();
    const { auth } = await signedInUser(k, 'cpv');
    const noCompany: ValidatorOptions = { validationMode: 'onTouched', validator: (v) => !/acme/i.test(v), message: 'Do not use the company name' };
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <ChangePassword validators={[noCompany]} />);

    await user.type(screen.getByLabelText('Current Password'), 'anything');
    await user.type(screen.getByLabelText('New Password'), 'Acme!2024x');
    expect(screen.queryByText('Do not use the company name')).toBeNull();
    await user.type(screen.getByLabelText('Confirm Password'), 'Acme!2024y');
    await user.tab();

    expect(screen.getByText('Do not use the company name')).toBeTruthy();
    expect(screen.getByText(en['field.passwordMismatch'])).toBeTruthy();
    expect(screen.getByLabelText('New Password').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Update password' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders the components and displayText overrides with the props the defaults get', async () => {
    const k = kit();
    const { auth } = await signedInUser(k, 'cpo');
    renderSignedIn(
      auth,
      <ChangePassword
        displayText={{ updatePasswordButtonText: 'Save' }}
        components={{
          SubmitButton: ({ children, ...props }) => <button {...props} data-custom="">{children}</button>,
          // ui-react's pattern: wrap the default part, changing one prop.
          CurrentPasswordField: (props) => <ChangePassword.CurrentPasswordField {...props} label="Password now" />,
        }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('data-custom')).toBe(true);
    expect(screen.getByLabelText('Password now').getAttribute('autocomplete')).toBe('current-password');
  });
});
