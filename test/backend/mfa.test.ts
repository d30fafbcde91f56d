import { AuthenticationDetails, type CognitoUser } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import {
  associateSoftwareToken,
  completeNewPassword,
  expectOutcome,
  MemoryStorage,
  nodeStyle,
  poolFor,
  sendCustomChallengeAnswer,
  sendMFACode,
  sendMFASelectionAnswer,
  signIn,
  toClientError,
  userFor,
  verifySoftwareToken,
  type Outcome,
} from './acij';
import { strongPassword, useBackend, type Running } from './harness';
import { totpCode } from './totp';

function clientFor(server: () => Running, username: string): CognitoUser {
  const { backend, url } = server();
  const storage = new MemoryStorage();
  return userFor(poolFor(backend, url, storage), username, storage);
}

/** Cognito refuses a TOTP code twice, so each answer moves the backend clock to the next 30 s step. */
async function nextTotp(server: () => Running, secret: string): Promise<string> {
  server().backend.advanceTime(30_000);
  return totpCode(secret, server().backend.now());
}

describe('TOTP MFA (mfaConfiguration OPTIONAL)', () => {
  const server = useBackend({ deviceTracking: false });
  const password = strongPassword();

  it('sets up TOTP while signed in, then demands it at sign-in', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'ivy', password, attributes: { email: 'ivy@example.com' } });
    const user = clientFor(server, 'ivy');
    expectOutcome(await signIn(user, password), 'success');

    const secret = await associateSoftwareToken(user);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const verify = (code: string) =>
      new Promise<unknown>((resolve, reject) => user.verifySoftwareToken(code, 'phone', { onSuccess: resolve, onFailure: reject }));
    const good = await totpCode(secret, backend.now());
    // A wrong code is refused with Cognito's TOTP-setup error.
    await expect(verify(otherCode(good))).rejects.toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
    });
    expect(await verify(good)).toEqual({ Status: 'SUCCESS' });
    await nodeStyle((cb) => user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, cb));
    expect(backend.getUser('ivy')?.mfa).toMatchObject({ totp: true, preferred: 'SOFTWARE_TOKEN_MFA', totpSecret: secret });

    const again = clientFor(server, 'ivy');
    const challenge = expectOutcome(await signIn(again, password), 'totpRequired');
    expect(challenge.challengeName).toBe('SOFTWARE_TOKEN_MFA');

    const code = await nextTotp(server, secret);
    expect(expectOutcome(await sendMFACode(again, otherCode(code), 'SOFTWARE_TOKEN_MFA'), 'failure').error).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    });
    // The session survives a typo.
    expectOutcome(await sendMFACode(again, code, 'SOFTWARE_TOKEN_MFA'), 'success');

    const third = clientFor(server, 'ivy');
    expectOutcome(await signIn(third, password), 'totpRequired');
    expect(expectOutcome(await sendMFACode(third, code, 'SOFTWARE_TOKEN_MFA'), 'failure').error).toEqual({
      name: 'ExpiredCodeException',
      message: 'Your software token has already been used once.',
    });
  });

  it('delivers an SMS code for SMS MFA and accepts only that code', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'jack', password, attributes: { phone_number: '+15555551234' }, mfa: { sms: true } });
    const user = clientFor(server, 'jack');
    const challenge = expectOutcome(await signIn(user, password), 'mfaRequired');
    expect(challenge.params).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+*******1234',
    });
    expect(backend.codes('jack').at(-1)).toMatchObject({ kind: 'MFA', medium: 'SMS', destination: '+15555551234' });
    expectOutcome(await sendMFACode(user, backend.lastCode('jack', 'MFA')), 'success');
  });

  it('asks to choose when both methods are on and none is preferred', async () => {
    const { backend } = server();
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await backend.createUser({
      username: 'kate',
      password,
      attributes: { phone_number: '+15555550000' },
      mfa: { sms: true, totpSecret: secret },
    });
    const user = clientFor(server, 'kate');
    const select = expectOutcome(await signIn(user, password), 'selectMFAType');
    expect(JSON.parse(select.params.MFAS_CAN_CHOOSE ?? '[]')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expectOutcome(await sendMFASelectionAnswer(user, 'SOFTWARE_TOKEN_MFA'), 'totpRequired');
    expectOutcome(await sendMFACode(user, await nextTotp(server, secret), 'SOFTWARE_TOKEN_MFA'), 'success');
  });
});

/** A well-formed code guaranteed to differ from `code`. */
function otherCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

