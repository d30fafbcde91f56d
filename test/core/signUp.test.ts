import { beforeEach, describe, expect, it } from 'vitest';
import { type Auth, type AuthConfig } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf, wrongCode, uniqueName } from '../support/engineAssertions';

describe('signUp', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 60 });
  const password = strongPassword();
  const engine = (config: Partial<AuthConfig> = {}): Auth =>
    kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH', ...config } });

  beforeEach(() => {
    const k = kit();
    k.storage = new RecordingStorage();
    k.backend.resetCounts();
  });

  it('object form: sends attributes, ValidationData and merged ClientMetadata, returns the v5/v6 result and moves to CONFIRM_SIGN_UP', async () => {
    const { backend, events } = kit();
    const auth = engine({ clientMetadata: { app: 'kit', shared: 'config' } });
    const seen = events(auth);
    const username = uniqueName('ada');

    const result = await auth.signUp({
      username,
      password,
      attributes: { email: `${username}@example.com`, name: 'Ada' },
      validationData: { captcha: 'ok' },
      clientMetadata: { shared: 'call', flow: 'signup' },
    });

    const delivery = { destination: 'a***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' };
    expect(result).toEqual({
      user: { username },
      userConfirmed: false,
      userSub: backend.getUser(username)!.sub,
      // v6's names for the same two.
      isSignUpComplete: false,
      userId: backend.getUser(username)!.sub,
      // v5 code reads `.Destination`, v6 code `.destination`: the top-level details carry both.
      codeDeliveryDetails: { ...delivery, Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      nextStep: { signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: delivery },
    });
    expect(auth.getState()).toEqual({
      status: 'signedOut',
      user: null,
      nextStep: { signInStep: 'CONFIRM_SIGN_UP', username, codeDeliveryDetails: delivery },
      error: null,
    });
    expect(backend.requests()).toEqual([
      {
        operation: 'SignUp',
        input: {
          ClientId: backend.config.clientId,
          Username: username,
          Password: password,
          UserAttributes: [
            { Name: 'email', Value: `${username}@example.com` },
            { Name: 'name', Value: 'Ada' },
          ],
          ValidationData: [{ Name: 'captcha', Value: 'ok' }],
          ClientMetadata: { app: 'kit', shared: 'call', flow: 'signup' },
        },
      },
    ]);
    expect(seen.filter((e) => e.event !== 'configured')).toEqual([
      { event: 'signUp', data: result, message: `${username} has signed up successfully` },
    ]);
    expect(backend.getUser(username)).toMatchObject({ status: 'UNCONFIRMED', attributes: { name: 'Ada' } });
  });

  it('v5 positional form signUp(username, password, email, phone_number) sends both as attributes', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = uniqueName('bob');

    const result = await auth.signUp(username, password, `${username}@example.com`, '+15555550123');

    expect(result).toMatchObject({ user: { username }, userConfirmed: false, nextStep: { signUpStep: 'CONFIRM_SIGN_UP' } });
    expect(backend.requests()[0]!.input).toMatchObject({
      Username: username,
      UserAttributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'phone_number', Value: '+15555550123' },
      ],
    });
    expect(backend.getUser(username)?.attributes).toMatchObject({ email: `${username}@example.com`, phone_number: '+15555550123' });
  });

  it('a taken username fails with UsernameExistsException, in state and in signUp_failure', async () => {
    const { backend, events } = kit();
    const username = uniqueName('dup');
    await backend.createUser({ username, password });
    const auth = engine();
    const seen = events(auth);

    const error = await authErrorOf(auth.signUp({ username, password, attributes: { email: `${username}@example.com` } }));

    expect(error).toMatchObject({ name: 'UsernameExistsException', code: 'UsernameExistsException', source: 'signUp' });
    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: { name: 'UsernameExistsException' } });
    expect(seen.map((e) => e.event)).toEqual(['signUp_failure']);
    expect(seen[0]!.data).toBe(error);
  });

  it('a password the pool policy rejects fails with InvalidPasswordException and creates no user', async () => {
    const { backend } = kit();
    const username = uniqueName('weak');
    const error = await authErrorOf(engine().signUp({ username, password: 'password', attributes: { email: `${username}@example.com` } }));
    expect(error).toMatchObject({ name: 'InvalidPasswordException', source: 'signUp' });
    expect(error.message).toMatch(/^Password did not conform with policy/);
    expect(backend.getUser(username)).toBeUndefined();
  });

  it.each([
    ['an empty username', 'EmptyUsername', { username: '', password: 'Whatever1!' }],
    ['a blank username', 'EmptyUsername', { username: '   ', password: 'Whatever1!' }],
    ['an empty password', 'EmptyPassword', { username: 'someone', password: '' }],
  ])('%s fails with %s before any request', async (_label, name, params) => {
    const { backend } = kit();
    const auth = engine();
    const error = await authErrorOf(auth.signUp(params));
    expect(error).toMatchObject({ name, source: 'signUp' });
    expect(error.recoverySuggestion).toBeTruthy();
    expect(auth.getState().error?.name).toBe(name);
    expect(backend.count()).toBe(0);
  });

  it('signUp while someone is signed in leaves the signed-in state alone', async () => {
    const { backend } = kit();
    const signedInName = uniqueName('inside');
    await backend.createUser({ username: signedInName, password });
    const auth = engine();
    await auth.signIn(signedInName, password);

    await auth.signUp({ username: uniqueName('other'), password, attributes: { email: 'other@example.com' } });

    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: signedInName } });
    await expect(auth.currentAuthenticatedUser()).resolves.toMatchObject({ username: signedInName });
  });
});

