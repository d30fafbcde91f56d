/**
 * `resendSignInCode()`: a new code for a code chosen to sign in with (USER_AUTH), on the test
 * backend. Never for an MFA code; a failed resend leaves the step answerable.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';

const PHONE = '+15555550123';

describe('resendSignInCode (USER_AUTH first-factor codes)', () => {
  // Set by a test: the next InitiateAuth is throttled, as Cognito does when codes are asked for too often.
  let throttleNext = false;
  const kit = useEngineBackend({
    allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'],
    mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    intercept: (operation) => {
      if (operation !== 'InitiateAuth' || !throttleNext) return undefined;
      throttleNext = false;
      return { status: 400, body: JSON.stringify({ __type: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }) };
    },
  });
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser(prefix: string, mfa: { email?: boolean } = {}): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: PHONE, phone_number_verified: 'true' },
      mfa,
    });
    return username;
  }

  it('an email code chosen from the choice: one InitiateAuth with that factor and the same metadata, a new code that signs in', async () => {
    const { backend, auth, events } = kit();
    const username = await newUser('eve');
    const engine = auth({ config: { authenticationFlowType: 'USER_AUTH' } });
    await engine.signIn({ username });
    const step = await engine.confirmSignIn({ challengeResponse: 'EMAIL_OTP', clientMetadata: { app: 'web' } });
    expect(step.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', firstFactor: true });
    const first = backend.lastCode(username, 'SIGN_IN');
    const seen = events(engine);

    backend.resetCounts();
    const again = await engine.resendSignInCode();
    expect(again).toEqual({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        username,
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'e***@e***', attributeName: 'email' },
        firstFactor: true,
      },
    });
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      ClientMetadata: { app: 'web' },
    });
    const second = backend.lastCode(username, 'SIGN_IN');
    expect(second).not.toBe(first);
    expect(seen).toEqual([]);

    backend.resetCounts();
    expect(await engine.confirmSignIn({ challengeResponse: second })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
  });

  it('an SMS code asked for by name (v6 preferredChallenge) is sent again by SMS', async () => {
    const { backend, auth } = kit();
    const username = await newUser('sam');
    const engine = auth();
    const step = await engine.signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'SMS_OTP' } });
    expect(step.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', firstFactor: true });
    backend.resetCounts();
    await engine.resendSignInCode();
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthParameters: { PREFERRED_CHALLENGE: 'SMS_OTP' } });
    expect(await engine.confirmSignIn({ challengeResponse: backend.lastCode(username, 'SIGN_IN') })).toMatchObject({ isSignedIn: true });
  });

  it('an email MFA code (after the password) is not a first factor: refused before any request, the step stays', async () => {
    const { backend, auth } = kit();
    const username = await newUser('mia', { email: true });
    const engine = auth({ config: { authenticationFlowType: 'USER_AUTH' } });
    const step = await engine.signIn({ username, password });
    expect(step.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    expect(step.nextStep).not.toHaveProperty('firstFactor');
    backend.resetCounts();
    const refused = await authErrorOf(engine.resendSignInCode());
    expect(refused).toMatchObject({ name: 'NoSignInInProgress', source: 'resendSignInCode' });
    expect(backend.count()).toBe(0);
    expect(engine.getState().nextStep?.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    expect(await engine.confirmSignIn({ challengeResponse: backend.lastCode(username, 'MFA') })).toMatchObject({ isSignedIn: true });
  });

  it('a resend that is refused (throttled) leaves the first code answerable, and says why', async () => {
    const { backend, auth } = kit();
    const username = await newUser('ned');
    const engine = auth({ config: { authenticationFlowType: 'USER_AUTH' } });
    await engine.signIn({ username, options: { preferredChallenge: 'EMAIL_OTP' } });
    const first = backend.lastCode(username, 'SIGN_IN');
    throttleNext = true;
    const failed = await authErrorOf(engine.resendSignInCode());
    expect(failed).toMatchObject({ name: 'LimitExceededException', source: 'resendSignInCode' });
    expect(engine.getState()).toMatchObject({
      status: 'signedOut',
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', firstFactor: true },
      error: { name: 'LimitExceededException' },
    });
    expect(await engine.confirmSignIn({ challengeResponse: first })).toMatchObject({ isSignedIn: true });
  });

  it('nothing pending: NoSignInInProgress', async () => {
    const engine = kit().auth();
    expect(await authErrorOf(engine.resendSignInCode())).toMatchObject({ name: 'NoSignInInProgress' });
  });
});
