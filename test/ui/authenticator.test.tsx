// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, expectAlert, findScreen, renderWithAuth, type, valueOf } from './support';

describe('<Authenticator>', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function existingUser(): Promise<string> {
    const username = uniqueName('ada');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    return username;
  }

  it('signs up, confirms with the emailed code, is signed in at once (auto sign-in, as Amplify UI), shows the app, and signs out', async () => {
    const k = kit();
    const username = uniqueName('sam');
    renderWithAuth(
      k,
      <Authenticator signUpAttributes={['email']}>
        {({ user, signOut }) => (
          <main>
            <p>Hello {user.username}</p>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </main>
        )}
      </Authenticator>,
    );
    await findScreen('Sign in to your account');
    click('tab', 'Create Account');
    await findScreen('Create your account');
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    click('button', 'Create Account');

    const confirmHeading = await findScreen('We Emailed You');
    expect(document.activeElement).toBe(confirmHeading);
    expect(screen.getByText(/enter the code we emailed to/)).toBeTruthy();
    type('Confirmation Code', k.backend.lastCode(username, 'SIGN_UP'));
    k.backend.resetCounts();
    click('button', 'Confirm');

    // The password typed on sign-up signs in once the account is confirmed: no second form.
    expect(await screen.findByText(`Hello ${username}`)).toBeTruthy();
    expect(k.backend.count('ConfirmSignUp')).toBe(1);
    expect(k.backend.count('InitiateAuth')).toBe(1);
    click('button', 'Sign out');
    await findScreen('Sign in to your account');
    expect(k.backend.getUser(username)?.status).toBe('CONFIRMED');
  });

  it('a wrong password shows the translated error in role="alert", keeps the username, clears the password', async () => {
    const username = await existingUser();
    renderWithAuth(kit(), <Authenticator />);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', 'Wr0ng!password');
    click('button', 'Sign in');

    await expectAlert('Incorrect username or password.');
    expect(valueOf('Username')).toBe(username);
    expect(valueOf('Password')).toBe('');
    const passwordInput = screen.getByLabelText('Password');
    expect(passwordInput.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(passwordInput.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
  });

  it('while signing in the button is busy, says so, and a second submit sends nothing', async () => {
    const k = kit();
    const username = await existingUser();
    k.backend.resetCounts();
    renderWithAuth(k, <Authenticator />);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    const form = screen.getByRole('button', { name: 'Sign in' }).closest('form');
    if (!form) throw new Error('no form');
    fireEvent.submit(form);
    fireEvent.submit(form);
    const busy = await screen.findByRole('button', { name: 'Signing in' });
    expect(busy.hasAttribute('disabled')).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy());
    expect(k.backend.count('InitiateAuth')).toBe(1);
  });

  it('the default signed-in slot greets the user and signs out; children replace it', async () => {
    const username = await existingUser();
    const { unmount, container } = renderWithAuth(kit(), <Authenticator />);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    expect(await screen.findByText(`Signed in as ${username}@example.com`)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    click('button', 'Sign out');
    await findScreen('Sign in to your account');
    unmount();

    kit().storage = new RecordingStorage();
    renderWithAuth(kit(), <Authenticator><p>The app</p></Authenticator>);
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    expect(await screen.findByText('The app')).toBeTruthy();
  });

  it('password confirmation must match before anything is sent', async () => {
    const k = kit();
    k.backend.resetCounts();
    const { container } = renderWithAuth(k, <Authenticator initialState="signUp" signUpAttributes={['email']} />);
    await findScreen('Create your account');
    type('Username', uniqueName('mia'));
    type('Password', password);
    type('Confirm Password', `${password}x`);
    type('Email', 'mia@example.com');
    click('button', 'Create Account');
    const confirm = screen.getByLabelText('Confirm Password');
    expect(confirm.getAttribute('aria-invalid')).toBe('true');
    await expectAlert('Your passwords must match');
    expect(k.backend.count('SignUp')).toBe(0);
    expect(await axeViolations(container)).toEqual([]);
    type('Confirm Password', password);
    expect(screen.getByLabelText('Confirm Password').hasAttribute('aria-invalid')).toBe(false);
  });

  it('a taken username shows UsernameExistsException translated and keeps what was typed', async () => {
    const username = await existingUser();
    renderWithAuth(kit(), <Authenticator initialState="signUp" signUpAttributes={['email']} />);
    await findScreen('Create your account');
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', 'x@example.com');
    click('button', 'Create Account');
    await expectAlert('An account with this username already exists.');
    expect(valueOf('Username')).toBe(username);
    expect(valueOf('Email')).toBe('x@example.com');
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
  });

  it('tabs: arrow keys move between Sign In and Create Account; focus stays on the tab', async () => {
    renderWithAuth(kit(), <Authenticator />);
    await findScreen('Sign in to your account');
    const signInTab = screen.getByRole('tab', { name: 'Sign In' });
    expect(signInTab.getAttribute('aria-selected')).toBe('true');
    signInTab.focus();
    fireEvent.keyDown(signInTab, { key: 'ArrowRight' });
    await findScreen('Create your account');
    const signUpTab = screen.getByRole('tab', { name: 'Create Account' });
    expect(signUpTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(signUpTab);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(signUpTab.id);
  });

  it('hideSignUp removes the tabs; className and variation="modal" land on the root as class and data attribute', async () => {
    const { container } = renderWithAuth(kit(), <Authenticator hideSignUp initialState="signUp" className="mine" variation="modal" colorMode="dark" />);
    await findScreen('Sign in to your account');
    expect(screen.queryByRole('tab')).toBeNull();
    const root = container.querySelector('.crk-authenticator');
    expect(root?.className).toBe('crk-authenticator mine');
    expect(root?.getAttribute('data-variation')).toBe('modal');
    expect(root?.getAttribute('data-theme')).toBe('dark');
    expect(root?.getAttribute('data-screen')).toBe('signIn');
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('variation="modal" is a modal dialog named by the screen title that keeps Tab inside, until signed in', async () => {
    const username = await existingUser();
    const { container } = renderWithAuth(kit(), <Authenticator variation="modal" />);
    await findScreen('Sign in to your account');
    const dialog = screen.getByRole('dialog', { name: 'Sign in to your account' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), input, [tabindex="0"]')];
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    expect(await axeViolations(container)).toEqual([]);

    click('button', 'Forgot your password?');
    await findScreen('Reset Password');
    expect(screen.getByRole('dialog', { name: 'Reset Password' })).toBeTruthy();
    click('button', 'Back to Sign In');
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the translations prop overrides any string, errors included', async () => {
    const username = await existingUser();
    renderWithAuth(
      kit(),
      <Authenticator
        language="fr"
        translations={{ fr: { 'signIn.heading': 'Connexion', 'signIn.submit': 'Se connecter', 'field.username': "Nom d'utilisateur", 'error.NotAuthorizedException': 'Identifiants incorrects.' } }}
      />,
    );
    await findScreen('Connexion');
    type("Nom d'utilisateur", username);
    type('Mot de passe', 'Wr0ng!password'); // not overridden: the built-in French label
    click('button', 'Se connecter');
    await expectAlert('Identifiants incorrects.');
  });

  it('the first screen after loading does not take focus', async () => {
    renderWithAuth(kit(), <Authenticator />);
    const heading = await findScreen('Sign in to your account');
    expect(document.activeElement).not.toBe(heading);
  });

  it('has no axe violations on the sign-in screen, with an error, and on the sign-up screen', async () => {
    await existingUser();
    const { container } = renderWithAuth(kit(), <Authenticator />);
    await findScreen('Sign in to your account');
    expect(await axeViolations(container)).toEqual([]);
    type('Username', 'nobody-here');
    type('Password', 'Wr0ng!password');
    click('button', 'Sign in');
    await expectAlert('Incorrect username or password.');
    expect(await axeViolations(container)).toEqual([]);
    click('tab', 'Create Account');
    await findScreen('Create your account');
    expect(await axeViolations(container)).toEqual([]);
  });
});
