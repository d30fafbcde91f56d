import { beforeEach, describe, expect, it } from 'vitest';
import { buildTotpUri } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { newTotpSecret, totpCode } from '../backend/totp';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import {
  SESSION_ITEMS,
  answeredChallenges,
  authErrorOf,
  inputOf,
  operations,
  storedKeys,
  uniqueName,
  wrongCode,
} from '../support/engineAssertions';

// USER_PASSWORD_AUTH keeps these fast: the flow type is not the point here (signIn.test.ts covers SRP).
const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;
const PHONE = '+15555550123';
// The backend refuses a TOTP time step used before by the same user: move past it between uses.
const TOTP_STEP_MS = 30_000;

describe('MFA during sign-in (mfaConfiguration OPTIONAL)', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser(prefix: string, mfa: { sms?: boolean; totpSecret?: string; preferred?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' } = {}) {
    const username = uniqueName(prefix);
    const user = await kit().backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, phone_number: PHONE },
      mfa,
    });
    return user.username;
  }

  /** An engine stopped at the user's MFA step, with the backend's counts reset. */
  async function atMfaStep(username: string) {
    const { backend, auth, events } = kit();
    const engine = auth({ config: PASSWORD_AUTH });
    const seen = events(engine);
    const first = await engine.signIn(username, password);
    backend.resetCounts();
    return { engine, seen, first };
  }

  describe('SMS_MFA', () => {
    it('cancelSignIn() drops the pending MFA step without a request; the code no longer signs in', async () => {
      const { backend } = kit();
      const username = await newUser('can', { sms: true });
      const { engine } = await atMfaStep(username);
      const code = backend.lastCode(username, 'MFA');
      expect(engine.getState().nextStep?.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');

      await engine.cancelSignIn();

      expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: null });
      expect(backend.count()).toBe(0);
      const error = await authErrorOf(engine.confirmSignIn({ challengeResponse: code }));
      expect(error.name).toBe('NoSignInInProgress');
      expect(engine.getState().status).toBe('signedOut');
      expect(backend.count()).toBe(0);
    });

    it('asks for the SMS code with a masked destination; the code signs in', async () => {
      const { backend, storage } = kit();
      const username = await newUser('sam', { sms: true });
      const { engine, seen, first } = await atMfaStep(username);

      const step = {
        signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
        username,
        codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0123', attributeName: 'phone_number' },
      };
      expect(first).toEqual({ isSignedIn: false, nextStep: step });
      expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: step, error: null });
      expect(storage.keys()).toEqual([]);

      const code = backend.lastCode(username, 'MFA');
      const done = await engine.confirmSignIn(code);

      expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username }, error: null });
      expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
      expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
        ChallengeName: 'SMS_MFA',
        ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: code },
      });
      expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, SESSION_ITEMS));
      expect(seen.map((e) => e.event)).toEqual(['signIn']);
    });

    it('keeps the step after a wrong code (CodeMismatchException) so the right code still signs in', async () => {
      const { backend } = kit();
      const username = await newUser('sid', { sms: true });
      const { engine, seen, first } = await atMfaStep(username);
      const code = backend.lastCode(username, 'MFA');

      const error = await authErrorOf(engine.confirmSignIn(wrongCode(code)));

      expect(error).toMatchObject({ name: 'CodeMismatchException', source: 'confirmSignIn', recoverySuggestion: expect.any(String) });
      expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: first.nextStep, error });
      expect(seen).toEqual([expect.objectContaining({ event: 'signIn_failure', data: error })]);

      // Pasted with a space, as codes often are.
      const done = await engine.confirmSignIn(`${code.slice(0, 3)} ${code.slice(3)}`);

      expect(done.isSignedIn).toBe(true);
      expect(engine.getState()).toMatchObject({ status: 'signedIn', error: null });
      expect(answeredChallenges(backend)).toEqual(['SMS_MFA', 'SMS_MFA']);
      expect(backend.codes(username).filter((c) => c.kind === 'MFA')).toHaveLength(1);
    });
  });

  describe('SOFTWARE_TOKEN_MFA', () => {
    it('asks for the authenticator code; the current code signs in', async () => {
      const { backend, clock, storage } = kit();
      const secret = newTotpSecret();
      const username = await newUser('tom', { totpSecret: secret });
      const { engine, first } = await atMfaStep(username);

      expect(first).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', username } });
      expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: first.nextStep });

      const code = await totpCode(secret, clock.now());
      const done = await engine.confirmSignIn(code);

      expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
      });
      expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, SESSION_ITEMS));
    });

    it('keeps the step after a wrong code so the right code still signs in', async () => {
      const { backend, clock } = kit();
      const secret = newTotpSecret();
      const username = await newUser('tia', { totpSecret: secret });
      const { engine, first } = await atMfaStep(username);
      const code = await totpCode(secret, clock.now());

      const error = await authErrorOf(engine.confirmSignIn({ challengeResponse: wrongCode(code) }));

      expect(error).toMatchObject({ name: 'CodeMismatchException', source: 'confirmSignIn' });
      expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: first.nextStep, error: { name: 'CodeMismatchException' } });

      await expect(engine.confirmSignIn({ challengeResponse: code })).resolves.toMatchObject({ isSignedIn: true });
      expect(answeredChallenges(backend)).toEqual(['SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA']);
    });

    it("accepts v5's confirmSignIn(user, code, 'SOFTWARE_TOKEN_MFA', clientMetadata)", async () => {
      const { backend, clock } = kit();
      const secret = newTotpSecret();
      const username = await newUser('val', { totpSecret: secret });
      const { engine } = await atMfaStep(username);
      const v5User = { username: 'x', attributes: {} };

      const done = await engine.confirmSignIn(v5User, await totpCode(secret, clock.now()), 'SOFTWARE_TOKEN_MFA', { via: 'v5' });

      expect(done.isSignedIn).toBe(true);
      expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username } });
      expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ChallengeResponses: { USERNAME: username },
        ClientMetadata: { via: 'v5' },
      });
    });
  });

  describe('SELECT_MFA_TYPE', () => {
    it('offers SMS and TOTP; answering TOTP leads to the TOTP step, then signs in', async () => {
      const { backend, clock } = kit();
      const secret = newTotpSecret();
      const username = await newUser('sel', { sms: true, totpSecret: secret });
      const { engine, first } = await atMfaStep(username);

      const select = { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', username, allowedMFATypes: ['SMS', 'TOTP'] };
      expect(first).toEqual({ isSignedIn: false, nextStep: select });
      expect(engine.getState().nextStep).toEqual(select);

      const totpStep = await engine.confirmSignIn('TOTP');

      expect(totpStep).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', username } });
      expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: totpStep.nextStep });
      expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({
        ChallengeName: 'SELECT_MFA_TYPE',
        ChallengeResponses: { USERNAME: username, ANSWER: 'SOFTWARE_TOKEN_MFA' },
      });

      clock.advance(TOTP_STEP_MS);
      await expect(engine.confirmSignIn(await totpCode(secret, clock.now()))).resolves.toMatchObject({ isSignedIn: true });
      expect(answeredChallenges(backend)).toEqual(['SELECT_MFA_TYPE', 'SOFTWARE_TOKEN_MFA']);
    });

    it('answering SMS sends a code and leads to the SMS step, then signs in', async () => {
      const { backend } = kit();
      const username = await newUser('sue', { sms: true, totpSecret: newTotpSecret() });
      const { engine } = await atMfaStep(username);
      expect(backend.codes(username)).toEqual([]);

      const smsStep = await engine.confirmSignIn('SMS');

      expect(smsStep).toEqual({
        isSignedIn: false,
        nextStep: {
          signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
          username,
          codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0123', attributeName: 'phone_number' },
        },
      });
      expect(inputOf(backend, 'RespondToAuthChallenge')['ChallengeResponses']).toMatchObject({ ANSWER: 'SMS_MFA' });

      await expect(engine.confirmSignIn(backend.lastCode(username, 'MFA'))).resolves.toMatchObject({ isSignedIn: true });
      expect(answeredChallenges(backend)).toEqual(['SELECT_MFA_TYPE', 'SMS_MFA']);
    });

    it('rejects an unknown MFA type with InvalidMFAType before any request, keeping the step', async () => {
      const { backend } = kit();
      const username = await newUser('sly', { sms: true, totpSecret: newTotpSecret() });
      const { engine, first } = await atMfaStep(username);

      const error = await authErrorOf(engine.confirmSignIn('EMAIL'));

      expect(error).toMatchObject({ name: 'InvalidMFAType', source: 'confirmSignIn' });
      expect(engine.getState()).toMatchObject({ nextStep: first.nextStep, error: { name: 'InvalidMFAType' } });
      expect(backend.count()).toBe(0);
      await expect(engine.confirmSignIn('sms')).resolves.toMatchObject({ nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE' } });
    });
  });

  describe('confirmSignIn guards', () => {
    it('rejects an answer when no sign-in is in progress, before any request', async () => {
      const { backend, auth, events } = kit();
      const engine = auth({ config: PASSWORD_AUTH });
      const seen = events(engine);
      backend.resetCounts();

      const error = await authErrorOf(engine.confirmSignIn('123456'));

      expect(error).toMatchObject({ name: 'NoSignInInProgress', source: 'confirmSignIn', recoverySuggestion: expect.any(String) });
      expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: null, error: { name: 'NoSignInInProgress' } });
      expect(seen.map((e) => e.event)).toEqual(['signIn_failure']);
      expect(backend.count()).toBe(0);
    });

    it('rejects an empty code with EmptyCode before any request, keeping the step', async () => {
      const { backend } = kit();
      const username = await newUser('emi', { sms: true });
      const { engine, first } = await atMfaStep(username);

      const error = await authErrorOf(engine.confirmSignIn('  '));

      expect(error).toMatchObject({ name: 'EmptyCode', source: 'confirmSignIn' });
      expect(engine.getState()).toMatchObject({ nextStep: first.nextStep, error: { name: 'EmptyCode' } });
      expect(backend.count()).toBe(0);
      await expect(engine.confirmSignIn(backend.lastCode(username, 'MFA'))).resolves.toMatchObject({ isSignedIn: true });
    });

    it('an expired challenge Session fails with SignInSessionExpired (caused by NotAuthorizedException) and the sign-in must start over', async () => {
      const { backend, clock } = kit();
      const username = await newUser('exp', { sms: true });
      const { engine } = await atMfaStep(username);
      const code = backend.lastCode(username, 'MFA');
      clock.advance(181_000);

      const error = await authErrorOf(engine.confirmSignIn(code));

      // The engine says the step ended; Cognito's own answer is the cause.
      expect(error).toMatchObject({
        name: 'SignInSessionExpired',
        source: 'confirmSignIn',
        cause: { name: 'NotAuthorizedException', message: expect.stringMatching(/session is expired/) },
      });
      // The screen goes back to sign-in: the old step cannot be answered any more.
      expect(engine.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error });
      await expect(engine.confirmSignIn(code)).rejects.toMatchObject({ name: 'NoSignInInProgress' });
      expect(backend.count()).toBe(1);

      await expect(engine.signIn(username, password)).resolves.toMatchObject({ nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE' } });
      await expect(engine.confirmSignIn(backend.lastCode(username, 'MFA'))).resolves.toMatchObject({ isSignedIn: true });
    });
  });
});

