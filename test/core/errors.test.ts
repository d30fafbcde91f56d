import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type Auth, type AuthEvent } from '../../src/core/index';
import { authError, toAuthError } from '../../src/core/normalizeError';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf, wrongCode } from '../support/engineAssertions';

describe('AuthError', () => {
  it('is an Error with name, code, message, source, recoverySuggestion and cause; toJSON leaves the cause out', () => {
    const cause = new Error('raw response with secrets');
    const error = new AuthError({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      source: 'signIn',
      recoverySuggestion: 'Check the username and password.',
      cause,
      statusCode: 400,
    });

    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      name: 'NotAuthorizedException',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      source: 'signIn',
      recoverySuggestion: 'Check the username and password.',
      statusCode: 400,
    });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('NotAuthorizedException: Incorrect username or password.');
    expect(error.stack).toContain('NotAuthorizedException');
    expect(error.toJSON()).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      source: 'signIn',
      recoverySuggestion: 'Check the username and password.',
    });
    expect(JSON.stringify(error)).not.toContain('raw response');
  });

  it('toJSON has no recoverySuggestion key when there is none', () => {
    const error = new AuthError({ name: 'HttpError502', message: 'x failed with HTTP 502', source: 'signIn' });
    expect(error.toJSON()).toEqual({ name: 'HttpError502', message: 'x failed with HTTP 502', source: 'signIn' });
    expect(error.recoverySuggestion).toBeUndefined();
  });

  it('authError adds the standard recovery suggestion for known names only', () => {
    expect(authError('CodeMismatchException', 'Invalid code', 'confirmSignUp').recoverySuggestion).toBe('Check the code and enter it again.');
    expect(authError('NetworkError', 'offline', 'signIn').recoverySuggestion).toMatch(/network/i);
    expect(authError('SomeFutureException', 'new', 'signIn').recoverySuggestion).toBeUndefined();
    // A name that happens to be an Object.prototype key is still unknown.
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(authError(name, 'odd', 'signIn').recoverySuggestion).toBeUndefined();
    }
  });
});

describe('toAuthError', () => {
  it('returns an AuthError of the same source unchanged', () => {
    const error = authError('NoCurrentUser', 'No current user', 'currentSession');
    expect(toAuthError(error, 'currentSession')).toBe(error);
  });

  it('re-attributes an AuthError to the calling operation, keeping name, message, suggestion and status, with the original as cause', () => {
    const inner = authError('UserNotFoundException', 'User does not exist.', 'ForgotPassword', { statusCode: 400 });
    const outer = toAuthError(inner, 'forgotPassword');
    expect(outer).not.toBe(inner);
    expect(outer).toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      source: 'forgotPassword',
      statusCode: 400,
      recoverySuggestion: inner.recoverySuggestion,
    });
    expect(outer.cause).toBe(inner);
  });

  it('wraps a plain Error as UnknownError with its message and the error as cause', () => {
    const thrown = new RangeError('out of range');
    const error = toAuthError(thrown, 'signIn');
    expect(error).toMatchObject({ name: 'UnknownError', message: 'out of range', source: 'signIn' });
    expect(error.cause).toBe(thrown);
  });

  it.each([
    ['a string', 'it broke', 'it broke'],
    ['an object', { weird: true }, 'Unknown error'],
    ['undefined', undefined, 'Unknown error'],
    ['an Error without a message', new Error(''), 'Unknown error'],
  ])('turns %s into UnknownError', (_label, thrown, message) => {
    expect(toAuthError(thrown, 'signUp')).toMatchObject({ name: 'UnknownError', message, source: 'signUp' });
  });
});

describe('engine errors never reveal the password or the code', () => {
  const kit = useEngineBackend();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
  let serial = 0;

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  /** The error, and everything the engine exposed about it: state and events. */
  async function exposed(auth: Auth, seen: AuthEvent[], promise: Promise<unknown>): Promise<{ error: AuthError; text: string }> {
    const error = await authErrorOf(promise);
    const text = [error.message, JSON.stringify(error), String(error), JSON.stringify(auth.getState()), JSON.stringify(seen)].join('\n');
    return { error, text };
  }

  it('a wrong password at sign-in', async () => {
    const { backend, events } = kit();
    const username = `err${++serial}`;
    await backend.createUser({ username, password: strongPassword() });
    const guess = strongPassword();
    const auth = engine();
    const seen = events(auth);

    const { error, text } = await exposed(auth, seen, auth.signIn(username, guess));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', source: 'signIn' });
    expect(error.recoverySuggestion).toBe('Check the username and password, or sign in again.');
    expect(text).not.toContain(guess);
    expect(seen.map((e) => e.event)).toEqual(['signIn_failure']);
  });

  it('a weak password at sign-up', async () => {
    const { events } = kit();
    const auth = engine();
    const seen = events(auth);
    const weak = 'alllowercase';

    const { error, text } = await exposed(auth, seen, auth.signUp({ username: `err${++serial}`, password: weak }));

    expect(error.name).toBe('InvalidPasswordException');
    expect(text).not.toContain(weak);
  });

  it('a wrong sign-up code and a wrong reset code with a new password', async () => {
    const { backend, events } = kit();
    const password = strongPassword();
    const username = `err${++serial}`;
    const auth = engine();
    const seen = events(auth);
    await auth.signUp({ username, password, attributes: { email: `${username}@example.com` } });
    const signUpCode = backend.lastCode(username, 'SIGN_UP');

    const signUpFailure = await exposed(auth, seen, auth.confirmSignUp(username, wrongCode(signUpCode)));
    expect(signUpFailure.error.name).toBe('CodeMismatchException');
    expect(signUpFailure.text).not.toContain(wrongCode(signUpCode));
    expect(signUpFailure.text).not.toContain(password);

    await auth.confirmSignUp(username, signUpCode);
    await auth.forgotPassword(username);
    const resetCode = backend.lastCode(username, 'FORGOT_PASSWORD');
    const newPassword = strongPassword();
    const resetFailure = await exposed(auth, seen, auth.forgotPasswordSubmit(username, wrongCode(resetCode), newPassword));
    expect(resetFailure.error.name).toBe('CodeMismatchException');
    expect(resetFailure.text).not.toContain(wrongCode(resetCode));
    expect(resetFailure.text).not.toContain(newPassword);
    expect(resetFailure.text).not.toContain(password);
  });

  it('a wrong current password at changePassword', async () => {
    const { backend } = kit();
    const password = strongPassword();
    const username = `err${++serial}`;
    await backend.createUser({ username, password });
    const auth = engine();
    await auth.signIn(username, password);
    const guess = strongPassword();
    const proposed = strongPassword();

    const { error, text } = await exposed(auth, [], auth.changePassword(guess, proposed));

    expect(error.name).toBe('NotAuthorizedException');
    for (const secret of [guess, proposed, password]) expect(text).not.toContain(secret);
  });
});
