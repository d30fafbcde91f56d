import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { SESSION_ITEMS, authErrorOf, inputOf, operations, storedKeys, uniqueName } from '../support/engineAssertions';

// SRP costs ~150 ms per sign-in (acij's math), so only the tests about SRP itself use it.
const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

describe('signIn', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
    kit().backend.resetCounts();
  });

  async function newUser(prefix = 'ada', extra: { status?: 'UNCONFIRMED' | 'RESET_REQUIRED'; enabled?: boolean } = {}) {
    const username = uniqueName(prefix);
    const user = await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` }, ...extra });
    kit().backend.resetCounts();
    return user;
  }

  it('signs in with SRP by default: InitiateAuth USER_SRP_AUTH, then PASSWORD_VERIFIER, tokens stored', async () => {
    const { backend, auth, events, storage } = kit();
    const user = await newUser();
    const engine = auth();
    const seen = events(engine);

    const result = await engine.signIn(user.username, password);

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(engine.getState()).toEqual({
      status: 'signedIn',
      user: { username: user.username, userId: user.sub, attributes: expect.objectContaining({ email: `${user.username}@example.com`, sub: user.sub }) },
      nextStep: { signInStep: 'DONE' },
      error: null,
    });
    expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: user.username, SRP_A: expect.stringMatching(/^[0-9a-f]+$/) },
    });
    expect(inputOf(backend, 'InitiateAuth')['AuthParameters']).not.toHaveProperty('PASSWORD');
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: { USERNAME: user.username, PASSWORD_CLAIM_SIGNATURE: expect.any(String) },
    });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, user.username, SESSION_ITEMS));
    expect(storage.getItem(`CognitoIdentityServiceProvider.${backend.config.clientId}.LastAuthUser`)).toBe(user.username);
    expect(seen).toEqual([
      { event: 'signIn', data: engine.getState().user, message: `${user.username} has signed in successfully` },
    ]);
  });

  it('signs in with USER_PASSWORD_AUTH in one request, object form', async () => {
    const { backend, auth, storage } = kit();
    const user = await newUser();
    const engine = auth({ config: PASSWORD_AUTH });

    const result = await engine.signIn({ username: user.username, password });

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: user.username, userId: user.sub }, error: null });
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth')).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: backend.config.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: password },
    });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, user.username, SESSION_ITEMS));
  });

  it('a new engine on the same storage is signed in as the same user without a request', async () => {
    const { backend, auth } = kit();
    const user = await newUser();
    await auth({ config: PASSWORD_AUTH }).signIn(user.username, password);
    backend.resetCounts();

    expect(auth().getState()).toMatchObject({ status: 'signedIn', user: { username: user.username } });
    expect(backend.count()).toBe(0);
  });

  it('rejects a wrong SRP password with NotAuthorizedException: error in state and a signIn_failure event', async () => {
    const { backend, auth, events, storage } = kit();
    const user = await newUser();
    const engine = auth();
    const seen = events(engine);

    const error = await authErrorOf(engine.signIn(user.username, 'Wr0ng!Password'));

    expect(error).toMatchObject({
      name: 'NotAuthorizedException',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      source: 'signIn',
      recoverySuggestion: expect.stringMatching(/password/),
    });
    expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error });
    expect(seen).toEqual([
      { event: 'signIn_failure', data: error, message: 'signIn failed: NotAuthorizedException' },
    ]);
    expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(storage.keys()).toEqual([]);
  });

  it('rejects a wrong password with USER_PASSWORD_AUTH the same way', async () => {
    const { auth } = kit();
    const user = await newUser();
    const engine = auth({ config: PASSWORD_AUTH });

    const error = await authErrorOf(engine.signIn(user.username, 'Wr0ng!Password'));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', source: 'signIn' });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: { name: 'NotAuthorizedException' } });
  });

  it('rejects an unknown user with UserNotFoundException', async () => {
    const { auth, events } = kit();
    const engine = auth({ config: PASSWORD_AUTH });
    const seen = events(engine);

    const error = await authErrorOf(engine.signIn('nobody-here', password));

    expect(error).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.', source: 'signIn' });
    expect(error.recoverySuggestion).toBeTruthy();
    expect(engine.getState()).toMatchObject({ status: 'signedOut', error: { name: 'UserNotFoundException' } });
    expect(seen.map((e) => e.event)).toContain('signIn_failure');
  });

  it('answers an unconfirmed user with the CONFIRM_SIGN_UP step instead of an error', async () => {
    const { auth, events, storage } = kit();
    const user = await newUser('una', { status: 'UNCONFIRMED' });
    const engine = auth({ config: PASSWORD_AUTH });
    const seen = events(engine);

    const result = await engine.signIn(user.username, password);

    expect(result).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP', username: user.username } });
    expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: result.nextStep, error: null });
    expect(seen).toEqual([
      expect.objectContaining({ event: 'signIn_failure', data: expect.objectContaining({ name: 'UserNotConfirmedException' }) }),
    ]);
    expect(storage.keys()).toEqual([]);
  });

  it('answers a RESET_REQUIRED user with the RESET_PASSWORD step', async () => {
    const { auth, storage } = kit();
    const user = await newUser('rae', { status: 'RESET_REQUIRED' });
    const engine = auth({ config: PASSWORD_AUTH });

    const result = await engine.signIn(user.username, password);

    expect(result).toEqual({ isSignedIn: false, nextStep: { signInStep: 'RESET_PASSWORD', username: user.username } });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: { signInStep: 'RESET_PASSWORD' } });
    expect(storage.keys()).toEqual([]);
  });

  it('rejects a disabled user with NotAuthorizedException "User is disabled."', async () => {
    const { auth } = kit();
    const user = await newUser('dee', { enabled: false });
    const engine = auth({ config: PASSWORD_AUTH });

    const error = await authErrorOf(engine.signIn(user.username, password));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.', source: 'signIn' });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', user: null, error: { message: 'User is disabled.' } });
  });

  it.each([
    ['an empty username', () => ['', 'Passw0rd!'] as const, 'EmptyUsername'],
    ['a blank username', () => ['   ', 'Passw0rd!'] as const, 'EmptyUsername'],
    ['an empty password', () => ['someone', ''] as const, 'EmptyPassword'],
  ])('rejects %s before any request', async (_label, args, name) => {
    const { backend, auth, events } = kit();
    const engine = auth();
    const seen = events(engine);
    const [username, pw] = args();

    const error = await authErrorOf(engine.signIn(username, pw));

    expect(error).toMatchObject({ name, source: 'signIn', recoverySuggestion: expect.any(String) });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', error: { name } });
    expect(seen.map((e) => e.event)).toContain('signIn_failure');
    expect(backend.count()).toBe(0);
  });

  it('rejects a missing password in the object form before any request', async () => {
    const { backend, auth } = kit();

    const error = await authErrorOf(auth().signIn({ username: 'someone' }));

    expect(error.name).toBe('EmptyPassword');
    expect(backend.count()).toBe(0);
  });

  it('refuses to sign in again while signed in, without a request and without losing the session', async () => {
    const { backend, auth, events } = kit();
    const user = await newUser();
    const engine = auth({ config: PASSWORD_AUTH });
    await engine.signIn(user.username, password);
    const signedIn = engine.getState();
    const seen = events(engine);
    backend.resetCounts();

    const error = await authErrorOf(engine.signIn(user.username, password));

    expect(error).toMatchObject({ name: 'UserAlreadyAuthenticatedException', source: 'signIn' });
    expect(engine.getState()).toBe(signedIn);
    expect(seen).toEqual([expect.objectContaining({ event: 'signIn_failure', data: error })]);
    expect(backend.count()).toBe(0);
  });

  it('sends config clientMetadata merged with the per-call one (positional form), on every sign-in request', async () => {
    const { backend, auth } = kit();
    const user = await newUser();
    const engine = auth({ config: { clientMetadata: { app: 'web', screen: 'config' } } });

    await engine.signIn(user.username, password, { screen: 'login', flag: 'on' });

    const expected = { app: 'web', screen: 'login', flag: 'on' };
    expect(inputOf(backend, 'InitiateAuth')['ClientMetadata']).toEqual(expected);
    expect(inputOf(backend, 'RespondToAuthChallenge')['ClientMetadata']).toEqual(expected);
  });

  it('sends the per-call clientMetadata of the object form, and none when there is none', async () => {
    const { backend, auth } = kit();
    const user = await newUser();

    await auth({ config: PASSWORD_AUTH }).signIn({ username: user.username, password, clientMetadata: { source: 'object' } });
    kit().storage = new RecordingStorage();
    await auth({ config: PASSWORD_AUTH }).signIn(user.username, password);

    expect(inputOf(backend, 'InitiateAuth', 0)['ClientMetadata']).toEqual({ source: 'object' });
    expect(inputOf(backend, 'InitiateAuth', 1)).not.toHaveProperty('ClientMetadata');
  });
});

describe('signIn in a pool that signs in by email (usernameAttributes)', () => {
  const kit = useEngineBackend({ usernameAttributes: ['email'] });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it.each([
    ['SRP', {}],
    ['USER_PASSWORD_AUTH', PASSWORD_AUTH],
  ] as const)('%s: signs in by email and stores the session under the internal username (the sub)', async (_flow, config) => {
    const { backend, auth, storage } = kit();
    const email = `${uniqueName('eve')}@example.com`;
    const user = await backend.createUser({ username: email, password });
    expect(user.username).toBe(user.sub);
    const engine = auth({ config });

    const result = await engine.signIn(email, password);

    expect(result.isSignedIn).toBe(true);
    expect(engine.getState()).toMatchObject({
      status: 'signedIn',
      user: { username: user.sub, userId: user.sub, attributes: { email } },
    });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, user.sub, SESSION_ITEMS));
    expect(storage.getItem(`CognitoIdentityServiceProvider.${backend.config.clientId}.LastAuthUser`)).toBe(user.sub);
    expect(auth().getState()).toMatchObject({ status: 'signedIn', user: { username: user.sub } });
  });
});