describe('MFA settings of the signed-in user', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn(prefix: string, mfa: { sms?: boolean; totpSecret?: string; preferred?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' } = {}) {
    const { backend, auth } = kit();
    const username = uniqueName(prefix);
    await backend.createUser({ username, password, attributes: { phone_number: PHONE }, mfa });
    const engine = auth({ config: PASSWORD_AUTH });
    let result = await engine.signIn(username, password);
    if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' && mfa.totpSecret) {
      kit().clock.advance(TOTP_STEP_MS);
      result = await engine.confirmSignIn(await totpCode(mfa.totpSecret, kit().clock.now()));
    }
    if (!result.isSignedIn) throw new Error(`${username} did not sign in: ${result.nextStep.signInStep}`);
    backend.resetCounts();
    return { engine, username, accessToken: (await engine.currentSession()).accessToken };
  }

  it('setupTOTP returns a new secret; verifyTotpToken checks the app code; TOTP is not on until preferred', async () => {
    const { backend, clock, events } = kit();
    const { engine, username, accessToken } = await signedIn('ted');
    const seen = events(engine);

    const secret = await engine.setupTOTP();

    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(inputOf(backend, 'AssociateSoftwareToken')).toEqual({ AccessToken: accessToken });

    const code = await totpCode(secret, clock.now());
    const mismatch = await authErrorOf(engine.verifyTotpToken(wrongCode(code)));
    expect(mismatch).toMatchObject({ name: 'EnableSoftwareTokenMFAException', source: 'verifyTotpToken' });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', error: null });

    await expect(engine.verifyTotpToken(code)).resolves.toBe('SUCCESS');

    expect(inputOf(backend, 'VerifySoftwareToken', 1)).toMatchObject({ AccessToken: accessToken, UserCode: code });
    expect(seen).toEqual([{ event: 'verify', data: { status: 'SUCCESS' }, message: 'TOTP verified' }]);
    expect(backend.getUser(username)?.mfa).toMatchObject({ totpSecret: secret, totp: false });
    expect(operations(backend)).toEqual(['AssociateSoftwareToken', 'VerifySoftwareToken', 'VerifySoftwareToken']);
  });

  it("setPreferredMFA('TOTP') turns TOTP on and preferred; getPreferredMFA reads it back; the next sign-in asks for it", async () => {
    const { backend, clock, auth } = kit();
    const { engine, username } = await signedIn('tim');
    const secret = await engine.setupTOTP();
    await engine.verifyTotpToken(await totpCode(secret, clock.now()));
    backend.resetCounts();

    await expect(engine.setPreferredMFA('TOTP')).resolves.toBe('SUCCESS');

    expect(inputOf(backend, 'SetUserMFAPreference')).toMatchObject({ SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(backend.getUser(username)?.mfa).toMatchObject({ totp: true, preferred: 'SOFTWARE_TOKEN_MFA' });
    await expect(engine.getPreferredMFA()).resolves.toBe('SOFTWARE_TOKEN_MFA');
    expect(operations(backend)).toEqual(['SetUserMFAPreference', 'GetUser']);

    kit().storage = new RecordingStorage();
    const next = await auth({ config: PASSWORD_AUTH }).signIn(username, password);
    expect(next.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  });

  it("setPreferredMFA('SMS') makes SMS the preferred method", async () => {
    const { backend } = kit();
    const { engine, username } = await signedIn('sal', { totpSecret: newTotpSecret(), preferred: 'SOFTWARE_TOKEN_MFA' });
    await expect(engine.getPreferredMFA()).resolves.toBe('SOFTWARE_TOKEN_MFA');
    backend.resetCounts();

    await expect(engine.setPreferredMFA('SMS')).resolves.toBe('SUCCESS');

    expect(inputOf(backend, 'SetUserMFAPreference')).toMatchObject({ SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(inputOf(backend, 'SetUserMFAPreference')).not.toHaveProperty('SoftwareTokenMfaSettings');
    expect(backend.getUser(username)?.mfa).toMatchObject({ sms: true, preferred: 'SMS_MFA' });
    await expect(engine.getPreferredMFA()).resolves.toBe('SMS_MFA');
  });

  it("setPreferredMFA('NOMFA') turns every method off, so the next sign-in needs no code", async () => {
    const { backend, auth } = kit();
    const { engine, username } = await signedIn('nia', { sms: true, totpSecret: newTotpSecret(), preferred: 'SOFTWARE_TOKEN_MFA' });

    await expect(engine.setPreferredMFA('NOMFA')).resolves.toBe('SUCCESS');

    expect(inputOf(backend, 'SetUserMFAPreference')).toMatchObject({
      SMSMfaSettings: { Enabled: false, PreferredMfa: false },
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    });
    expect(backend.getUser(username)?.mfa).toMatchObject({ sms: false, totp: false, preferred: undefined });
    await expect(engine.getPreferredMFA()).resolves.toBe('NOMFA');
    kit().storage = new RecordingStorage();
    await expect(auth({ config: PASSWORD_AUTH }).signIn(username, password)).resolves.toMatchObject({ isSignedIn: true });
  });

  it('setPreferredMFA rejects an unknown method with InvalidMFAType before any request', async () => {
    const { backend } = kit();
    const { engine } = await signedIn('ivy');

    // @ts-expect-error -- typed out (see test/types); plain-JS callers still get a typed error
    const error = await authErrorOf(engine.setPreferredMFA('EMAIL'));

    expect(error).toMatchObject({ name: 'InvalidMFAType', source: 'setPreferredMFA', recoverySuggestion: expect.any(String) });
    expect(backend.count()).toBe(0);
    expect(engine.getState().status).toBe('signedIn');
  });

  it('the MFA methods need a signed-in user: NoCurrentUser, no request', async () => {
    const { backend, auth } = kit();
    const engine = auth({ config: PASSWORD_AUTH });
    backend.resetCounts();

    await expect(engine.setupTOTP()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'setupTOTP' });
    await expect(engine.verifyTotpToken('123456')).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'verifyTotpToken' });
    await expect(engine.setPreferredMFA('TOTP')).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'setPreferredMFA' });
    await expect(engine.getPreferredMFA()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'getPreferredMFA' });
    expect(backend.count()).toBe(0);
  });
});

