/**
 * TOTP association and MFA preferences. AssociateSoftwareToken / VerifySoftwareToken work either with an
 * AccessToken (signed-in setup) or with the `Session` of an MFA_SETUP challenge (setup during sign-in).
 */
import type { Ctx, Input, Operation } from '../context';
import { fail } from '../errors';
import { optionalBoolean, optionalString, requireString, userFromAccessToken } from '../input';
import { isRecord } from '../jwt';
import type { ChallengeSession } from '../sessions';
import { newTotpSecret } from '../totp';
import type { MfaType } from '../types';
import type { UserRecord } from '../users';
import { acceptTotp } from './respondToAuthChallenge';

function setupSession(ctx: Ctx, id: string): { session: ChallengeSession; user: UserRecord } {
  const session = ctx.sessions.get(id);
  const user = ctx.users.get(session.state.username);
  if (session.challenge !== 'MFA_SETUP' || !user) throw fail.notAuthorized('Invalid session for the user.');
  return { session, user };
}

export const AssociateSoftwareToken: Operation = async (ctx, input) => {
  const sessionId = optionalString(input, 'Session');
  const secret = newTotpSecret();
  ctx.secret(secret);
  if (sessionId !== undefined) {
    const { session } = setupSession(ctx, sessionId);
    const next = ctx.sessions.next(session, 'MFA_SETUP', { pendingTotpSecret: secret });
    return { SecretCode: secret, Session: next.id };
  }
  if (input.AccessToken === undefined) throw fail.invalidParameter('Either AccessToken or Session must be provided.');
  const { user } = await userFromAccessToken(ctx, input);
  user.mfa.pendingTotpSecret = secret;
  return { SecretCode: secret };
};

const CODE_MISMATCH = 'Code mismatch and fail enable Software Token MFA';

export const VerifySoftwareToken: Operation = async (ctx, input) => {
  const code = requireString(input, 'UserCode');
  if (!/^\d{6}$/.test(code)) {
    throw fail.invalidParameter(
      "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+",
    );
  }
  const sessionId = optionalString(input, 'Session');
  if (sessionId !== undefined) {
    const { session, user } = setupSession(ctx, sessionId);
    const secret = session.pendingTotpSecret;
    if (!secret) throw fail.softwareTokenNotFound('Software token MFA has not been associated for this session.');
    if (!(await acceptTotp(ctx, user, secret, code))) throw fail.enableSoftwareToken(CODE_MISMATCH);
    const next = ctx.sessions.next(session, 'MFA_SETUP', { pendingTotpSecret: secret, totpVerified: true });
    return { Status: 'SUCCESS', Session: next.id };
  }
  const { user } = await userFromAccessToken(ctx, input);
  const secret = user.mfa.pendingTotpSecret;
  if (!secret) throw fail.softwareTokenNotFound('Software token MFA has not been associated for this user.');
  if (!(await acceptTotp(ctx, user, secret, code))) throw fail.enableSoftwareToken(CODE_MISMATCH);
  // Verified, not yet enabled: SetUserMFAPreference turns it on (Amplify calls it right after).
  user.mfa.totpSecret = secret;
  user.mfa.pendingTotpSecret = undefined;
  return { Status: 'SUCCESS' };
};

interface MfaSettings {
  enabled: boolean | undefined;
  preferred: boolean | undefined;
}

function settings(input: Input, key: string): MfaSettings | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw fail.invalidParameter(`Invalid ${key}`);
  return { enabled: optionalBoolean(value, 'Enabled'), preferred: optionalBoolean(value, 'PreferredMfa') };
}

function apply(user: UserRecord, type: MfaType, s: MfaSettings | undefined): void {
  if (!s) return;
  const flag = type === 'SMS_MFA' ? 'sms' : type === 'EMAIL_OTP' ? 'email' : 'totp';
  if (s.enabled !== undefined) user.mfa[flag] = s.enabled;
  if (s.preferred === true) {
    if (!user.mfa[flag]) throw fail.invalidParameter(`Cannot set ${type} as preferred while it is disabled`);
    user.mfa.preferred = type;
  }
  if ((s.preferred === false || !user.mfa[flag]) && user.mfa.preferred === type) user.mfa.preferred = undefined;
}

export const SetUserMFAPreference: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const sms = settings(input, 'SMSMfaSettings');
  const totp = settings(input, 'SoftwareTokenMfaSettings');
  const email = settings(input, 'EmailMfaSettings');
  if (sms?.enabled && !user.attributes.phone_number) {
    throw fail.invalidParameter('User does not have delivery config set to turn on SMS_MFA');
  }
  if (totp?.enabled && !user.mfa.totpSecret) throw fail.invalidParameter('User has not verified software token mfa');
  if (email?.enabled && !ctx.config.mfaMethods.includes('EMAIL_OTP')) throw fail.invalidParameter('Email MFA is not enabled for this user pool');
  if (email?.enabled && !user.attributes.email) throw fail.invalidParameter('User does not have delivery config set to turn on EMAIL_OTP');
  if ([sms, totp, email].filter((s) => s?.preferred).length > 1) throw fail.invalidParameter('Only one MFA method can be preferred');
  apply(user, 'SMS_MFA', sms);
  apply(user, 'SOFTWARE_TOKEN_MFA', totp);
  apply(user, 'EMAIL_OTP', email);
  return {};
};
