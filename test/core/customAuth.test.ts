import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { SESSION_ITEMS, answeredChallenges, authErrorOf, inputOf, operations, storedKeys, uniqueName, wrongCode } from '../support/engineAssertions';

const CUSTOM_AUTH = { authenticationFlowType: 'CUSTOM_AUTH' } as const;

// The backend simulates the Define/Create/Verify-Auth-Challenge Lambdas: one round, a 6-digit code
// e-mailed to the user, a new code after a wrong answer, NotAuthorizedException after 3 wrong ones.
describe('CUSTOM_AUTH', () => {
  const kit = useEngineBackend({ customAuth: { rounds: 1, maxAttempts: 3 } });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser() {
    const username = uniqueName('cara');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    kit().backend.resetCounts();
    return username;
  }

  const challengeStep = (username: string) => ({
    signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
    username,
    additionalInfo: { challenge: 'code', destination: 'c***@e***' },
  });

  it('without a password starts CUSTOM_AUTH and shows the challenge with its public parameters only', async () => {
    const { backend, auth, storage } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });

    const first = await engine.signIn(username);

    expect(first).toEqual({ isSignedIn: false, nextStep: challengeStep(username) });
    expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: challengeStep(username), error: null });
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth')).toEqual({
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: backend.config.clientId,
      AuthParameters: { USERNAME: username },
    });
    expect(storage.keys()).toEqual([]);
  });

  it('sendCustomChallengeAnswer(code) with the delivered code signs in', async () => {
    const { backend, auth, events, storage } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });
    const seen = events(engine);
    await engine.signIn(username);
    const code = backend.lastCode(username, 'CUSTOM_CHALLENGE');

    const done = await engine.sendCustomChallengeAnswer(code);

    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username }, error: null });
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ChallengeResponses: { USERNAME: username, ANSWER: code },
    });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, SESSION_ITEMS));
    expect(seen.map((e) => e.event)).toEqual(['signIn']);
  });

  it("accepts v5's sendCustomChallengeAnswer(user, answer, clientMetadata) and confirmSignIn(answer)", async () => {
    const { backend, auth } = kit();
    const username = await newUser();
    const v5 = auth({ config: CUSTOM_AUTH });
    await v5.signIn(username);

    await expect(
      v5.sendCustomChallengeAnswer({ username, attributes: {} }, backend.lastCode(username, 'CUSTOM_CHALLENGE'), { via: 'v5' }),
    ).resolves.toMatchObject({ isSignedIn: true });
    expect(inputOf(backend, 'RespondToAuthChallenge')['ClientMetadata']).toEqual({ via: 'v5' });

    kit().storage = new RecordingStorage();
    const v6 = auth({ config: CUSTOM_AUTH });
    await v6.signIn(username);
    await expect(v6.confirmSignIn(backend.lastCode(username, 'CUSTOM_CHALLENGE'))).resolves.toMatchObject({ isSignedIn: true });
  });

  it('a wrong answer gets a new challenge with a new code, which then signs in', async () => {
    const { backend, auth } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });
    await engine.signIn(username);
    const firstCode = backend.lastCode(username, 'CUSTOM_CHALLENGE');

    const retry = await engine.sendCustomChallengeAnswer(wrongCode(firstCode));

    expect(retry).toEqual({ isSignedIn: false, nextStep: challengeStep(username) });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: challengeStep(username), error: null });
    expect(backend.codes(username).filter((c) => c.kind === 'CUSTOM_CHALLENGE')).toHaveLength(2);

    await expect(engine.sendCustomChallengeAnswer(backend.lastCode(username, 'CUSTOM_CHALLENGE'))).resolves.toMatchObject({ isSignedIn: true });
    expect(answeredChallenges(backend)).toEqual(['CUSTOM_CHALLENGE', 'CUSTOM_CHALLENGE']);
  });

  it('three wrong answers end the sign-in (SignInSessionExpired, caused by NotAuthorizedException); it must start over', async () => {
    const { backend, auth, events } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });
    const seen = events(engine);
    await engine.signIn(username);

    await engine.sendCustomChallengeAnswer(wrongCode(backend.lastCode(username, 'CUSTOM_CHALLENGE')));
    await engine.sendCustomChallengeAnswer(wrongCode(backend.lastCode(username, 'CUSTOM_CHALLENGE')));
    const error = await authErrorOf(engine.sendCustomChallengeAnswer(wrongCode(backend.lastCode(username, 'CUSTOM_CHALLENGE'))));

    expect(error).toMatchObject({ name: 'SignInSessionExpired', source: 'sendCustomChallengeAnswer', cause: { name: 'NotAuthorizedException' } });
    expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error });
    expect(seen.at(-1)).toEqual(expect.objectContaining({ event: 'signIn_failure', data: error }));
    backend.resetCounts();
    await expect(engine.sendCustomChallengeAnswer(backend.lastCode(username, 'CUSTOM_CHALLENGE'))).rejects.toMatchObject({
      name: 'NoSignInInProgress',
    });
    expect(backend.count()).toBe(0);
  });

  it('an empty answer is refused with EmptyChallengeResponse before any request', async () => {
    const { backend, auth } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });
    await engine.signIn(username);
    backend.resetCounts();

    await expect(engine.sendCustomChallengeAnswer('  ')).rejects.toMatchObject({ name: 'EmptyChallengeResponse', source: 'sendCustomChallengeAnswer' });
    expect(backend.count()).toBe(0);
    expect(engine.getState().nextStep).toEqual(challengeStep(username));
  });

  it('sendCustomChallengeAnswer without a custom challenge waiting is NoSignInInProgress', async () => {
    const { backend, auth } = kit();
    backend.resetCounts();

    await expect(auth({ config: CUSTOM_AUTH }).sendCustomChallengeAnswer('123456')).rejects.toMatchObject({ name: 'NoSignInInProgress' });
    expect(backend.count()).toBe(0);
  });

  it("with a password proves it by SRP first (CHALLENGE_NAME: 'SRP_A'), then asks the custom challenge", async () => {
    const { backend, auth } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });

    const first = await engine.signIn(username, password);

    expect(first).toEqual({ isSignedIn: false, nextStep: challengeStep(username) });
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME: username, CHALLENGE_NAME: 'SRP_A', SRP_A: expect.stringMatching(/^[0-9a-f]+$/) },
    });
    expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER']);

    await expect(engine.sendCustomChallengeAnswer(backend.lastCode(username, 'CUSTOM_CHALLENGE'))).resolves.toMatchObject({ isSignedIn: true });
    expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE']);
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username } });
  });

  it('with a wrong password fails at the SRP step with NotAuthorizedException, no challenge sent', async () => {
    const { backend, auth } = kit();
    const username = await newUser();
    const engine = auth({ config: CUSTOM_AUTH });

    const error = await authErrorOf(engine.signIn(username, 'Wr0ng!Password'));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', source: 'signIn' });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: null });
    expect(backend.codes(username)).toEqual([]);
  });
});
