import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { answeredChallenges, authErrorOf, inputOf, operations, uniqueName, wrongCode } from '../support/engineAssertions';

const PHONE = '+15555550123';
const USER_AUTH = { authenticationFlowType: 'USER_AUTH' } as const;

describe('choice-based sign-in (USER_AUTH)', () => {
  const kit = useEngineBackend({ allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'], mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser(prefix: string, mfa: { sms?: boolean; email?: boolean } = {}): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: PHONE, phone_number_verified: 'true' },
      mfa,
    });
    return username;
  }

  it('without a password: the user chooses, gets an email code, and is signed in with one request per step', async () => {
    const { backend, auth, events } = kit();
    const username = await newUser('eve');
    const engine = auth({ config: USER_AUTH });
    const seen = events(engine);

    const choose = await engine.signIn({ username });
    expect(choose).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', username, availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'] },
    });
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username } });
    expect(engine.getState().nextStep).toEqual(choose.nextStep);

    // Not offered: refused before any request, and the step stays.
    backend.resetCounts();
    const refused = await authErrorOf(engine.confirmSignIn({ challengeResponse: 'WEB_AUTHN' }));
    expect(refused).toMatchObject({ name: 'InvalidAuthFactor', message: 'Choose one of: PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP.' });
    expect(backend.count()).toBe(0);
    expect(engine.getState().nextStep?.signInStep).toBe('CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');

    const code = await engine.confirmSignIn({ challengeResponse: 'EMAIL_OTP' });
    expect(code).toEqual({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        username,
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'e***@e***', attributeName: 'email' },
        firstFactor: true,
      },
    });
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { ANSWER: 'EMAIL_OTP' } });

    // A wrong code keeps the step: the user retypes it.
    const wrong = await authErrorOf(engine.confirmSignIn({ challengeResponse: wrongCode(backend.lastCode(username, 'SIGN_IN')) }));
    expect(wrong.name).toBe('CodeMismatchException');
    expect(engine.getState().nextStep?.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');

    backend.resetCounts();
    const done = await engine.confirmSignIn({ challengeResponse: ` ${backend.lastCode(username, 'SIGN_IN').replace(/(\d{3})/, '$1 ')}` });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    // One failure event for the refused factor, one for the wrong code.
    expect(seen.map((e) => e.event)).toEqual(['signIn_failure', 'signIn_failure', 'signIn']);
  });

  it('SMS_OTP as the preferred challenge (per call, v6 options) goes straight to the SMS code', async () => {
    const { backend, auth } = kit();
    const username = await newUser('sam');
    const engine = auth();
    backend.resetCounts();
    const step = await engine.signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'SMS_OTP' } });
    expect(step.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: { deliveryMedium: 'SMS' } });
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'SMS_OTP' } });
    expect(await engine.confirmSignIn({ challengeResponse: backend.lastCode(username, 'SIGN_IN') })).toMatchObject({ isSignedIn: true });
    expect(answeredChallenges(backend)).toEqual(['SMS_OTP']);
  });

  it('a typed password is proven by SRP (PASSWORD_SRP); PASSWORD sends it as is', async () => {
    const { backend, auth } = kit();
    const username = await newUser('pat');
    backend.resetCounts();
    expect(await auth({ config: USER_AUTH }).signIn({ username, password })).toMatchObject({ isSignedIn: true });
    const srp = inputOf(backend, 'InitiateAuth') as { AuthParameters: Record<string, string> };
    expect(srp.AuthParameters).toMatchObject({ PREFERRED_CHALLENGE: 'PASSWORD_SRP' });
    expect(srp.AuthParameters).toHaveProperty('SRP_A');
    expect(srp.AuthParameters).not.toHaveProperty('PASSWORD');
    expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER']);

    await auth().signOut();
    backend.resetCounts();
    const plain = await auth({ config: USER_AUTH }).signIn({ username, password, options: { preferredChallenge: 'PASSWORD' } });
    expect(plain.isSignedIn).toBe(true);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthParameters: { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password } });

    // Asking for a password factor without a password is the typed empty-password error, before any request.
    await auth().signOut();
    backend.resetCounts();
    const empty = await authErrorOf(auth({ config: USER_AUTH }).signIn({ username, options: { preferredChallenge: 'PASSWORD_SRP' } }));
    expect(empty.name).toBe('EmptyPassword');
    expect(backend.count()).toBe(0);
  });

  it('a wrong password after the choice ends the step with Cognito\'s own error, not a session-expired one', async () => {
    const { auth } = kit();
    const username = await newUser('wes');
    const engine = auth({ config: USER_AUTH });
    await engine.signIn({ username });
    await engine.confirmSignIn({ challengeResponse: 'PASSWORD' });
    const wrong = await authErrorOf(engine.confirmSignIn({ challengeResponse: `${password}-not` }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    // Cognito closed that session: the state is back at sign-in, with the error to show.
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: { name: 'NotAuthorizedException' } });
    expect(await engine.signIn({ username, password })).toMatchObject({ isSignedIn: true });
  });

  it('choosing the password asks for it without a request, then proves it by SRP and goes on to the MFA', async () => {
    const { backend, auth } = kit();
    const username = await newUser('max', { email: true, sms: true });
    const engine = auth({ config: USER_AUTH });
    await engine.signIn({ username });
    backend.resetCounts();

    const ask = await engine.confirmSignIn({ challengeResponse: 'PASSWORD' });
    expect(ask.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD', username });
    expect(backend.count()).toBe(0);

    const mfa = await engine.confirmSignIn({ challengeResponse: password });
    expect(mfa.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', username, allowedMFATypes: ['SMS', 'EMAIL'] });
    expect(answeredChallenges(backend)).toEqual(['SELECT_CHALLENGE', 'PASSWORD_VERIFIER']);
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeResponses: { ANSWER: 'PASSWORD_SRP' } });
    expect(JSON.stringify(inputOf(backend, 'RespondToAuthChallenge'))).not.toContain(password);

    const email = await engine.confirmSignIn({ challengeResponse: 'EMAIL' });
    expect(email.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { attributeName: 'email' } });
    expect(await engine.confirmSignIn({ challengeResponse: backend.lastCode(username, 'MFA') })).toMatchObject({ isSignedIn: true });
  });
});

