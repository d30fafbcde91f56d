import { beforeEach, describe, expect, it } from 'vitest';
import { type Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf, wrongCode, uniqueName } from '../support/engineAssertions';

describe('user attributes', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn(attributes: Record<string, string> = {}): Promise<{ auth: Auth; username: string }> {
    const { backend, auth } = kit();
    const username = uniqueName('hal');
    await backend.createUser({ username, password, attributes: { email: `${username}@example.com`, name: 'Hal', ...attributes } });
    const engine = auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await engine.signIn(username, password);
    backend.resetCounts();
    return { auth: engine, username };
  }

  it('userAttributes returns [{ Name, Value }] fresh from Cognito (one GetUser)', async () => {
    const { backend } = kit();
    const { auth, username } = await signedIn();

    const attributes = await auth.userAttributes();

    expect(backend.requests().map((r) => r.operation)).toEqual(['GetUser']);
    expect(attributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: backend.getUser(username)!.sub },
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Hal' },
      ]),
    );
    expect(attributes).toHaveLength(4);
  });

  it('updating a plain attribute applies it now: SUCCESS, isUpdated in the event, state.user updated', async () => {
    const { backend, events } = kit();
    const { auth, username } = await signedIn();
    const seen = events(auth);
    const accessToken = (await auth.currentSession()).accessToken;

    await expect(auth.updateUserAttributes({ name: 'Harold' }, { reason: 'rename' })).resolves.toBe('SUCCESS');

    expect(backend.requests()).toEqual([
      {
        operation: 'UpdateUserAttributes',
        input: { AccessToken: accessToken, UserAttributes: [{ Name: 'name', Value: 'Harold' }], ClientMetadata: { reason: 'rename' } },
      },
      { operation: 'GetUser', input: { AccessToken: accessToken } },
    ]);
    expect(backend.getUser(username)?.attributes['name']).toBe('Harold');
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username, attributes: { name: 'Harold' } } });
    expect(seen).toEqual([{ event: 'updateUserAttributes', data: { name: { isUpdated: true } }, message: 'User attributes updated' }]);
  });

  it('updating email sends a VERIFY_ATTRIBUTE code and marks it unverified; the event carries the delivery', async () => {
    const { backend, events } = kit();
    const { auth, username } = await signedIn();
    const seen = events(auth);
    const newEmail = `new-${username}@example.org`;

    await auth.updateUserAttributes({ email: newEmail, name: 'Hal Two' });

    expect(seen).toHaveLength(1);
    expect(seen[0]!.data).toEqual({
      email: { isUpdated: false, codeDeliveryDetails: { destination: 'n***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' } },
      name: { isUpdated: true },
    });
    expect(backend.getUser(username)?.attributes).toMatchObject({ email: newEmail, email_verified: 'false' });
    expect(backend.codes(username).at(-1)).toMatchObject({ kind: 'VERIFY_ATTRIBUTE', destination: newEmail, attributeName: 'email' });
    expect(auth.getState().user?.attributes).toMatchObject({ email: newEmail, email_verified: 'false', name: 'Hal Two' });

    await expect(auth.verifyCurrentUserAttributeSubmit('email', backend.lastCode(username, 'VERIFY_ATTRIBUTE'))).resolves.toBe('SUCCESS');
    expect(backend.getUser(username)?.attributes['email_verified']).toBe('true');
    expect(auth.getState().user?.attributes['email_verified']).toBe('true');
  });

  it('an empty attribute object fails with InvalidArgument before any request, with updateUserAttributes_failure', async () => {
    const { backend, events } = kit();
    const { auth } = await signedIn();
    const seen = events(auth);

    const error = await authErrorOf(auth.updateUserAttributes({}));

    expect(error).toMatchObject({ name: 'InvalidArgument', source: 'updateUserAttributes' });
    expect(backend.count()).toBe(0);
    expect(seen.map((e) => e.event)).toEqual(['updateUserAttributes_failure']);
    expect(auth.getState().status).toBe('signedIn');
  });

  it('an attribute outside the schema fails with InvalidParameterException and changes nothing', async () => {
    const { backend, events } = kit();
    const { auth, username } = await signedIn();
    const seen = events(auth);

    await expect(auth.updateUserAttributes({ favourite_colour: 'green' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      source: 'updateUserAttributes',
    });

    expect(seen.map((e) => e.event)).toEqual(['updateUserAttributes_failure']);
    expect(backend.getUser(username)?.attributes).not.toHaveProperty('favourite_colour');
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username } });
  });

  it('deleteUserAttributes removes them at Cognito and from state.user', async () => {
    const { backend } = kit();
    const { auth, username } = await signedIn({ nickname: 'H' });
    const accessToken = (await auth.currentSession()).accessToken;

    await expect(auth.deleteUserAttributes(['name', 'nickname'])).resolves.toBe('SUCCESS');

    expect(backend.requests()[0]).toEqual({
      operation: 'DeleteUserAttributes',
      input: { AccessToken: accessToken, UserAttributeNames: ['name', 'nickname'] },
    });
    expect(backend.getUser(username)?.attributes).not.toHaveProperty('name');
    expect(backend.getUser(username)?.attributes).not.toHaveProperty('nickname');
    expect(auth.getState().user?.attributes).not.toHaveProperty('name');
    expect(auth.getState().user?.attributes).toHaveProperty('email');
  });

  it('deleteUserAttributes with no names fails with InvalidArgument before any request', async () => {
    const { backend } = kit();
    const { auth } = await signedIn();
    await expect(auth.deleteUserAttributes([])).rejects.toMatchObject({ name: 'InvalidArgument', source: 'deleteUserAttributes' });
    expect(backend.count()).toBe(0);
  });

  it('verifyCurrentUserAttribute sends a code and returns its delivery; a wrong code fails, the right one verifies', async () => {
    const { backend } = kit();
    const { auth, username } = await signedIn({ email_verified: 'false' });
    const accessToken = (await auth.currentSession()).accessToken;

    const sent = await auth.verifyCurrentUserAttribute('email');

    expect(sent).toEqual({
      CodeDeliveryDetails: { Destination: 'h***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      codeDeliveryDetails: { destination: 'h***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' },
    });
    expect(backend.requests()).toEqual([{ operation: 'GetUserAttributeVerificationCode', input: { AccessToken: accessToken, AttributeName: 'email' } }]);
    const code = backend.lastCode(username, 'VERIFY_ATTRIBUTE');

    const error = await authErrorOf(auth.verifyCurrentUserAttributeSubmit('email', wrongCode(code)));
    expect(error).toMatchObject({ name: 'CodeMismatchException', source: 'verifyCurrentUserAttributeSubmit' });
    expect(error.message).not.toContain(wrongCode(code));
    expect(backend.getUser(username)?.attributes['email_verified']).toBe('false');
    expect(auth.getState().status).toBe('signedIn');

    await expect(auth.verifyCurrentUserAttributeSubmit('email', `${code.slice(0, 3)} ${code.slice(3)}`)).resolves.toBe('SUCCESS');
    expect(backend.requests().filter((r) => r.operation === 'VerifyUserAttribute').at(-1)?.input).toEqual({
      AccessToken: accessToken,
      AttributeName: 'email',
      Code: code,
    });
    expect(backend.getUser(username)?.attributes['email_verified']).toBe('true');
    expect(auth.getState().user?.attributes['email_verified']).toBe('true');
  });

  it('v5 verifyUserAttribute(user, "email") and verifyUserAttributeSubmit(user, "email", code) verify the same way', async () => {
    const { backend } = kit();
    const { auth, username } = await signedIn({ email_verified: 'false' });
    const user = await auth.currentAuthenticatedUser();

    const sent = await auth.verifyUserAttribute(user, 'email');
    expect(sent.codeDeliveryDetails).toEqual({ destination: 'h***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' });
    await expect(auth.verifyUserAttributeSubmit(user, 'email', backend.lastCode(username, 'VERIFY_ATTRIBUTE'))).resolves.toBe('SUCCESS');

    expect(backend.requests().map((r) => r.operation)).toEqual(['GetUserAttributeVerificationCode', 'VerifyUserAttribute', 'GetUser']);
    expect(backend.getUser(username)?.attributes['email_verified']).toBe('true');
  });

  it.each([
    ['userAttributes', (auth: Auth) => auth.userAttributes()],
    ['updateUserAttributes', (auth: Auth) => auth.updateUserAttributes({ name: 'x' })],
    ['deleteUserAttributes', (auth: Auth) => auth.deleteUserAttributes(['name'])],
    ['verifyCurrentUserAttribute', (auth: Auth) => auth.verifyCurrentUserAttribute('email')],
    ['verifyCurrentUserAttributeSubmit', (auth: Auth) => auth.verifyCurrentUserAttributeSubmit('email', '123456')],
  ])('%s without a signed-in user fails with NoCurrentUser and makes no request', async (source, call) => {
    const { backend, auth } = kit();
    const engine = auth();
    backend.resetCounts();
    await expect(call(engine)).rejects.toMatchObject({ name: 'NoCurrentUser', source });
    expect(backend.count()).toBe(0);
  });
});
