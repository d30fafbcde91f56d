/** RespondToAuthChallenge: one handler per challenge, each continuing the pipeline in authPipeline.ts. */
import { constantTimeEqual } from '../bytes';
import type { Ctx, Operation } from '../context';
import { MSG, fail } from '../errors';
import { optionalString, requireClient, requireParam, requireString, stringMap } from '../input';
import { checkPasswordPolicy, checkWritableAttributes } from '../policy';
import type { ChallengeSession } from '../sessions';
import { parseSrpTimestamp, verifyClaim } from '../srp';
import { matchTotp } from '../totp';
import type { MfaType } from '../types';
import type { UserRecord } from '../users';
import { advance, challenge, confirmedDevice, customChallenge, mfaChallenge, otpChallenge, type AuthResponse } from './authPipeline';
import { srpRound } from './initiateAuth';
import { startFactor, type FirstFactorChallenge } from './userAuth';
import { verifySignInCredential } from '../webauthn/passkeySignIn';

/** Cognito accepts a TIMESTAMP within a few minutes of its own clock. */
const TIMESTAMP_SKEW_MS = 5 * 60_000;

type Responses = Record<string, string>;
type Handler = (ctx: Ctx, session: ChallengeSession, r: Responses) => Promise<AuthResponse>;

export const RespondToAuthChallenge: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const name = requireString(input, 'ChallengeName');
  const responses = stringMap(input, 'ChallengeResponses');
  const session = findSession(ctx, name, optionalString(input, 'Session'), responses);
  if (session.challenge !== name) {
    throw fail.invalidParameter(`Invalid challenge name ${name}: the session expects ${session.challenge}`);
  }
  const username = requireParam(responses, 'USERNAME');
  const named = ctx.users.find(username);
  const sameUser = named ? named.username === session.state.username : username.toLowerCase() === session.state.username.toLowerCase();
  if (!sameUser) throw fail.notAuthorized(MSG.incorrectPassword);
  const handler = HANDLERS[session.challenge];
  return handler(ctx, session, responses);
};

function findSession(ctx: Ctx, name: string, id: string | undefined, r: Responses): ChallengeSession {
  if (id !== undefined) return ctx.sessions.get(id, name);
  // Real Cognito keeps SRP state in SECRET_BLOCK, so PASSWORD_VERIFIER answers may come without a Session.
  const block = r.PASSWORD_CLAIM_SECRET_BLOCK;
  const byBlock = name.endsWith('PASSWORD_VERIFIER') && block ? ctx.sessions.findBySecretBlock(block) : undefined;
  if (!byBlock) throw fail.notAuthorized(MSG.sessionExpired);
  return ctx.sessions.get(byBlock.id);
}

function sessionUser(ctx: Ctx, session: ChallengeSession): UserRecord {
  const user = ctx.users.get(session.state.username);
  if (!user) {
    ctx.sessions.close(session);
    throw fail.notAuthorized(MSG.incorrectPassword);
  }
  return user;
}

