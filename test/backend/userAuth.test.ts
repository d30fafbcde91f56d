import { describe, expect, it } from 'vitest';
import { createBackend, type CognitoBackend } from './backend';
import { BackendError } from './errors';
import { strongPassword } from './harness';
import type { BackendOptions } from './types';

/** Fast checks through `call` (no socket): the engine's suites drive the same paths over HTTP. */
type Response = Record<string, unknown> & { ChallengeName?: string; Session?: string; ChallengeParameters?: Record<string, string> };

async function pool(options: BackendOptions = {}): Promise<{ backend: CognitoBackend; password: string }> {
  const backend = createBackend({ deviceTracking: false, allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'], ...options });
  const password = strongPassword();
  await backend.createUser({
    username: 'nora',
    password,
    attributes: { email: 'nora@example.com', email_verified: 'true', phone_number: '+15550100', phone_number_verified: 'true' },
  });
  return { backend, password };
}

function initiate(backend: CognitoBackend, params: Record<string, string>): Promise<Response> {
  return backend.call('InitiateAuth', { ClientId: backend.config.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'nora', ...params } }) as Promise<Response>;
}

function respond(backend: CognitoBackend, previous: Response, responses: Record<string, string>): Promise<Response> {
  return backend.call('RespondToAuthChallenge', {
    ClientId: backend.config.clientId,
    ChallengeName: previous.ChallengeName,
    Session: previous.Session,
    ChallengeResponses: { USERNAME: 'nora', ...responses },
  }) as Promise<Response>;
}

describe('USER_AUTH (choice-based sign-in)', () => {
  it('is refused where the pool has no first factors configured', async () => {
    const { backend } = await pool({ allowedFirstAuthFactors: undefined });
    await expect(initiate(backend, {})).rejects.toEqual(new BackendError('InvalidParameterException', 'USER_AUTH flow not enabled for this client'));
  });

  it('offers the factors this user can use, and a code by email signs in without MFA', async () => {
    const { backend } = await pool({ mfaConfiguration: 'ON', mfaMethods: ['EMAIL_OTP'] });
    await backend.createUser({ username: 'otto', password: strongPassword(), attributes: { email: 'otto@example.com', email_verified: 'false' } });
    const otto = await backend.call('InitiateAuth', { ClientId: backend.config.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'otto' } });
    // An unverified email is no way in.
    expect(otto).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'] });

    const select = await initiate(backend, {});
    expect(select).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'] });
    await expect(respond(backend, select, { ANSWER: 'WEB_AUTHN' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const email = await respond(backend, select, { ANSWER: 'EMAIL_OTP' });
    expect(email).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'n***@e***' },
    });
    // A wrong code can be retyped in the same session.
    await expect(respond(backend, email, { EMAIL_OTP_CODE: '000000' })).rejects.toMatchObject({ name: 'CodeMismatchException' });
    const done = await respond(backend, email, { EMAIL_OTP_CODE: backend.lastCode('nora', 'SIGN_IN') });
    expect(done.AuthenticationResult).toHaveProperty('AccessToken');
  });

  it('starts with the preferred factor: SMS_OTP, or the password in one step', async () => {
    const { backend, password } = await pool();
    const sms = await initiate(backend, { PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(sms).toMatchObject({ ChallengeName: 'SMS_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' } });
    expect((await respond(backend, sms, { SMS_OTP_CODE: backend.lastCode('nora', 'SIGN_IN') })).AuthenticationResult).toBeDefined();

    await expect(initiate(backend, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wr0ng!pass' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect((await initiate(backend, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password })).AuthenticationResult).toBeDefined();
    // A factor the pool does not offer is not started: the user chooses instead.
    const fallback = await createBackend({ allowedFirstAuthFactors: ['PASSWORD'] });
    await fallback.createUser({ username: 'nora', password, attributes: { email: 'nora@example.com', email_verified: 'true' } });
    expect(await initiate(fallback, { PREFERRED_CHALLENGE: 'EMAIL_OTP' })).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'] });
  });

  it('a password chosen at SELECT_CHALLENGE goes on to the MFA, email among the choices', async () => {
    const { backend, password } = await pool();
    await backend.createUser({
      username: 'mia',
      password,
      attributes: { email: 'mia@example.com', email_verified: 'true', phone_number: '+15550101' },
      mfa: { sms: true, email: true },
    });
    const select = (await backend.call('InitiateAuth', { ClientId: backend.config.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'mia' } })) as Response;
    const call = (previous: Response, responses: Record<string, string>) =>
      backend.call('RespondToAuthChallenge', { ClientId: backend.config.clientId, ChallengeName: previous.ChallengeName, Session: previous.Session, ChallengeResponses: { USERNAME: 'mia', ...responses } }) as Promise<Response>;
    const choose = await call(select, { ANSWER: 'PASSWORD', PASSWORD: password });
    expect(choose).toMatchObject({ ChallengeName: 'SELECT_MFA_TYPE', ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","EMAIL_OTP"]' } });
    const email = await call(choose, { ANSWER: 'EMAIL_OTP' });
    expect(email).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' } });
    expect((await call(email, { EMAIL_OTP_CODE: backend.lastCode('mia', 'MFA') })).AuthenticationResult).toBeDefined();
  });
});

describe('email MFA', () => {
  it('MFA_SETUP offers TOTP and email; the address given gets the code, and proving it turns email MFA on', async () => {
    const { backend, password } = await pool({ mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
    await backend.createUser({ username: 'pia', password });
    const initiatePia = () =>
      backend.call('InitiateAuth', { ClientId: backend.config.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'pia', PASSWORD: password } }) as Promise<Response>;
    const call = (previous: Response, responses: Record<string, string>) =>
      backend.call('RespondToAuthChallenge', { ClientId: backend.config.clientId, ChallengeName: previous.ChallengeName, Session: previous.Session, ChallengeResponses: { USERNAME: 'pia', ...responses } }) as Promise<Response>;
    const setup = await initiatePia();
    expect(setup).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' } });
    await expect(call(setup, { EMAIL: 'not an address' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const code = await call(setup, { EMAIL: 'pia@example.com' });
    expect(code).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'p***@e***' } });
    expect((await call(code, { EMAIL_OTP_CODE: backend.lastCode('pia', 'MFA') })).AuthenticationResult).toBeDefined();
    expect(backend.getUser('pia')).toMatchObject({ attributes: { email: 'pia@example.com', email_verified: 'true' }, mfa: { email: true, preferred: 'EMAIL_OTP' } });

    // From now on the sign-in asks for an email code.
    const next = await initiatePia();
    expect(next).toMatchObject({ ChallengeName: 'EMAIL_OTP' });
  });

  it('SetUserMFAPreference takes EmailMfaSettings, and GetUser reports them', async () => {
    const { backend, password } = await pool({ mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
    const tokens = (await initiate(backend, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password })).AuthenticationResult as Record<string, string>;
    const AccessToken = tokens.AccessToken;
    await expect(
      backend.call('SetUserMFAPreference', { AccessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true }, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }),
    ).rejects.toEqual(new BackendError('InvalidParameterException', 'Only one MFA method can be preferred'));
    await backend.call('SetUserMFAPreference', { AccessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true }, SMSMfaSettings: { Enabled: true } });
    expect(await backend.call('GetUser', { AccessToken })).toMatchObject({ PreferredMfaSetting: 'EMAIL_OTP', UserMFASettingList: ['SMS_MFA', 'EMAIL_OTP'] });

    const noEmail = createBackend({ deviceTracking: false });
    await noEmail.createUser({ username: 'nora', password, attributes: { email: 'nora@example.com' } });
    const other = (await noEmail.call('InitiateAuth', { ClientId: noEmail.config.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nora', PASSWORD: password } })) as Response;
    const access = (other.AuthenticationResult as Record<string, string>).AccessToken;
    await expect(noEmail.call('SetUserMFAPreference', { AccessToken: access, EmailMfaSettings: { Enabled: true } })).rejects.toEqual(
      new BackendError('InvalidParameterException', 'Email MFA is not enabled for this user pool'),
    );
  });
});