describe('confirmSignUp and resendSignUp', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 60 });
  const password = strongPassword();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });

  beforeEach(() => {
    const k = kit();
    k.storage = new RecordingStorage();
  });

  async function signedUp(auth: Auth): Promise<string> {
    const username = uniqueName('cara');
    await auth.signUp({ username, password, attributes: { email: `${username}@example.com` } });
    kit().backend.resetCounts();
    return username;
  }

  it('the delivered code confirms the user: SUCCESS, confirmSignUp event, nextStep cleared', async () => {
    const { backend, events } = kit();
    const auth = engine();
    const username = await signedUp(auth);
    const seen = events(auth);

    const result = await auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'));

    expect(result).toBe('SUCCESS');
    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error: null });
    expect(seen).toEqual([{ event: 'confirmSignUp', data: { username }, message: `${username} has been confirmed successfully` }]);
    expect(backend.requests()).toEqual([
      {
        operation: 'ConfirmSignUp',
        input: { ClientId: backend.config.clientId, Username: username, ConfirmationCode: backend.lastCode(username, 'SIGN_UP'), ForceAliasCreation: true },
      },
    ]);
    expect(backend.getUser(username)).toMatchObject({ status: 'CONFIRMED', attributes: { email_verified: 'true' } });
    // Confirming is not signing in: nothing is stored.
    expect(kit().storage.keys()).toEqual([]);
  });

  it('a wrong code fails with CodeMismatchException, keeps the step and records the error; the right code still works', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUp(auth);
    const step = auth.getState().nextStep;
    const code = backend.lastCode(username, 'SIGN_UP');

    const error = await authErrorOf(auth.confirmSignUp(username, wrongCode(code)));

    expect(error).toMatchObject({ name: 'CodeMismatchException', source: 'confirmSignUp' });
    expect(error.message).not.toContain(wrongCode(code));
    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: step, error: { name: 'CodeMismatchException' } });
    expect(backend.getUser(username)?.status).toBe('UNCONFIRMED');

    await expect(auth.confirmSignUp(username, code)).resolves.toBe('SUCCESS');
    expect(auth.getState()).toMatchObject({ nextStep: null, error: null });
  });

  it('a code used after codeValiditySeconds fails with ExpiredCodeException', async () => {
    const { backend, clock } = kit();
    const auth = engine();
    const username = await signedUp(auth);
    clock.advance(61_000);

    const error = await authErrorOf(auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP')));

    expect(error).toMatchObject({ name: 'ExpiredCodeException', source: 'confirmSignUp' });
    expect(auth.getState().error?.name).toBe('ExpiredCodeException');
    expect(backend.getUser(username)?.status).toBe('UNCONFIRMED');
  });

  it('a code pasted with spaces ("123 456") is sent as digits only and accepted', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUp(auth);
    const code = backend.lastCode(username, 'SIGN_UP');

    await expect(auth.confirmSignUp(username, ` ${code.slice(0, 3)} ${code.slice(3)} `)).resolves.toBe('SUCCESS');

    expect(backend.requests()[0]!.input).toMatchObject({ ConfirmationCode: code });
  });

  it('an empty code fails with EmptyCode before any request', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUp(auth);
    await expect(auth.confirmSignUp(username, '  ')).rejects.toMatchObject({ name: 'EmptyCode', source: 'confirmSignUp' });
    expect(backend.count()).toBe(0);
  });

  it('resendSignUp sends a new code, returns v5 and camelCase delivery details; the old code no longer works', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUp(auth);
    const oldCode = backend.lastCode(username, 'SIGN_UP');

    const result = await auth.resendSignUp(username);

    expect(result).toEqual({
      CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      codeDeliveryDetails: { destination: 'c***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' },
    });
    expect(backend.requests()).toEqual([{ operation: 'ResendConfirmationCode', input: { ClientId: backend.config.clientId, Username: username } }]);
    expect(backend.codes(username).filter((c) => c.kind === 'SIGN_UP')).toHaveLength(2);
    const newCode = backend.lastCode(username, 'SIGN_UP');
    expect(auth.getState().nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_UP', username, codeDeliveryDetails: result.codeDeliveryDetails });

    if (newCode !== oldCode) {
      await expect(auth.confirmSignUp(username, oldCode)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    }
    await expect(auth.confirmSignUp(username, newCode)).resolves.toBe('SUCCESS');
  });

  it('resendSignUp for an unknown user fails with UserNotFoundException', async () => {
    await expect(engine().resendSignUp(uniqueName('ghost'))).rejects.toMatchObject({ name: 'UserNotFoundException', source: 'resendSignUp' });
  });
});