/** Checks the SRP claim; a wrong password ends the round like Cognito does. */
async function checkClaim(ctx: Ctx, session: ChallengeSession, r: Responses, poolName: string, userId: string): Promise<void> {
  const signature = requireParam(r, 'PASSWORD_CLAIM_SIGNATURE');
  const secretBlock = requireParam(r, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requireParam(r, 'TIMESTAMP');
  const at = parseSrpTimestamp(timestamp);
  if (at === undefined) throw fail.invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  const srp = session.srp;
  const ok =
    srp !== undefined &&
    secretBlock === srp.secretBlock &&
    Math.abs(at - ctx.now()) <= TIMESTAMP_SKEW_MS &&
    (await verifyClaim({ poolName, userId, verifier: srp.verifier, A: srp.A, eph: srp.eph, secretBlock, timestamp, signature }));
  if (!ok) {
    ctx.sessions.close(session);
    throw fail.notAuthorized(MSG.incorrectPassword);
  }
}

const passwordVerifier: Handler = async (ctx, session, r) => {
  const user = ctx.users.get(session.state.username);
  if (user && r.DEVICE_KEY !== undefined) {
    // Session stays open: acij retries the same answer without DEVICE_KEY on exactly this error.
    const deviceKey = confirmedDevice(user, r.DEVICE_KEY);
    if (!deviceKey) throw fail.resourceNotFound(MSG.deviceNotFound);
    session.state.deviceKey = deviceKey;
  }
  await checkClaim(ctx, session, r, ctx.config.poolName, session.state.username);
  session.state.passwordVerified = true;
  return advance(ctx, session.state, session);
};

const smsMfa: Handler = async (ctx, session, r) => {
  const code = requireParam(r, 'SMS_MFA_CODE');
  // A wrong code leaves the session usable so the user can retype it.
  if (!session.expectedCode || !constantTimeEqual(session.expectedCode, code)) throw fail.codeMismatch(MSG.mfaCodeMismatch);
  session.state.mfaDone = true;
  return advance(ctx, session.state, session);
};

/** Accepts a TOTP once per time step, as Cognito does; records the step on success. */
export async function acceptTotp(ctx: Ctx, user: UserRecord, secret: string, code: string): Promise<boolean> {
  const step = await matchTotp(secret, code, ctx.now());
  if (step === undefined) return false;
  if (user.mfa.lastTotpStep !== undefined && step <= user.mfa.lastTotpStep) throw fail.expiredCode(MSG.totpReused);
  user.mfa.lastTotpStep = step;
  return true;
}

const softwareTokenMfa: Handler = async (ctx, session, r) => {
  const code = requireParam(r, 'SOFTWARE_TOKEN_MFA_CODE');
  const user = sessionUser(ctx, session);
  if (!user.mfa.totpSecret || !(await acceptTotp(ctx, user, user.mfa.totpSecret, code))) {
    throw fail.codeMismatch(MSG.mfaCodeMismatch);
  }
  session.state.mfaDone = true;
  return advance(ctx, session.state, session);
};

const selectMfaType: Handler = async (ctx, session, r) => {
  const answer = requireParam(r, 'ANSWER');
  const choices = session.mfaChoices ?? [];
  if (!choices.includes(answer as MfaType)) throw fail.invalidParameter(`Invalid MFA type ${answer}`);
  return mfaChallenge(ctx, sessionUser(ctx, session), session.state, answer as MfaType, session);
};

const mfaSetup: Handler = async (ctx, session, r) => {
  const user = sessionUser(ctx, session);
  if (r.EMAIL !== undefined) {
    // Email MFA set up during sign-in: the code goes to the address given; proving it turns email MFA on.
    if (!ctx.config.mfaMethods.includes('EMAIL_OTP')) throw fail.invalidParameter('Email MFA is not enabled for this user pool');
    if (!/^[^@\s]+@[^@\s]+$/.test(r.EMAIL)) throw fail.invalidParameter('Invalid email address format.');
    return otpChallenge(ctx, user, session.state, 'EMAIL_OTP', 'MFA_SETUP', session, r.EMAIL);
  }
  if (!session.totpVerified || !session.pendingTotpSecret) {
    throw fail.invalidParameter('Software token MFA has not been verified for this session');
  }
  user.mfa = { ...user.mfa, totp: true, totpSecret: session.pendingTotpSecret, pendingTotpSecret: undefined, preferred: 'SOFTWARE_TOKEN_MFA' };
  session.state.mfaDone = true;
  return advance(ctx, session.state, session);
};

const newPasswordRequired: Handler = async (ctx, session, r) => {
  const user = sessionUser(ctx, session);
  const password = requireParam(r, 'NEW_PASSWORD');
  checkPasswordPolicy(password, ctx.config.passwordPolicy);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(r)) {
    if (key.startsWith('userAttributes.')) attributes[key.slice('userAttributes.'.length)] = value;
  }
  checkWritableAttributes(attributes);
  for (const name of ctx.config.requiredAttributesOnNewPassword) {
    if (!attributes[name] && !user.attributes[name]) throw fail.invalidParameter(`Invalid attributes given, ${name} is missing`);
  }
  Object.assign(user.attributes, attributes);
  await ctx.users.setPassword(user, password);
  user.status = 'CONFIRMED';
  session.state.newPasswordDone = true;
  return advance(ctx, session.state, session);
};

const customChallengeAnswer: Handler = async (ctx, session, r) => {
  const answer = requireParam(r, 'ANSWER');
  const user = sessionUser(ctx, session);
  const state = session.state;
  if (session.expectedCode && constantTimeEqual(session.expectedCode, answer)) {
    state.customRounds += 1;
    return advance(ctx, state, session);
  }
  // The simulated Define-Auth-Challenge Lambda: retry with a new code until maxAttempts, then fail.
  state.customFailures += 1;
  if (state.customFailures >= ctx.config.customAuth.maxAttempts) {
    ctx.sessions.close(session);
    throw fail.notAuthorized(MSG.incorrectPassword);
  }
  return customChallenge(ctx, user, state, session);
};