describe('MFA required (mfaConfiguration ON)', () => {
  const server = useBackend({ mfaConfiguration: 'ON', deviceTracking: false });

  it('walks MFA_SETUP with the challenge Session and enables TOTP', async () => {
    const { backend } = server();
    const password = strongPassword();
    await backend.createUser({ username: 'liam', password });
    const user = clientFor(server, 'liam');
    const setup = expectOutcome(await signIn(user, password), 'mfaSetup');
    expect(setup.params.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');

    const secret = await associateSoftwareToken(user);
    expect(backend.count('AssociateSoftwareToken')).toBe(1);
    const done = await verifySoftwareToken(user, await totpCode(secret, backend.now()));
    expectOutcome(done, 'success');
    expect(backend.getUser('liam')?.mfa).toMatchObject({ totp: true, preferred: 'SOFTWARE_TOKEN_MFA' });
  });

  it('rejects an expired or replayed Session', async () => {
    const { backend } = server();
    const password = strongPassword();
    await backend.createUser({ username: 'mia', password, attributes: { phone_number: '+15555559999' }, mfa: { sms: true } });
    const user = clientFor(server, 'mia');
    expectOutcome(await signIn(user, password), 'mfaRequired');
    backend.advanceTime(181_000);
    const late: Outcome = await sendMFACode(user, backend.lastCode('mia', 'MFA'));
    backend.advanceTime(-181_000);
    expect(expectOutcome(late, 'failure').error).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });

    // Replaying an answered step: Cognito sessions are single-use.
    const again = clientFor(server, 'mia');
    expectOutcome(await signIn(again, password), 'mfaRequired');
    expectOutcome(await sendMFACode(again, backend.lastCode('mia', 'MFA')), 'success');
    const answered = backend.requests().filter((r) => r.operation === 'RespondToAuthChallenge').at(-1)?.input;
    await expect(backend.call('RespondToAuthChallenge', answered ?? {})).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    });
  });
});

describe('NEW_PASSWORD_REQUIRED', () => {
  const server = useBackend({ requiredAttributesOnNewPassword: ['name'], deviceTracking: false });

  it('lists missing required attributes and insists on them', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'noah', password: 'Temp-0000', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'noah@example.com' } });
    const user = clientFor(server, 'noah');
    const challenge = expectOutcome(await signIn(user, 'Temp-0000'), 'newPasswordRequired');
    expect(challenge.requiredAttributes).toEqual(['name']);
    expect(challenge.userAttributes).toMatchObject({ email: 'noah@example.com' });

    const newPassword = strongPassword();
    const missing = expectOutcome(await completeNewPassword(user, newPassword, {}), 'failure');
    expect(missing.error.name).toBe('InvalidParameterException');
    expectOutcome(await completeNewPassword(user, newPassword, { name: 'Noah' }), 'success');
    expect(backend.getUser('noah')).toMatchObject({ status: 'CONFIRMED', attributes: { name: 'Noah' } });
  });
});

describe('CUSTOM_AUTH (simulated Lambdas)', () => {
  const server = useBackend({ deviceTracking: false });
  const password = strongPassword();

  it('issues a code challenge, retries on a wrong answer, then signs in', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'olga', password, attributes: { email: 'olga@example.com' } });
    const user = clientFor(server, 'olga');
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const first = await new Promise<Outcome>((resolve) =>
      user.initiateAuth(new AuthenticationDetails({ Username: 'olga' }), {
        onSuccess: (session) => resolve({ type: 'success', session }),
        onFailure: (err: unknown) => resolve({ type: 'failure', error: toClientError(err) }),
        customChallenge: (p: unknown) => resolve({ type: 'customChallenge', params: p as Record<string, string> }),
      }),
    );
    expect(expectOutcome(first, 'customChallenge').params).toMatchObject({ challenge: 'code', destination: 'o***@e***' });
    const firstCode = backend.lastCode('olga', 'CUSTOM_CHALLENGE');
    const retry = expectOutcome(await sendCustomChallengeAnswer(user, otherCode(firstCode)), 'customChallenge');
    expect(retry.params.challenge).toBe('code');
    const secondCode = backend.lastCode('olga', 'CUSTOM_CHALLENGE');
    expectOutcome(await sendCustomChallengeAnswer(user, secondCode), 'success');
  });

  it('proves the password first with CHALLENGE_NAME SRP_A, and fails after three wrong answers', async () => {
    const { backend } = server();
    const user = clientFor(server, 'olga');
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    expectOutcome(await signIn(user, password), 'customChallenge');
    expect(backend.requests().at(-2)?.input).toMatchObject({ AuthParameters: { CHALLENGE_NAME: 'SRP_A' } });
    let outcome: Outcome = { type: 'customChallenge', params: {} };
    for (let i = 0; i < 3; i++) {
      const code = backend.lastCode('olga', 'CUSTOM_CHALLENGE');
      outcome = await sendCustomChallengeAnswer(user, otherCode(code));
    }
    expect(expectOutcome(outcome, 'failure').error).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