describe('email MFA', () => {
  const kit = useEngineBackend({ mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  const password = strongPassword();
  const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('a user with email MFA types the emailed code', async () => {
    const { backend, auth } = kit();
    const username = uniqueName('emma');
    await backend.createUser({ username, password, attributes: { email: `${username}@example.com` }, mfa: { email: true } });
    const engine = auth({ config: PASSWORD_AUTH });
    const step = await engine.signIn({ username, password });
    expect(step.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      username,
      codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'e***@e***', attributeName: 'email' },
    });
    expect(await engine.confirmSignIn({ challengeResponse: backend.lastCode(username, 'MFA') })).toMatchObject({ isSignedIn: true });
    expect(answeredChallenges(backend).at(-1)).toBe('EMAIL_OTP');
  });

  it('MFA required: choose email among the methods to set up, give the address, type its code', async () => {
    const { backend, auth } = kit();
    const username = uniqueName('ned');
    await backend.createUser({ username, password });
    const engine = auth({ config: PASSWORD_AUTH });
    const select = await engine.signIn({ username, password });
    expect(select.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', username, allowedMFATypes: ['EMAIL', 'TOTP'] });

    backend.resetCounts();
    const refused = await authErrorOf(engine.confirmSignIn({ challengeResponse: 'SMS' }));
    expect(refused).toMatchObject({ name: 'InvalidMFAType', message: 'Choose the MFA to set up: EMAIL or TOTP.' });
    const setup = await engine.confirmSignIn({ challengeResponse: 'EMAIL' });
    expect(setup.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP', username });
    expect(backend.count()).toBe(0);

    const empty = await authErrorOf(engine.confirmSignIn({ challengeResponse: '  ' }));
    expect(empty.name).toBe('EmptyChallengeResponse');
    const code = await engine.confirmSignIn({ challengeResponse: `${username}@example.com` });
    expect(code.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { destination: 'n***@e***' } });
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeResponses: { EMAIL: `${username}@example.com` } });

    expect(await engine.confirmSignIn({ challengeResponse: backend.lastCode(username, 'MFA') })).toMatchObject({ isSignedIn: true });
    expect(backend.getUser(username)?.mfa).toMatchObject({ email: true, preferred: 'EMAIL_OTP' });
  });

  it('choosing TOTP to set up fetches the secret, as the TOTP-only pool does', async () => {
    const { backend, auth } = kit();
    const username = uniqueName('tia');
    await backend.createUser({ username, password });
    const engine = auth({ config: PASSWORD_AUTH });
    await engine.signIn({ username, password });
    backend.resetCounts();
    const totp = await engine.confirmSignIn({ challengeResponse: 'TOTP' });
    expect(totp.nextStep).toMatchObject({ signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', totpSetupDetails: { sharedSecret: expect.stringMatching(/^[A-Z2-7]{32}$/) } });
    expect(operations(backend)).toEqual(['AssociateSoftwareToken']);
  });
});

describe('passwordless sign-up, then the automatic sign-in with the confirmation Session', () => {
  const kit = useEngineBackend({ allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });

  it('signs up without a password, confirms with the code, and is signed in with no factor; the user can only sign in by code later', async () => {
    const { backend, auth } = kit();
    kit().storage = new RecordingStorage();
    const engine = auth({ config: USER_AUTH });
    const username = uniqueName('neo');
    const up = await engine.signUp({ username, attributes: { email: `${username}@example.com` }, autoSignIn: { enabled: true } });
    expect(up.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expect(inputOf(backend, 'SignUp')).not.toHaveProperty('Password');

    backend.resetCounts();
    await engine.confirmSignUp({ username, code: backend.lastCode(username, 'SIGN_UP') });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    expect(operations(backend)).toEqual(['ConfirmSignUp', 'InitiateAuth']);
    const initiate = inputOf(backend, 'InitiateAuth') as { Session?: string; AuthParameters: Record<string, string> };
    expect(initiate).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username } });
    expect(initiate.Session).toEqual(expect.any(String));
    expect(initiate.AuthParameters).not.toHaveProperty('PASSWORD');

    // The Session signs in once; afterwards this passwordless user has the email code only.
    await engine.signOut();
    backend.resetCounts();
    const replay = backend.call('InitiateAuth', { ClientId: backend.config.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username }, Session: initiate.Session });
    await expect(replay).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect((await engine.signIn({ username })).nextStep).toMatchObject({ availableChallenges: ['EMAIL_OTP'] });
  });

  it('a password is still required outside choice-based sign-in', async () => {
    const { backend, auth } = kit();
    backend.resetCounts();
    const error = await authErrorOf(auth().signUp({ username: uniqueName('old'), attributes: { email: 'old@example.com' } }));
    expect(error.name).toBe('EmptyPassword');
    expect(backend.count()).toBe(0);
  });
});
