/**
 * The ported Amplify app's own behaviour tests, run on the test backend and on cognito-local
 * (app.backend.test.tsx, app.cognitoLocal.test.tsx). They drive it as its team's tests drove the
 * Amplify original: by Amplify UI's labels and the app's own slots, formFields, services,
 * useAuthenticator, I18n vocabularies, withAuthenticator and the modal variation.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import type { ComponentType } from 'react';
import { axeViolations } from '../ui/support';

/** What each side of the port provides: the app's module, and its Amplify (or kit) `I18n` and `signOut`. */
export interface PortedApp {
  configureApp(outputs: never): void;
  Shell: ComponentType;
  ReportsPage: ComponentType<{ title: string }>;
  I18n: { setLanguage(language: string): void };
  signOut(): Promise<void>;
}

export interface PortServer {
  /** A config as the app's `amplify_outputs` / aws-exports would give it. */
  config(): object;
  /** The newest code sent to this user (sign-up or reset). */
  lastCode(username: string): string;
  /** Creates a confirmed user. */
  createUser(username: string, password: string): Promise<void>;
}

export function portBehaviour(app: PortedApp, server: () => PortServer, { password, unique }: { password: string; unique: (prefix: string) => string }): void {
  const { Shell, ReportsPage, I18n, signOut } = app;
  let configured = false;
  const start = () => {
    if (!configured) app.configureApp(server().config() as never);
    configured = true;
  };
  /** Waits for the signed-in page; a pool that has not verified the address (cognito-local) asks first, and the user skips. */
  const signedIn = async (heading: string): Promise<void> => {
    await waitFor(() => expect(screen.queryByRole('heading', { name: heading }) ?? screen.queryByRole('button', { name: 'Skip' })).not.toBeNull(), { timeout: 20_000 });
    screen.queryByRole('button', { name: 'Skip' })?.click();
    expect(await screen.findByRole('heading', { name: heading }, { timeout: 20_000 })).toBeDefined();
  };
  afterEach(async () => {
    await signOut().catch(() => undefined);
    I18n.setLanguage('en');
  });

  it('sign-up: ordered, relabelled fields, the terms checkbox gates submit, the address is stored lower-cased, then signed in', async () => {
    start();
    const user = userEvent.setup();
    const { container } = render(<Shell />);
    expect(await screen.findByText('Not signed in')).toBeDefined();
    await user.click(await screen.findByRole('tab', { name: 'Create Account' }));
    const form = screen.getByRole('tabpanel');
    // formFields' order, then the app's own checkbox after the default fields.
    const names = [...form.querySelectorAll('input')].map((field) => field.name).filter(Boolean);
    expect(names).toEqual(['email', 'password', 'confirm_password', 'acknowledgement']);
    const name = unique('Port');
    const typed = `${name}@Example.COM`;
    await user.type(screen.getByLabelText('Work email'), typed);
    await user.type(screen.getByLabelText('Password'), password);
    await user.type(screen.getByLabelText('Repeat password'), password);
    const submit = within(form).getByRole('button', { name: 'Create Account' });
    await waitFor(() => expect(screen.getByText('You must agree to the Terms and Conditions')).toBeDefined());
    expect(submit).toHaveProperty('disabled', true);
    // fireEvent: user-event's click on this checkbox never reaches React's form-level onChange in jsdom (Amplify's and ours alike).
    fireEvent.click(screen.getByLabelText('I agree with the Terms and Conditions'));
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    expect(await axeViolations(container)).toEqual([]);
    // Submitted as the form (Enter or the button): Amplify's button handler needs form.requestSubmit(), which jsdom lacks.
    fireEvent.submit(submit.closest('form') as HTMLFormElement);

    const lower = typed.toLowerCase();
    const code = await screen.findByLabelText('Emailed code', undefined, { timeout: 5000 });
    expect(code.getAttribute('placeholder')).toBe('6 digits');
    await user.type(code, server().lastCode(lower));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    // Amplify's auto sign-in misses here (it matches the confirmation's typed username against the
    // lower-cased one signed up); the kit signs in. Either way the lower-cased address is the account.
    await waitFor(() => expect(screen.queryByRole('heading', { name: `Hello ${lower}` }) ?? screen.queryByRole('button', { name: 'Skip' }) ?? screen.queryByRole('button', { name: 'Sign in' })).not.toBeNull(), { timeout: 20_000 });
    if (screen.queryByRole('button', { name: 'Sign in' })) {
      await user.type(screen.getByLabelText('Work email'), lower);
      await user.type(screen.getByLabelText('Password'), password);
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
    }
    await signedIn(`Hello ${lower}`);
    expect(screen.getByText(`Signed in as ${lower}`, { exact: false })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('Not signed in')).toBeDefined();
  }, 60_000);

  it('sign-in: the app header, footer and per-screen slots, its vocabulary, and a footer button that opens the reset', async () => {
    start();
    const name = unique('port');
    const email = `${name}@example.com`;
    await server().createUser(email, password);
    const user = userEvent.setup();
    const { container } = render(<Shell />);
    expect(await screen.findByText('Welcome back to Acme')).toBeDefined();
    const card = container.querySelector('[data-amplify-router], .crk-authenticator__card') ?? container;
    // The app's Header comes before the card and its Footer after it.
    const brand = screen.getByText('Acme Corp');
    const legal = screen.getByText('© Acme Corp');
    expect(brand.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(legal.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    // The screen's own footer replaces the default one (with its "Forgot your password?").
    expect(screen.queryByRole('button', { name: 'Forgot your password?' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Trouble signing in?' }));
    expect(await screen.findByRole('heading', { name: 'Reset Password' })).toBeDefined();
    // The app's English vocabulary renames it.
    await user.click(screen.getByRole('button', { name: 'Return to sign-in' }));

    await user.type(await screen.findByLabelText('Work email'), email);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await signedIn(`Hello ${email}`);
  });

  it('withAuthenticator: the modal variation without sign-up, then the page with its own props; signing out brings sign-in back', async () => {
    start();
    const name = unique('rep');
    const email = `${name}@example.com`;
    await server().createUser(email, password);
    const user = userEvent.setup();
    render(<ReportsPage title="Quarterly" />);
    await user.type(await screen.findByLabelText('Email'), email);
    expect(document.querySelector('[data-variation="modal"]')).not.toBeNull();
    expect(screen.queryByRole('tab', { name: 'Create Account' })).toBeNull();
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await signedIn(`Quarterly for ${email}`);
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByLabelText('Email')).toBeDefined();
  });

  it('I18n.setLanguage: the vocabulary the app put, and the built-in language for the rest', async () => {
    start();
    I18n.setLanguage('fr');
    render(<Shell />);
    expect(await screen.findByRole('tab', { name: 'Créer un compte' }, { timeout: 5000 })).toBeDefined();
    expect(screen.getByRole('tab', { name: 'Se connecter' })).toBeDefined();
  });
}
