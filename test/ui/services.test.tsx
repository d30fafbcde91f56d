// @vitest-environment jsdom
/**
 * `<Authenticator services>` as Amplify UI's: each override gets Amplify v6's input, calls the engine
 * itself, and the engine's state moves the screens, so what the override sent is what follows.
 * `validateCustomSignUp` errors show under their fields and hold the submit button; an override that
 * throws shows its error and keeps what was typed. Real engine against the test backend, axe.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { useAuthEngine } from '../../src/react/index';
import { Authenticator, type AuthenticatorProps } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import type { AuthenticatorServices } from '../../src/ui/services';
import { useAuthenticator } from '../../src/ui/useAuthenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, expectAlert, findScreen, renderWithAuth, type, valueOf } from './support';

/** The app's Authenticator, its services built from the engine as an Amplify app builds them from `aws-amplify/auth`. */
function App({ services, ...props }: Omit<AuthenticatorProps, 'services'> & { services: (auth: Auth) => Partial<AuthenticatorServices> }) {
  const auth = useAuthEngine();
  return (
    <Authenticator {...props} services={services(auth)}>
      {({ user }) => <p>Hello {user.username}</p>}
    </Authenticator>
  );
}

describe('<Authenticator services>', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function createUser(prefix: string, attributes: Record<string, string> = {}): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true', ...attributes } });
    return username;
  }

  it('handleSignUp that lower-cases the username and email: Cognito gets them lower-cased, and confirming goes on with that user', async () => {
    const k = kit();
    const username = uniqueName('low');
    const inputs: unknown[] = [];
    renderWithAuth(
      k,
      <App
        initialState="signUp"
        signUpAttributes={['email']}
        services={(auth) => ({
          handleSignUp: (input) => {
            inputs.push(input);
            const email = input.options?.userAttributes?.['email']?.toLowerCase() ?? '';
            return auth.signUp({ ...input, username: input.username.toLowerCase(), options: { ...input.options, userAttributes: { ...input.options?.userAttributes, email } } });
          },
        })}
      />,
    );
    await findScreen(en['signUp.heading']);
    type(en['field.username'], username.toUpperCase());
    type(en['field.password'], password);
    type(en['field.confirmPassword'], password);
    type(en['field.email'], `${username.toUpperCase()}@Example.COM`);
    click('button', en['signUp.submit']);

    await findScreen(en['confirmSignUp.headingEmail']);
    // Amplify v6's input, with the auto sign-in Amplify UI asks for.
    expect(inputs).toEqual([{ username: username.toUpperCase(), password, options: { userAttributes: { email: `${username.toUpperCase()}@Example.COM` }, autoSignIn: true } }]);
    expect(k.backend.getUser(username)?.attributes['email']).toBe(`${username}@example.com`);
    type(en['field.confirmationCode'], k.backend.lastCode(username, 'SIGN_UP'));
    click('button', en['confirmSignUp.submit']);
    expect(await screen.findByText(`Hello ${username}`)).toBeTruthy();
  });

  it('handleSignIn that trims and lower-cases the username signs in what the user typed carelessly', async () => {
    const username = await createUser('trm');
    const inputs: unknown[] = [];
    renderWithAuth(
      kit(),
      <App
        services={(auth) => ({
          handleSignIn: (input) => {
            inputs.push(input);
            return auth.signIn({ ...input, username: input.username.trim().toLowerCase() });
          },
        })}
      />,
    );
    await findScreen(en['signIn.heading']);
    type(en['field.username'], `  ${username.toUpperCase()} `);
    type(en['field.password'], password);
    click('button', en['signIn.submit']);
    expect(await screen.findByText(`Hello ${username}`)).toBeTruthy();
    // Trimmed by the form on submit, as Amplify UI does; the case is the override's business.
    expect(inputs).toEqual([{ username: username.toUpperCase(), password }]);
  });

  it('handleConfirmSignUp gets { username, confirmationCode }', async () => {
    const k = kit();
    const username = uniqueName('cfs');
    const inputs: unknown[] = [];
    renderWithAuth(
      k,
      <App
        initialState="signUp"
        signUpAttributes={['email']}
        services={(auth) => ({
          handleConfirmSignUp: (input) => {
            inputs.push(input);
            return auth.confirmSignUp(input);
          },
        })}
      />,
    );
    await findScreen(en['signUp.heading']);
    type(en['field.username'], username);
    type(en['field.password'], password);
    type(en['field.confirmPassword'], password);
    type(en['field.email'], `${username}@example.com`);
    click('button', en['signUp.submit']);
    await findScreen(en['confirmSignUp.headingEmail']);
    const code = k.backend.lastCode(username, 'SIGN_UP');
    type(en['field.confirmationCode'], code);
    click('button', en['confirmSignUp.submit']);
    expect(await screen.findByText(`Hello ${username}`)).toBeTruthy();
    expect(inputs).toEqual([{ username, confirmationCode: code }]);
  });

  it('handleForgotPassword gets { username } and handleForgotPasswordSubmit { username, newPassword, confirmationCode }', async () => {
    const k = kit();
    const username = await createUser('fgt');
    const calls: [string, unknown][] = [];
    renderWithAuth(
      k,
      <App
        initialState="forgotPassword"
        services={(auth) => ({
          handleForgotPassword: (input) => {
            calls.push(['handleForgotPassword', input]);
            return auth.forgotPassword(input);
          },
          handleForgotPasswordSubmit: (input) => {
            calls.push(['handleForgotPasswordSubmit', input]);
            return auth.forgotPasswordSubmit({ username: input.username, code: input.confirmationCode, newPassword: input.newPassword });
          },
        })}
      />,
    );
    await findScreen(en['forgotPassword.heading']);
    type(en['placeholder.forgotUsername'], username);
    click('button', en['forgotPassword.submit']);
    await screen.findByRole('button', { name: en['confirmResetPassword.submit'] });
    const code = k.backend.lastCode(username, 'FORGOT_PASSWORD');
    const newPassword = strongPassword();
    type(en['field.codeRequired'], code);
    type(en['field.newPassword'], newPassword);
    type(en['field.confirmPassword'], newPassword);
    click('button', en['confirmResetPassword.submit']);
    await findScreen(en['signIn.heading']);
    expect(calls).toEqual([
      ['handleForgotPassword', { username }],
      ['handleForgotPasswordSubmit', { username, newPassword, confirmationCode: code }],
    ]);
    await k.auth().signIn({ username, password: newPassword });
  });

  it('handleConfirmSignIn gets { challengeResponse } for an MFA code, trimmed', async () => {
    const k = kit();
    const username = uniqueName('mfa');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: '+15550100123' }, mfa: { sms: true } });
    const inputs: unknown[] = [];
    renderWithAuth(
      k,
      <App
        services={(auth) => ({
          handleConfirmSignIn: (input) => {
            inputs.push(input);
            return auth.confirmSignIn(input);
          },
        })}
      />,
    );
    await findScreen(en['signIn.heading']);
    type(en['field.username'], username);
    type(en['field.password'], password);
    click('button', en['signIn.submit']);
    await findScreen(en['confirmSignIn.smsHeading']);
    const code = k.backend.lastCode(username, 'MFA');
    type(en['field.codeRequired'], `${code} `);
    click('button', en['confirmSignIn.submit']);
    expect(await screen.findByText(`Hello ${username}`)).toBeTruthy();
    expect(inputs).toEqual([{ challengeResponse: code }]);
  });

  it('getCurrentUser: its user is the one the app and useAuthenticator get after sign-in', async () => {
    const username = await createUser('cur');
    let calls = 0;
    function Who() {
      const { user } = useAuthenticator((context) => [context.user]);
      return <p data-testid="who">{user?.attributes['nickname'] ?? ''}</p>;
    }
    renderWithAuth(
      kit(),
      <App
        components={{ Header: Who }}
        services={(auth) => ({
          getCurrentUser: async () => {
            calls += 1;
            const user = await auth.currentAuthenticatedUser();
            return { ...user, username: `${user.username} (custom)`, attributes: { ...user.attributes, nickname: 'Custom' } };
          },
        })}
      />,
    );
    await findScreen(en['signIn.heading']);
    type(en['field.username'], username);
    type(en['field.password'], password);
    click('button', en['signIn.submit']);
    expect(await screen.findByText(`Hello ${username} (custom)`)).toBeTruthy();
    expect(calls).toBe(1);
  });

  it('getCurrentUser is asked again when the user changes, and the app stays mounted meanwhile', async () => {
    const k = kit();
    const username = await createUser('chg');
    let mounts = 0;
    function Profile({ nickname }: { nickname: string }) {
      useEffect(() => {
        mounts += 1;
      }, []);
      return <p>Nickname: {nickname}</p>;
    }
    function Changing() {
      const auth = useAuthEngine();
      return (
        <Authenticator services={{ getCurrentUser: () => auth.currentAuthenticatedUser() }}>
          {({ user }) => (
            <>
              <Profile nickname={user.attributes['nickname'] ?? '-'} />
              <button type="button" onClick={() => void auth.updateUserAttributes({ nickname: 'Ziggy' })}>
                Rename
              </button>
            </>
          )}
        </Authenticator>
      );
    }
    renderWithAuth(k, <Changing />, {}, { strictMode: false });
    await findScreen(en['signIn.heading']);
    type(en['field.username'], username);
    type(en['field.password'], password);
    click('button', en['signIn.submit']);
    expect(await screen.findByText('Nickname: -')).toBeTruthy();
    click('button', 'Rename');
    expect(await screen.findByText('Nickname: Ziggy')).toBeTruthy();
    expect(mounts).toBe(1);
  });

  it('validateCustomSignUp: errors show under their fields (and through useAuthenticator for the app’s own), the button stays disabled until fixed', async () => {
    const k = kit();
    const username = uniqueName('val');
    const seen: { formData: Record<string, string>; touchData: Record<string, boolean> }[] = [];
    function Terms() {
      const { validationErrors, updateForm } = useAuthenticator((context) => [context.validationErrors]);
      const error = validationErrors['acknowledgement'];
      return (
        <div>
          <label>
            <input type="checkbox" onChange={(event) => updateForm({ name: 'acknowledgement', value: event.target.checked ? 'yes' : undefined })} /> I agree
          </label>
          {error ? <p role="alert">{error}</p> : null}
        </div>
      );
    }
    const { container } = renderWithAuth(
      k,
      <App
        initialState="signUp"
        signUpAttributes={['email']}
        components={{ SignUp: { Footer: Terms } }}
        services={() => ({
          validateCustomSignUp: async (formData, touchData) => {
            seen.push({ formData, touchData });
            const errors: Record<string, string> = {};
            if (formData['username']?.includes('+')) errors['username'] = 'No plus signs, please.';
            if (!formData['acknowledgement']) errors['acknowledgement'] = 'You must agree to the Terms and Conditions';
            return Object.keys(errors).length > 0 ? errors : undefined;
          },
        })}
      />,
    );
    await findScreen(en['signUp.heading']);
    const submit = screen.getByRole('button', { name: en['signUp.submit'] });
    // Nothing is checked before the first change, as in Amplify UI.
    expect(submit.hasAttribute('disabled')).toBe(false);
    expect(seen).toEqual([]);

    type(en['field.username'], `${username}+x`);
    fireEvent.blur(screen.getByLabelText(en['field.username']));
    // The field's error and the Footer's (its own useAuthenticator subscription) may land in two commits.
    await waitFor(() => {
      expect(screen.getByText('No plus signs, please.')).toBeTruthy();
      expect(screen.getByText('You must agree to the Terms and Conditions')).toBeTruthy();
    });
    expect(screen.getByLabelText(en['field.username']).getAttribute('aria-invalid')).toBe('true');
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(seen.at(-1)).toEqual({ formData: expect.objectContaining({ username: `${username}+x` }), touchData: { username: true } });
    expect(await axeViolations(container)).toEqual([]);

    type(en['field.username'], username);
    type(en['field.password'], password);
    type(en['field.confirmPassword'], password);
    type(en['field.email'], `${username}@example.com`);
    fireEvent.click(screen.getByLabelText('I agree'));
    await waitFor(() => expect(submit.hasAttribute('disabled')).toBe(false));
    expect(screen.queryByText('No plus signs, please.')).toBeNull();
    expect(seen.at(-1)?.formData).toEqual(expect.objectContaining({ username, acknowledgement: 'yes' }));
    click('button', en['signUp.submit']);
    await findScreen(en['confirmSignUp.headingEmail']);
    // The app's own field is checked, never sent to Cognito as an attribute.
    expect(k.backend.getUser(username)?.attributes['acknowledgement']).toBeUndefined();
  });

  it('an override that throws shows its message, keeps everything typed, and passes axe', async () => {
    const k = kit();
    const username = uniqueName('thr');
    const { container } = renderWithAuth(
      k,
      <App
        initialState="signUp"
        signUpAttributes={['email']}
        services={() => ({
          handleSignUp: async () => {
            throw new Error('Sign-ups are closed this week.');
          },
        })}
      />,
    );
    await findScreen(en['signUp.heading']);
    type(en['field.username'], username);
    type(en['field.password'], password);
    type(en['field.confirmPassword'], password);
    type(en['field.email'], `${username}@example.com`);
    k.backend.resetCounts();
    click('button', en['signUp.submit']);
    await expectAlert('Sign-ups are closed this week.');
    expect(valueOf(en['field.username'])).toBe(username);
    expect(valueOf(en['field.password'])).toBe(password);
    expect(valueOf(en['field.email'])).toBe(`${username}@example.com`);
    expect(k.backend.count()).toBe(0);
    expect(await axeViolations(container)).toEqual([]);
  });
});
