import { CognitoUserAttribute, type ISignUpResult } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { expectOutcome, MemoryStorage, nodeStyle, poolFor, settle, signIn, toClientError, userFor } from './acij';
import { strongPassword, useBackend } from './harness';
import { BackendError } from './errors';

const attrs = (values: Record<string, string>) =>
  Object.entries(values).map(([Name, Value]) => new CognitoUserAttribute({ Name, Value }));

async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return toClientError(err);
  }
  throw new Error('expected a rejection');
}

describe('sign-up and confirmation through acij', () => {
  const server = useBackend({ codeValiditySeconds: 60, deviceTracking: false });
  const password = strongPassword();

  const pool = () => {
    const { backend, url } = server();
    const storage = new MemoryStorage();
    return { pool: poolFor(backend, url, storage), storage };
  };

  it('signs up, confirms with the delivered code, then signs in', async () => {
    const { backend } = server();
    const { pool: p, storage } = pool();
    const result = await nodeStyle<ISignUpResult>((cb) =>
      p.signUp('carol', password, attrs({ email: 'carol@example.com' }), [], cb),
    );
    expect(result.userConfirmed).toBe(false);
    expect(result.codeDeliveryDetails).toEqual({ Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(backend.getUser('carol')?.status).toBe('UNCONFIRMED');

    const code = backend.lastCode('carol', 'SIGN_UP');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await rejection(nodeStyle((cb) => result.user.confirmRegistration(wrong, false, cb)))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    await nodeStyle((cb) => result.user.confirmRegistration(code, false, cb));

    expect(backend.getUser('carol')).toMatchObject({ status: 'CONFIRMED', attributes: { email_verified: 'true' } });
    expectOutcome(await signIn(userFor(p, 'carol', storage), password), 'success');
  });

  it('rejects duplicates and weak passwords with Cognito messages', async () => {
    const { pool: p } = pool();
    const dup = await rejection(nodeStyle((cb) => p.signUp('carol', password, attrs({ email: 'c2@example.com' }), [], cb)));
    expect(dup).toEqual({ name: 'UsernameExistsException', message: 'User already exists' });
    const weak = await rejection(nodeStyle((cb) => p.signUp('dave', 'password1!', [], [], cb)));
    expect(weak).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
  });

  it('expires codes with the backend clock and only accepts the latest one', async () => {
    const { backend } = server();
    const { pool: p } = pool();
    const result = await nodeStyle<ISignUpResult>((cb) => p.signUp('erin', password, attrs({ email: 'erin@example.com' }), [], cb));
    const first = backend.lastCode('erin', 'SIGN_UP');
    await nodeStyle((cb) => result.user.resendConfirmationCode(cb));
    const second = backend.lastCode('erin', 'SIGN_UP');
    expect(backend.codes('erin').filter((c) => c.kind === 'SIGN_UP')).toHaveLength(2);

    backend.advanceTime(61_000);
    expect(await rejection(nodeStyle((cb) => result.user.confirmRegistration(second, false, cb)))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    await nodeStyle((cb) => result.user.resendConfirmationCode(cb));
    const third = backend.lastCode('erin', 'SIGN_UP');
    if (first !== third) {
      const stale = await rejection(nodeStyle((cb) => result.user.confirmRegistration(first, false, cb)));
      expect(stale.name).toBe('CodeMismatchException');
    }
    await nodeStyle((cb) => result.user.confirmRegistration(third, false, cb));
  });

  it('locks code entry after five wrong codes, even for the right code', async () => {
    const { backend } = server();
    const clientId = backend.config.clientId;
    await backend.call('SignUp', {
      ClientId: clientId,
      Username: 'frank',
      Password: password,
      UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }],
    });
    const code = backend.lastCode('frank', 'SIGN_UP');
    const wrong = code === '000000' ? '111111' : '000000';
    const confirm = (c: string) => backend.call('ConfirmSignUp', { ClientId: clientId, Username: 'frank', ConfirmationCode: c });
    for (let i = 0; i < 5; i++) await expect(confirm(wrong)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await expect(confirm(code)).rejects.toEqual(
      new BackendError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
    );
  });
});

describe('forgot password and attribute verification', () => {
  const server = useBackend({ deviceTracking: false });

  it('resets a password with the FORGOT_PASSWORD code', async () => {
    const { backend, url } = server();
    const oldPassword = strongPassword();
    const newPassword = strongPassword();
    await backend.createUser({ username: 'gina', password: oldPassword, attributes: { email: 'gina@example.com' } });
    const storage = new MemoryStorage();
    const user = userFor(poolFor(backend, url, storage), 'gina', storage);

    const sent = await settle<{ CodeDeliveryDetails: { Destination: string } }>((cb) => user.forgotPassword(cb));
    expect(sent.CodeDeliveryDetails.Destination).toBe('g***@e***');
    await settle((cb) => user.confirmPassword(backend.lastCode('gina', 'FORGOT_PASSWORD'), newPassword, cb));

    expectOutcome(await signIn(userFor(poolFor(backend, url, storage), 'gina', storage), newPassword), 'success');
    await expect(
      backend.call('InitiateAuth', {
        ClientId: backend.config.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'gina', PASSWORD: oldPassword },
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('marks a changed email unverified until its code is entered', async () => {
    const { backend, url } = server();
    const password = strongPassword();
    await backend.createUser({ username: 'hank', password, attributes: { email: 'hank@example.com' } });
    const storage = new MemoryStorage();
    const user = userFor(poolFor(backend, url, storage), 'hank', storage);
    expectOutcome(await signIn(user, password), 'success');

    const updated = await new Promise<unknown>((resolve, reject) =>
      user.updateAttributes(attrs({ email: 'hank@example.org' }), (err, _ok, details) => (err ? reject(err) : resolve(details))),
    );
    expect(updated).toEqual({
      CodeDeliveryDetailsList: [{ Destination: 'h***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }],
    });
    expect(backend.getUser('hank')?.attributes).toMatchObject({ email: 'hank@example.org', email_verified: 'false' });

    const code = backend.lastCode('hank', 'VERIFY_ATTRIBUTE');
    expect(backend.codes('hank').at(-1)).toMatchObject({ destination: 'hank@example.org', medium: 'EMAIL', attributeName: 'email' });
    await settle((cb) => user.verifyAttribute('email', code, cb));
    expect(backend.getUser('hank')?.attributes.email_verified).toBe('true');
  });
});