const deviceSrpAuth: Handler = async (ctx, session, r) => {
  const user = sessionUser(ctx, session);
  const deviceKey = requireParam(r, 'DEVICE_KEY');
  const device = user.devices.get(deviceKey);
  if (deviceKey !== session.state.deviceKey || !device?.confirmed || device.verifier === undefined || !device.saltHex) {
    throw fail.resourceNotFound(MSG.deviceNotFound);
  }
  const round = await srpRound(requireParam(r, 'SRP_A'), device.verifier);
  return challenge(
    ctx,
    session.state,
    'DEVICE_PASSWORD_VERIFIER',
    { SALT: device.saltHex, SRP_B: round.eph.B.toString(16), SECRET_BLOCK: round.secretBlock },
    { srp: { ...round, verifier: device.verifier } },
    session,
  );
};

const devicePasswordVerifier: Handler = async (ctx, session, r) => {
  const user = sessionUser(ctx, session);
  const deviceKey = requireParam(r, 'DEVICE_KEY');
  const device = user.devices.get(deviceKey);
  if (deviceKey !== session.state.deviceKey || !device) throw fail.resourceNotFound(MSG.deviceNotFound);
  // Device SRP: "pool name" = DeviceGroupKey, "username" = DeviceKey (acij getDeviceResponse).
  await checkClaim(ctx, session, r, device.groupKey, device.key);
  session.state.deviceDone = true;
  return advance(ctx, session.state, session);
};

/** SELECT_CHALLENGE (USER_AUTH): the chosen first factor, with its PASSWORD or SRP_A when finished in one step. */
const selectChallenge: Handler = async (ctx, session, r) => {
  const answer = requireParam(r, 'ANSWER');
  if (!session.availableChallenges?.includes(answer)) throw fail.invalidParameter(`Invalid challenge answer ${answer}`);
  return startFactor(ctx, ctx.users.get(session.state.username), session.state, answer as FirstFactorChallenge, r, session);
};

/** EMAIL_OTP / SMS_OTP: a first factor (no MFA after it), an MFA, or the proof of an email being set up for MFA. */
function otpAnswer(codeKey: 'EMAIL_OTP_CODE' | 'SMS_OTP_CODE'): Handler {
  return async (ctx, session, r) => {
    const code = requireParam(r, codeKey);
    // A wrong code leaves the session usable so the user can retype it.
    if (!session.expectedCode || !constantTimeEqual(session.expectedCode, code)) throw fail.codeMismatch(MSG.mfaCodeMismatch);
    const user = sessionUser(ctx, session);
    if (session.otpPurpose === 'MFA_SETUP' && session.setupEmail !== undefined) {
      Object.assign(user.attributes, { email: session.setupEmail, email_verified: 'true' });
      user.mfa = { ...user.mfa, email: true, preferred: user.mfa.preferred ?? 'EMAIL_OTP' };
    }
    session.state.mfaDone = true;
    return advance(ctx, session.state, session);
  };
}

/** WEB_AUTHN: the passkey's assertion. Its challenge is used up by any answer, so a failure ends the session. */
const webAuthn: Handler = async (ctx, session, r) => {
  const user = sessionUser(ctx, session);
  try {
    await verifySignInCredential(ctx, user, requireParam(r, 'CREDENTIAL'));
  } catch (error) {
    ctx.sessions.close(session);
    throw error;
  }
  // A passkey is possession and (with user verification) inherence: no MFA after it.
  session.state.mfaDone = true;
  return advance(ctx, session.state, session);
};

const HANDLERS: Record<ChallengeSession['challenge'], Handler> = {
  SIGN_UP_CONFIRMED: async () => {
    throw fail.invalidParameter('This Session signs in with InitiateAuth USER_AUTH, not RespondToAuthChallenge.');
  },
  SELECT_CHALLENGE: selectChallenge,
  EMAIL_OTP: otpAnswer('EMAIL_OTP_CODE'),
  SMS_OTP: otpAnswer('SMS_OTP_CODE'),
  WEB_AUTHN: webAuthn,
  PASSWORD_VERIFIER: passwordVerifier,
  SMS_MFA: smsMfa,
  SOFTWARE_TOKEN_MFA: softwareTokenMfa,
  SELECT_MFA_TYPE: selectMfaType,
  MFA_SETUP: mfaSetup,
  NEW_PASSWORD_REQUIRED: newPasswordRequired,
  CUSTOM_CHALLENGE: customChallengeAnswer,
  DEVICE_SRP_AUTH: deviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: devicePasswordVerifier,
};
