// @vitest-environment jsdom
/**
 * Amplify UI's `useAuthenticator(selector)` and `<Authenticator.Provider>`: a header outside the
 * Authenticator sees the route and the user and signs out; a slot moves between screens; a selector
 * re-renders only on its slice. Real engine against the test backend, user-event, axe.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../src/react/AuthProvider';
import { Authenticator } from '../../src/ui/Authenticator';
import { useAuthenticator } from '../../src/ui/useAuthenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, findScreen } from './support';

/** A page header outside the Authenticator, as apps write with Amplify UI. */
function Header() {
  const { authStatus, route, user, signOut } = useAuthenticator((context) => [context.authStatus, context.route, context.user]);
  return (
    <header>
      <p data-testid="where">
        {authStatus} / {route}
      </p>
      {user ? (
        <button type="button" onClick={() => void signOut()}>
          Log out {user.username}
        </button>
      ) : null}
    </header>
  );
}

describe('useAuthenticator and <Authenticator.Provider>', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  function app(k: EngineTestKit, body: React.ReactNode) {
    return render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })} options={{ now: k.clock.now }}>
        <Authenticator.Provider>{body}</Authenticator.Provider>
      </AuthProvider>,
      { reactStrictMode: true },
    );
  }

  it('a header outside the Authenticator follows its route and the user, and signs out', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = uniqueName('hed');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true' } });
    const { container } = app(
      k,
      <>
        <Header />
        <Authenticator>
          <p>The app</p>
        </Authenticator>
      </>,
    );
    await findScreen('Sign in to your account');
    expect(screen.getByTestId('where').textContent).toBe('unauthenticated / signIn');
    await user.click(screen.getByRole('tab', { name: 'Create Account' }));
    expect(screen.getByTestId('where').textContent).toBe('unauthenticated / signUp');
    await user.click(screen.getByRole('tab', { name: 'Sign In' }));
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('authenticated / authenticated');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: `Log out ${username}` }));
    await findScreen('Sign in to your account');
    expect(screen.getByTestId('where').textContent).toBe('unauthenticated / signIn');
  });

  it('a page with only the provider sees the stored session and signs out', async () => {
    const k = kit();
    const user = userEvent.setup();
    const username = uniqueName('pro');
    await k.backend.createUser({ username, password });
    await k.auth().signIn({ username, password });
    app(k, <Header />);
    expect(await screen.findByRole('button', { name: `Log out ${username}` })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('authenticated / authenticated');
    k.backend.resetCounts();
    await user.click(screen.getByRole('button', { name: `Log out ${username}` }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('unauthenticated / signIn'));
    expect(k.backend.count('RevokeToken')).toBe(1);
  });

  it('a slot moves between screens with toSignUp / toForgotPassword / toSignIn, inside the Authenticator without a provider', async () => {
    const user = userEvent.setup();
    function Links() {
      const { toSignUp, toForgotPassword, toSignIn, route } = useAuthenticator((context) => [context.route]);
      return (
        <nav aria-label="Elsewhere">
          <button type="button" onClick={toSignUp}>
            Go to sign-up
          </button>
          <button type="button" onClick={toForgotPassword}>
            Go to reset
          </button>
          <button type="button" onClick={toSignIn}>
            Go to sign-in ({route})
          </button>
        </nav>
      );
    }
    const k = kit();
    render(
      <AuthProvider config={k.config()} options={{ now: k.clock.now }}>
        <Authenticator components={{ Footer: Links }} />
      </AuthProvider>,
      { reactStrictMode: true },
    );
    await findScreen('Sign in to your account');
    await user.click(screen.getByRole('button', { name: 'Go to sign-up' }));
    await findScreen('Create your account');
    await user.click(screen.getByRole('button', { name: 'Go to reset' }));
    await findScreen('Reset Password');
    await user.click(screen.getByRole('button', { name: 'Go to sign-in (forgotPassword)' }));
    await findScreen('Sign in to your account');
  });

  it('a selector re-renders only on its slice: a failed sign-in changes error, not route', async () => {
    const user = userEvent.setup();
    const renders = { route: 0, error: 0 };
    function RouteOnly() {
      useAuthenticator((context) => [context.route]);
      renders.route += 1;
      return null;
    }
    function ErrorOnly() {
      const { error } = useAuthenticator((context) => [context.error]);
      renders.error += 1;
      return <p data-testid="error">{error ?? ''}</p>;
    }
    const k = kit();
    app(
      k,
      <>
        <RouteOnly />
        <ErrorOnly />
        <Authenticator />
      </>,
    );
    await findScreen('Sign in to your account');
    const before = { ...renders };
    await user.type(screen.getByLabelText('Username'), 'nobody');
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('error')).textContent).not.toBe('');
    await screen.findByRole('alert');
    expect(renders.route).toBe(before.route);
    expect(renders.error).toBeGreaterThan(before.error);
  });

  it('isPending is true while the screen\'s request runs; a [route] selector does not re-render for it', async () => {
    const user = userEvent.setup();
    const renders = { route: 0 };
    function RouteOnly() {
      useAuthenticator((context) => [context.route]);
      renders.route += 1;
      return null;
    }
    function Pending() {
      const { isPending } = useAuthenticator((context) => [context.isPending]);
      return <p data-testid="pending">{isPending ? 'busy' : 'idle'}</p>;
    }
    let release: (() => void) | undefined;
    const k = kit();
    app(
      k,
      <>
        <RouteOnly />
        <Pending />
        <Authenticator
          services={{
            // Held until the test lets go, then refused: the route never changes.
            handleSignIn: () =>
              new Promise((_resolve, reject) => {
                release = () => reject(new Error('Try again later.'));
              }),
          }}
        />
      </>,
    );
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), 'someone');
    await user.type(screen.getByLabelText('Password'), password);
    const before = renders.route;
    expect(screen.getByTestId('pending').textContent).toBe('idle');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('pending').textContent).toBe('busy'));
    act(() => release?.());
    await waitFor(() => expect(screen.getByTestId('pending').textContent).toBe('idle'));
    expect(await screen.findByText('Try again later.')).toBeTruthy();
    expect(renders.route).toBe(before);
  });

  it('updateForm fills the shown form and submitForm sends it, from a slot outside the form', async () => {
    const user = userEvent.setup();
    const k = kit();
    const username = uniqueName('upd');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true' } });
    function Autofill() {
      const { updateForm, submitForm } = useAuthenticator((context) => [context.route]);
      return (
        <>
          <button type="button" onClick={() => updateForm({ name: 'username', value: username })}>
            Fill in
          </button>
          <button type="button" onClick={() => submitForm({ password })}>
            Send it
          </button>
        </>
      );
    }
    app(
      k,
      <Authenticator components={{ SignIn: { Footer: Autofill } }}>
        <p>The app</p>
      </Authenticator>,
    );
    await findScreen('Sign in to your account');
    await user.click(screen.getByRole('button', { name: 'Fill in' }));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe(username);
    await user.click(screen.getByRole('button', { name: 'Send it' }));
    expect(await screen.findByText('The app')).toBeTruthy();
  });

  it('validationErrors follows validateCustomSignUp; a [route] selector does not re-render while typing', async () => {
    const user = userEvent.setup();
    const renders = { route: 0 };
    function RouteOnly() {
      useAuthenticator((context) => [context.route]);
      renders.route += 1;
      return null;
    }
    function Errors() {
      const { validationErrors } = useAuthenticator((context) => [context.validationErrors]);
      return <p data-testid="errors">{JSON.stringify(validationErrors)}</p>;
    }
    const k = kit();
    app(
      k,
      <>
        <RouteOnly />
        <Errors />
        <Authenticator initialState="signUp" services={{ validateCustomSignUp: (formData) => (formData['username'] === 'admin' ? { username: 'That name is taken.' } : null) }} />
      </>,
    );
    await findScreen('Create your account');
    const before = renders.route;
    await user.type(screen.getByLabelText('Username'), 'admin');
    await waitFor(() => expect(screen.getByTestId('errors').textContent).toBe('{"username":"That name is taken."}'));
    expect(screen.getByText('That name is taken.')).toBeTruthy();
    await user.type(screen.getByLabelText('Username'), 's');
    await waitFor(() => expect(screen.getByTestId('errors').textContent).toBe('{}'));
    expect(renders.route).toBe(before);
  });

  it('route is verifyUser during the contact verification, and skipVerification leaves it from outside the Authenticator', async () => {
    const user = userEvent.setup();
    const k = kit();
    const username = uniqueName('skp');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'false' } });
    function Later() {
      const { skipVerification, route } = useAuthenticator((context) => [context.route]);
      return (
        <button type="button" onClick={skipVerification}>
          Later ({route})
        </button>
      );
    }
    app(
      k,
      <>
        <Later />
        <Authenticator>
          <p>The app</p>
        </Authenticator>
      </>,
    );
    await findScreen('Sign in to your account');
    await user.type(screen.getByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await findScreen('Account recovery requires verified contact information');
    k.backend.resetCounts();
    // Amplify's route for the screen only the Authenticator knows of (the engine is signed in).
    await user.click(await screen.findByRole('button', { name: 'Later (verifyUser)' }));
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Later (authenticated)' })).toBeTruthy();
    expect(k.backend.count('GetUserAttributeVerificationCode')).toBe(0);
  });

  it('outside both a provider and an Authenticator it says what is missing', () => {
    const k = kit();
    function Lost() {
      useAuthenticator();
      return null;
    }
    expect(() =>
      render(
        <AuthProvider config={k.config()} options={{ now: k.clock.now }}>
          <Lost />
        </AuthProvider>,
      ),
    ).toThrow('useAuthenticator needs <Authenticator.Provider> (or to be rendered inside <Authenticator>) above it.');
  });
});
