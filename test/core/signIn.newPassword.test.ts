import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { SESSION_ITEMS, authErrorOf, inputOf, storedKeys, uniqueName } from '../support/engineAssertions';

const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

// An admin-created user (FORCE_CHANGE_PASSWORD) in a pool that also requires `name` before the new password is accepted.
describe('NEW_PASSWORD_REQUIRED', () => {
  const kit = useEngineBackend({ requiredAttributesOnNewPassword: ['name'] });
  const temporary = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  /** An engine at the new-password step of a fresh FORCE_CHANGE_PASSWORD user. */
  async function atNewPasswordStep(config: { authenticationFlowType?: 'USER_PASSWORD_AUTH' } = PASSWORD_AUTH) {
    const { backend, auth, events } = kit();
    const username = uniqueName('fay');
    await backend.createUser({ username, password: temporary, status: 'FORCE_CHANGE_PASSWORD', attributes: { email: `${username}@example.com` } });
    const engine = auth({ config });
    const seen = events(engine);
    const first = await engine.signIn(username, temporary);
    backend.resetCounts();
    return { engine, seen, first, username };
  }

  it('asks for a new password and lists the missing required attributes', async () => {
    const { storage } = kit();
    const { engine, first, username } = await atNewPasswordStep();

    const step = { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', username, missingAttributes: ['name'] };
    expect(first).toEqual({ isSignedIn: false, nextStep: step });
    expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: step, error: null });
    expect(storage.keys()).toEqual([]);
  });

  it("completeNewPassword(newPassword, { name }) sets both and signs in; the temporary password stops working", async () => {
    const { backend, auth, storage } = kit();
    const { engine, seen, username } = await atNewPasswordStep();
    const next = strongPassword();

    const done = await engine.completeNewPassword(next, { name: 'Fay Doe' });

    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username, attributes: { name: 'Fay Doe' } }, error: null });
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: next, 'userAttributes.name': 'Fay Doe' },
    });
    expect(backend.getUser(username)).toMatchObject({ status: 'CONFIRMED', attributes: { name: 'Fay Doe' } });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, SESSION_ITEMS));
    expect(seen.map((e) => e.event)).toEqual(['signIn']);

    kit().storage = new RecordingStorage();
    await expect(auth({ config: PASSWORD_AUTH }).signIn(username, temporary)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    kit().storage = new RecordingStorage();
    await expect(auth({ config: PASSWORD_AUTH }).signIn(username, next)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('confirmSignIn({ challengeResponse, userAttributes }) answers the same step', async () => {
    const { backend } = kit();
    const { engine, username } = await atNewPasswordStep();
    const next = strongPassword();

    const done = await engine.confirmSignIn({ challengeResponse: next, userAttributes: { name: 'Via Confirm' } });

    expect(done.isSignedIn).toBe(true);
    expect(inputOf(backend, 'RespondToAuthChallenge')['ChallengeResponses']).toMatchObject({ NEW_PASSWORD: next, 'userAttributes.name': 'Via Confirm' });
    expect(backend.getUser(username)?.attributes['name']).toBe('Via Confirm');
  });

  it("accepts v5's completeNewPassword(user, newPassword, attributes, clientMetadata), after an SRP sign-in", async () => {
    const { backend } = kit();
    const { engine, first, username } = await atNewPasswordStep({});
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const next = strongPassword();

    const done = await engine.completeNewPassword({ username: 'x', attributes: {} }, next, { name: 'Vee Five' }, { via: 'v5' });

    expect(done.isSignedIn).toBe(true);
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: next, 'userAttributes.name': 'Vee Five' },
      ClientMetadata: { via: 'v5' },
    });
  });

  it('a missing required attribute fails with completeNewPassword_failure and keeps the step for a retry', async () => {
    const { backend } = kit();
    const { engine, seen, first } = await atNewPasswordStep();
    const next = strongPassword();

    const error = await authErrorOf(engine.completeNewPassword(next));

    expect(error).toMatchObject({ name: 'InvalidParameterException', source: 'completeNewPassword', message: expect.stringMatching(/name is missing/) });
    expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: first.nextStep, error });
    expect(seen).toEqual([{ event: 'completeNewPassword_failure', data: error, message: 'completeNewPassword failed: InvalidParameterException' }]);

    await expect(engine.completeNewPassword(next, { name: 'Second Try' })).resolves.toMatchObject({ isSignedIn: true });
    expect(backend.count('RespondToAuthChallenge')).toBe(2);
  });

  it('a password the pool policy refuses fails with InvalidPasswordException and keeps the step', async () => {
    const { engine, first } = await atNewPasswordStep();

    const error = await authErrorOf(engine.completeNewPassword('short', { name: 'Fay' }));

    expect(error).toMatchObject({ name: 'InvalidPasswordException', source: 'completeNewPassword' });
    expect(engine.getState().nextStep).toEqual(first.nextStep);
  });

  it('an empty new password is refused with EmptyPassword before any request', async () => {
    const { backend } = kit();
    const { engine } = await atNewPasswordStep();

    await expect(engine.completeNewPassword('', { name: 'Fay' })).rejects.toMatchObject({ name: 'EmptyPassword', source: 'completeNewPassword' });
    await expect(engine.confirmSignIn({ challengeResponse: '' })).rejects.toMatchObject({ name: 'EmptyPassword', source: 'confirmSignIn' });
    expect(backend.count()).toBe(0);
  });

  it('completeNewPassword without a new-password step is NoSignInInProgress, before any request', async () => {
    const { backend, auth } = kit();
    backend.resetCounts();

    const error = await authErrorOf(auth().completeNewPassword(strongPassword(), { name: 'Nobody' }));

    expect(error).toMatchObject({ name: 'NoSignInInProgress', source: 'completeNewPassword' });
    expect(backend.count()).toBe(0);
  });
});