describe('MFA setup during sign-in (mfaConfiguration ON)', () => {
  const kit = useEngineBackend({ mfaConfiguration: 'ON' });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('a user without MFA gets the TOTP setup step with a shared secret; its first code signs in and enables TOTP', async () => {
    const { backend, auth, clock, storage } = kit();
    const username = uniqueName('new');
    await backend.createUser({ username, password });
    backend.resetCounts();
    const engine = auth({ config: PASSWORD_AUTH });

    const first = await engine.signIn(username, password);

    const sharedSecret = (first.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' ? first.nextStep.totpSetupDetails.sharedSecret : '');
    expect(sharedSecret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(first).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', username, totpSetupDetails: { sharedSecret } },
    });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: first.nextStep });
    expect(operations(backend)).toEqual(['InitiateAuth', 'AssociateSoftwareToken']);
    expect(inputOf(backend, 'AssociateSoftwareToken')).toEqual({ Session: expect.any(String) });

    const code = await totpCode(sharedSecret, clock.now());
    const done = await engine.confirmSignIn(code);

    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    expect(operations(backend)).toEqual(['InitiateAuth', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
    expect(inputOf(backend, 'VerifySoftwareToken')).toMatchObject({ UserCode: code, Session: expect.any(String) });
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeResponses: { USERNAME: username } });
    expect(backend.getUser(username)?.mfa).toMatchObject({ totp: true, totpSecret: sharedSecret, preferred: 'SOFTWARE_TOKEN_MFA' });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, SESSION_ITEMS));

    kit().storage = new RecordingStorage();
    const again = await auth({ config: PASSWORD_AUTH }).signIn(username, password);
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  });

  it('a wrong first code keeps the setup step; the right one still completes it', async () => {
    const { backend, auth, clock } = kit();
    const username = uniqueName('fix');
    await backend.createUser({ username, password });
    const engine = auth({ config: PASSWORD_AUTH });
    const first = await engine.signIn(username, password);
    const sharedSecret = (first.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' ? first.nextStep.totpSetupDetails.sharedSecret : '');
    const code = await totpCode(sharedSecret, clock.now());

    const error = await authErrorOf(engine.confirmSignIn(wrongCode(code)));

    expect(error).toMatchObject({ name: 'EnableSoftwareTokenMFAException', source: 'confirmSignIn' });
    expect(engine.getState()).toMatchObject({ status: 'signedOut', nextStep: first.nextStep, error: { name: 'EnableSoftwareTokenMFAException' } });
    await expect(engine.confirmSignIn(code)).resolves.toMatchObject({ isSignedIn: true });
  });
});

describe('buildTotpUri', () => {
  it('builds the otpauth URI authenticator apps scan, issuer and account URL-encoded around a literal colon', () => {
    expect(buildTotpUri({ secret: 'JBSWY3DPEHPK3PXP', username: 'ada', issuer: 'Issuer' })).toBe(
      'otpauth://totp/Issuer:ada?secret=JBSWY3DPEHPK3PXP&issuer=Issuer',
    );
    expect(buildTotpUri({ secret: 'JBSWY3DPEHPK3PXP', username: 'ada+1@example.com', issuer: 'My App & Co' })).toBe(
      'otpauth://totp/My%20App%20%26%20Co:ada%2B1%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=My%20App%20%26%20Co',
    );
  });
});
