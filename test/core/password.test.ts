import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf, wrongCode, uniqueName } from '../support/engineAssertions';

describe('forgotPassword and forgotPasswordSubmit', () => {
  const kit = useEngineBackend();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
  /** An engine with its own storage, to check which password works without touching the test's session. */
  const signInWith = (username: string, password: string) =>
    kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' }, storage: new RecordingStorage() }).signIn(username, password);

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function existingUser(): Promise<{ username: string; password: string }> {
    const username = uniqueName('fay');
    const password = strongPassword();
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    kit().backend.resetCounts();
    return { username, password };
  }

  it('forgotPassword sends a code, returns v5 and v6 shapes and moves to CONFIRM_RESET_PASSWORD_WITH_CODE', async () => {
    const { backend, events } = kit();
    const { username } = await existingUser();
    const auth = engine();
    const seen = events(auth);

    const result = await auth.forgotPassword(username, { origin: 'test' });

    const delivery = { destination: 'f***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' };
    expect(result).toEqual({
      CodeDeliveryDetails: { Destination: 'f***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      codeDeliveryDetails: delivery,
      nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: delivery },
    });
    expect(auth.getState()).toEqual({
      status: 'signedOut',
      user: null,
      nextStep: { signInStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', username, codeDeliveryDetails: delivery },
      error: null,
    });
    expect(backend.requests()).toEqual([
      { operation: 'ForgotPassword', input: { ClientId: backend.config.clientId, Username: username, ClientMetadata: { origin: 'test' } } },
    ]);
    expect(backend.codes(username).map((c) => c.kind)).toEqual(['FORGOT_PASSWORD']);
    expect(seen).toEqual([{ event: 'forgotPassword', data: { username }, message: `${username} has requested a new password` }]);
  });

  it('forgotPasswordSubmit with the code sets the new password: SUCCESS, event, old password fails, new one signs in', async () => {
    const { backend, events } = kit();
    const { username, password } = await existingUser();
    const auth = engine();
    const seen = events(auth);
    await auth.forgotPassword(username);
    const code = backend.lastCode(username, 'FORGOT_PASSWORD');
    const newPassword = strongPassword();

    await expect(auth.forgotPasswordSubmit(username, code, newPassword)).resolves.toBe('SUCCESS');

    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: null });
    expect(seen.map((e) => e.event)).toEqual(['forgotPassword', 'forgotPasswordSubmit']);
    expect(seen[1]).toEqual({ event: 'forgotPasswordSubmit', data: { username }, message: `${username} has submitted a new password` });
    expect(backend.requests().at(-1)).toEqual({
      operation: 'ConfirmForgotPassword',
      input: { ClientId: backend.config.clientId, Username: username, ConfirmationCode: code, Password: newPassword },
    });
    await expect(signInWith(username, password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(signInWith(username, newPassword)).resolves.toMatchObject({ isSignedIn: true });
    expect(JSON.stringify(seen)).not.toContain(newPassword);
  });

  it('a wrong code fails with CodeMismatchException, emits forgotPasswordSubmit_failure and keeps the reset step', async () => {
    const { backend, events } = kit();
    const { username, password } = await existingUser();
    const auth = engine();
    await auth.forgotPassword(username);
    const step = auth.getState().nextStep;
    const seen = events(auth);
    const code = backend.lastCode(username, 'FORGOT_PASSWORD');
    const newPassword = strongPassword();

    const error = await authErrorOf(auth.forgotPasswordSubmit(username, wrongCode(code), newPassword));

    expect(error).toMatchObject({ name: 'CodeMismatchException', source: 'forgotPasswordSubmit' });
    expect(error.message).not.toContain(newPassword);
    expect(error.message).not.toContain(wrongCode(code));
    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: step, error: { name: 'CodeMismatchException' } });
    expect(seen.map((e) => [e.event, (e.data as AuthError).name])).toEqual([['forgotPasswordSubmit_failure', 'CodeMismatchException']]);
    await expect(signInWith(username, password)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('a new password the policy rejects fails with InvalidPasswordException and the code stays usable', async () => {
    const { backend } = kit();
    const { username } = await existingUser();
    const auth = engine();
    await auth.forgotPassword(username);
    const code = backend.lastCode(username, 'FORGOT_PASSWORD');

    const error = await authErrorOf(auth.forgotPasswordSubmit(username, code, 'short'));

    expect(error).toMatchObject({ name: 'InvalidPasswordException', source: 'forgotPasswordSubmit' });
    expect(error.recoverySuggestion).toBeTruthy();
    const newPassword = strongPassword();
    await expect(auth.forgotPasswordSubmit(username, code, newPassword)).resolves.toBe('SUCCESS');
    await expect(signInWith(username, newPassword)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('forgotPassword for an unknown user fails with UserNotFoundException and forgotPassword_failure', async () => {
    const { events } = kit();
    const auth = engine();
    const seen = events(auth);
    await expect(auth.forgotPassword(uniqueName('nobody'))).rejects.toMatchObject({ name: 'UserNotFoundException', source: 'forgotPassword' });
    expect(seen.map((e) => e.event)).toEqual(['forgotPassword_failure']);
    expect(auth.getState().error?.name).toBe('UserNotFoundException');
  });

  it.each([
    ['an empty username', 'EmptyUsername', ['', '123456', 'Whatever1!']],
    ['an empty code', 'EmptyCode', ['someone', ' ', 'Whatever1!']],
    ['an empty new password', 'EmptyPassword', ['someone', '123456', '']],
  ] as const)('forgotPasswordSubmit with %s fails with %s before any request', async (_label, name, [username, code, password]) => {
    const { backend } = kit();
    backend.resetCounts();
    await expect(engine().forgotPasswordSubmit(username, code, password)).rejects.toMatchObject({ name, source: 'forgotPasswordSubmit' });
    expect(backend.count()).toBe(0);
  });
});

describe('changePassword', () => {
  const kit = useEngineBackend();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
  /** An engine with its own storage, to check which password works without touching the test's session. */
  const signInWith = (username: string, password: string) =>
    kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' }, storage: new RecordingStorage() }).signIn(username, password);

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn(): Promise<{ auth: Auth; username: string; password: string }> {
    const username = uniqueName('gus');
    const password = strongPassword();
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const auth = engine();
    await auth.signIn(username, password);
    kit().backend.resetCounts();
    return { auth, username, password };
  }

  it('changes the password with the current one: SUCCESS, one ChangePassword, still signed in', async () => {
    const { backend } = kit();
    const { auth, username, password } = await signedIn();
    const newPassword = strongPassword();
    const accessToken = (await auth.currentSession()).accessToken;

    await expect(auth.changePassword(password, newPassword)).resolves.toBe('SUCCESS');

    expect(backend.requests()).toEqual([
      { operation: 'ChangePassword', input: { AccessToken: accessToken, PreviousPassword: password, ProposedPassword: newPassword } },
    ]);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    await expect(signInWith(username, newPassword)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('v5 changePassword(user, old, new) works the same', async () => {
    const { backend } = kit();
    const { auth, username, password } = await signedIn();
    const user = await auth.currentAuthenticatedUser();
    const newPassword = strongPassword();

    await expect(auth.changePassword(user, password, newPassword)).resolves.toBe('SUCCESS');

    expect(backend.requests()[0]!.input).toMatchObject({ PreviousPassword: password, ProposedPassword: newPassword });
    await expect(signInWith(username, password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(signInWith(username, newPassword)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('a wrong current password fails with NotAuthorizedException and keeps the user signed in', async () => {
    const { backend } = kit();
    const { auth, username, password } = await signedIn();
    const guess = strongPassword();
    const newPassword = strongPassword();

    const error = await authErrorOf(auth.changePassword(guess, newPassword));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', source: 'changePassword', message: 'Incorrect username or password.' });
    expect(error.message).not.toContain(guess);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    expect(kit().storage.keys()).toContain(`CognitoIdentityServiceProvider.${backend.config.clientId}.LastAuthUser`);
    await expect(signInWith(username, password)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('a new password the policy rejects fails with InvalidPasswordException', async () => {
    const { auth, password } = await signedIn();
    await expect(auth.changePassword(password, 'weak')).rejects.toMatchObject({ name: 'InvalidPasswordException', source: 'changePassword' });
    expect(auth.getState().status).toBe('signedIn');
  });

  it('without a signed-in user fails with NoCurrentUser and makes no request', async () => {
    const { backend } = kit();
    const auth = engine();
    backend.resetCounts();
    await expect(auth.changePassword(strongPassword(), strongPassword())).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'changePassword' });
    expect(backend.count()).toBe(0);
  });

  it('an empty new password fails with EmptyPassword and makes no request', async () => {
    const { backend } = kit();
    const { auth, password } = await signedIn();
    await expect(auth.changePassword(password, '')).rejects.toMatchObject({ name: 'EmptyPassword', source: 'changePassword' });
    expect(backend.count()).toBe(0);
  });
});
