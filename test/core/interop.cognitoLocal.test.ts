import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../src/core/index';
import { totpCode } from '../backend/totp';
import { startCognitoLocal, type CognitoLocal } from '../support/cognitoLocal';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret, registerSecretSource } from '../support/secrets';

// The engine against a Cognito emulator we did not write. cognito-local has no SRP, so the
// USER_PASSWORD_AUTH flow is used; what it lacks is listed in the compatibility table of docs/reliability.md.
describe('engine ⇄ cognito-local 5.3 (USER_PASSWORD_AUTH)', () => {
  let cl: CognitoLocal;
  let auth: Auth;
  let clockOffsetMs = 0;
  const operations: string[] = [];
  const storage = new RecordingStorage();
  const username = 'ada';
  const passwords = ['Correct-Horse-1', 'Battery-Staple-2', 'Reset-Password-3'];
  registerSecret(...passwords);

  beforeAll(async () => {
    cl = await startCognitoLocal({ mfa: 'OPTIONAL' });
    registerSecretSource(() => cl.codes.map((delivered) => delivered.code));
    auth = createAuth(
      {
        userPoolId: cl.userPoolId,
        userPoolWebClientId: cl.clientId,
        endpoint: cl.endpoint,
        authenticationFlowType: 'USER_PASSWORD_AUTH',
        storage,
      },
      {
        now: () => Date.now() + clockOffsetMs,
        // Record which operations the engine sends (cognito-local cannot count them for us).
        fetch: (url, init) => {
          operations.push(init.headers['X-Amz-Target']!.split('.').pop()!);
          return fetch(url, init);
        },
      },
    );
  });
  afterAll(async () => {
    await cl?.stop();
  });

  it('signs up and confirms with the delivered code', async () => {
    const result = await auth.signUp({ username, password: passwords[0]!, attributes: { email: 'ada@example.com', name: 'Ada' } });
    expect(result.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expect(result.userConfirmed).toBe(false);
    expect(auth.getState().nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_UP', username });
    await expect(auth.confirmSignUp(username, '000000')).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await expect(auth.confirmSignUp(username, cl.lastCode(username)!)).resolves.toBe('SUCCESS');
    expect(auth.getState()).toMatchObject({ status: 'signedOut', nextStep: null });
  });

  it('rejects a wrong password and signs in with the right one', async () => {
    // cognito-local answers InvalidPasswordException where Cognito says NotAuthorizedException.
    await expect(auth.signIn(username, 'Wrong-Password-9')).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    const result = await auth.signIn(username, passwords[0]!);
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username, attributes: { email: 'ada@example.com' } } });
    expect(storage.getItem(`CognitoIdentityServiceProvider.${cl.clientId}.LastAuthUser`)).toBe(username);
  });

  it('gives the current session and refreshes it once its tokens have expired', async () => {
    const session = await auth.currentSession();
    expect(session.getIdToken().getJwtToken()).toBe(session.idToken);
    expect(session.getIdToken().payload['iss']).toBe(cl.issuer);
    expect(await auth.currentSession()).toBe(session);
    clockOffsetMs = 25 * 3600_000; // cognito-local tokens last 24 h
    const refreshed = await auth.currentSession();
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    expect(refreshed.refreshToken).toBe(session.refreshToken);
    expect(refreshed.isValid(Date.now() + clockOffsetMs)).toBe(true);
  });

  it('reads and updates attributes, verifying a changed email with its code', async () => {
    await auth.updateUserAttributes({ name: 'Ada Lovelace' });
    expect((await auth.userAttributes()).find((a) => a.Name === 'name')?.Value).toBe('Ada Lovelace');
    await auth.updateUserAttributes({ email: 'lovelace@example.com' });
    expect(auth.getState().user?.attributes['email_verified']).toBe('false');
    await auth.verifyCurrentUserAttributeSubmit('email', cl.lastCode(username)!);
    const user = await auth.currentAuthenticatedUser({ bypassCache: true });
    expect(user.attributes).toMatchObject({ email: 'lovelace@example.com', email_verified: 'true', name: 'Ada Lovelace' });
  });

  it('changes the password', async () => {
    await expect(auth.changePassword('not-the-password', passwords[1]!)).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    await expect(auth.changePassword(passwords[0]!, passwords[1]!)).resolves.toBe('SUCCESS');
    await auth.signOut();
    expect(auth.getState().status).toBe('signedOut');
    await expect(auth.signIn(username, passwords[1]!)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('resets a forgotten password with the delivered code', async () => {
    await auth.signOut();
    const sent = await auth.forgotPassword(username);
    expect(sent.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    expect(auth.getState().nextStep).toMatchObject({ signInStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', username });
    await auth.forgotPasswordSubmit(username, cl.lastCode(username)!, passwords[2]!);
    expect(auth.getState().nextStep).toBeNull();
    await expect(auth.signIn(username, passwords[2]!)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('sets up TOTP and then signs in through the TOTP challenge', async () => {
    const secret = await auth.setupTOTP();
    registerSecret(secret);
    await expect(auth.verifyTotpToken('000000')).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await auth.verifyTotpToken(await totpCode(secret));
    await auth.setPreferredMFA('TOTP');
    expect(await auth.getPreferredMFA()).toBe('SOFTWARE_TOKEN_MFA');
    await auth.signOut();

    const first = await auth.signIn(username, passwords[2]!);
    expect(first).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', username } });
    expect(auth.getState().nextStep).toEqual(first.nextStep);
    await expect(auth.confirmSignIn('000000')).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect(auth.getState().nextStep?.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    const done = await auth.confirmSignIn(await totpCode(secret));
    expect(done.isSignedIn).toBe(true);
    expect(auth.getState().status).toBe('signedIn');
  });

  it('deletes an attribute', async () => {
    await auth.updateUserAttributes({ name: 'Countess' });
    await expect(auth.deleteUserAttributes(['name'])).resolves.toBe('SUCCESS');
    expect((await auth.userAttributes()).some((a) => a.Name === 'name')).toBe(false);
    expect(auth.getState().user?.attributes['name']).toBeUndefined();
  });

  it('signs out locally without a request (its tokens carry no origin_jti) and forgets the stored session', async () => {
    const session = await auth.currentSession();
    // Amplify revokes the refresh token only when revocation is on (origin_jti); cognito-local's tokens lack it.
    expect(session.accessTokenPayload['origin_jti']).toBeUndefined();
    operations.length = 0;
    await auth.signOut();
    expect(operations).toEqual([]);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
    expect(storage.getItem(`CognitoIdentityServiceProvider.${cl.clientId}.LastAuthUser`)).toBeNull();
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
  });

  it('deletes the user: signed out here, and the account is gone on the server', async () => {
    await auth.signUp({ username: 'brief', password: passwords[0]!, attributes: { email: 'brief@example.com' } });
    await auth.confirmSignUp('brief', cl.lastCode('brief')!);
    await auth.signIn('brief', passwords[0]!);
    const events: string[] = [];
    auth.listen('*', (event) => events.push(event.event));
    await expect(auth.deleteUser()).resolves.toBe('SUCCESS');
    expect(events).toContain('userDeleted');
    expect(auth.getState().status).toBe('signedOut');
    expect(storage.keys().filter((key) => key.includes('.brief.'))).toEqual([]);
    await expect(auth.signIn('brief', passwords[0]!)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