describe('auto sign-in after sign-up', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 600 });
  const password = strongPassword();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });

  beforeEach(() => {
    const k = kit();
    k.storage = new RecordingStorage();
  });

  async function signedUpWithAutoSignIn(auth: Auth): Promise<string> {
    const username = uniqueName('auto');
    await auth.signUp({ username, password, attributes: { email: `${username}@example.com` }, autoSignIn: { enabled: true } });
    kit().backend.resetCounts();
    return username;
  }

  it('confirmSignUp signs the user in: SUCCESS, autoSignIn event, signedIn state, tokens stored', async () => {
    const { backend, events, storage } = kit();
    const auth = engine();
    const seen = events(auth);
    const username = await signedUpWithAutoSignIn(auth);

    await expect(auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'))).resolves.toBe('SUCCESS');

    const state = auth.getState();
    expect(state).toMatchObject({ status: 'signedIn', user: { username, attributes: { email: `${username}@example.com` } }, error: null });
    expect(backend.requests().map((r) => r.operation)).toEqual(['ConfirmSignUp', 'InitiateAuth']);
    expect(backend.requests()[1]!.input).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username } });
    expect(seen.map((e) => e.event)).toEqual(['signUp', 'confirmSignUp', 'signIn', 'autoSignIn']);
    expect(seen.at(-1)!.data).toEqual(state.user);
    expect(storage.keys()).toContain(`CognitoIdentityServiceProvider.${backend.config.clientId}.${username}.refreshToken`);
    expect(JSON.stringify(state)).not.toContain(password);
    expect(JSON.stringify(seen)).not.toContain(password);
  });

  it('a wrong code first keeps the auto sign-in pending for the right code', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUpWithAutoSignIn(auth);
    const code = backend.lastCode(username, 'SIGN_UP');

    await expect(auth.confirmSignUp(username, wrongCode(code))).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await auth.confirmSignUp(username, code);

    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username } });
  });

  it('a failing auto sign-in (user disabled meanwhile) emits autoSignIn_failure, confirmSignUp still resolves and the confirm step is gone', async () => {
    const { backend, events } = kit();
    const auth = engine();
    const seen = events(auth);
    const username = await signedUpWithAutoSignIn(auth);
    backend.disableUser(username);

    await expect(auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'))).resolves.toBe('SUCCESS');

    expect(backend.getUser(username)?.status).toBe('CONFIRMED');
    const failure = seen.find((e) => e.event === 'autoSignIn_failure');
    expect(failure?.data).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(seen.some((e) => e.event === 'autoSignIn')).toBe(false);
    // The account is confirmed: the UI must not stay on the confirmation screen.
    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: { name: 'NotAuthorizedException' } });
    expect(JSON.stringify(auth.getState())).not.toContain(password);
    expect(JSON.stringify(seen)).not.toContain(password);
  });

  it('an auto sign-in older than 3 minutes does not sign in, reports autoSignIn_failure and clears the confirm step', async () => {
    const { backend, clock, events } = kit();
    const auth = engine();
    const seen = events(auth);
    const username = await signedUpWithAutoSignIn(auth);
    clock.advance(3 * 60_000 + 1_000);

    await expect(auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'))).resolves.toBe('SUCCESS');

    expect(backend.count('InitiateAuth')).toBe(0);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: null });
    expect(seen.map((e) => e.event)).toEqual(['signUp', 'confirmSignUp', 'autoSignIn_failure']);
  });

  it('the password is dropped once used: a later confirmation of the same username does not sign in', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUpWithAutoSignIn(auth);
    await auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'));
    await auth.signOut();
    // Make a second confirmation possible at the backend.
    backend.setUserStatus(username, 'UNCONFIRMED');
    await auth.resendSignUp(username);
    backend.resetCounts();

    await expect(auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'))).resolves.toBe('SUCCESS');

    expect(backend.count('InitiateAuth')).toBe(0);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, nextStep: null });
  });

  it('the password is dropped after a failed auto sign-in too', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = await signedUpWithAutoSignIn(auth);
    backend.disableUser(username);
    await auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'));
    backend.enableUser(username);
    backend.setUserStatus(username, 'UNCONFIRMED');
    await auth.resendSignUp(username);
    backend.resetCounts();

    await auth.confirmSignUp(username, backend.lastCode(username, 'SIGN_UP'));

    expect(backend.count('InitiateAuth')).toBe(0);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('a sign-up without autoSignIn forgets an earlier auto sign-in', async () => {
    const { backend } = kit();
    const auth = engine();
    const first = await signedUpWithAutoSignIn(auth);
    await auth.signUp({ username: uniqueName('plain'), password, attributes: { email: 'plain@example.com' } });
    backend.resetCounts();

    await auth.confirmSignUp(first, backend.lastCode(first, 'SIGN_UP'));

    expect(backend.count('InitiateAuth')).toBe(0);
    expect(auth.getState().status).toBe('signedOut');
  });
});
