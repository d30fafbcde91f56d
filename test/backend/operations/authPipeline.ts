/**
 * What happens after a first factor succeeds, in Cognito's order: status gates → NEW_PASSWORD_REQUIRED →
 * custom challenge rounds → MFA (setup, select, SMS, TOTP; skipped on a remembered device) →
 * DEVICE_SRP_AUTH → tokens (+ NewDeviceMetadata for a device we haven't seen).
 */
import { uuid } from '../bytes';
import { deliveryDetails, deliveryTo, type Delivery } from '../codes';
import type { Ctx } from '../context';
import { MSG, fail } from '../errors';
import type { AuthState, ChallengeName, ChallengeSession, OtpPurpose, SessionExtras } from '../sessions';
import type { AuthenticationResult } from '../tokens';
import type { MfaType } from '../types';
import type { UserRecord } from '../users';

export interface AuthResponse {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  /** SELECT_CHALLENGE (USER_AUTH): the first factors the user may choose. */
  AvailableChallenges?: string[];
  AuthenticationResult?: AuthenticationResult;
}

export function newAuthState(username: string, flow: AuthState['flow']): AuthState {
  return {
    username,
    flow,
    passwordVerified: false,
    deviceKey: undefined,
    newPasswordDone: false,
    customRounds: 0,
    customFailures: 0,
    mfaDone: false,
    deviceDone: false,
  };
}

/** Opens the session for `challenge` (closing `from`) and renders the response. */
export function challenge(
  ctx: Ctx,
  state: AuthState,
  name: ChallengeName,
  params: Record<string, string>,
  extras: SessionExtras = {},
  from?: ChallengeSession,
): AuthResponse {
  const session = from ? ctx.sessions.next(from, name, extras) : ctx.sessions.open(name, state, extras);
  const srpId: Record<string, string> =
    state.flow === 'USER_SRP_AUTH' || state.passwordVerified ? { USER_ID_FOR_SRP: state.username } : {};
  return { ChallengeName: name, Session: session.id, ChallengeParameters: { ...params, ...srpId, USERNAME: state.username } };
}

/** A user with this identifier that the device key belongs to, confirmed (ConfirmDevice done). */
export function confirmedDevice(user: UserRecord, deviceKey: string | undefined): string | undefined {
  return deviceKey !== undefined && user.devices.get(deviceKey)?.confirmed ? deviceKey : undefined;
}

/** Continues a sign-in whose latest step (`from`, if any) just succeeded. */
export async function advance(ctx: Ctx, state: AuthState, from?: ChallengeSession): Promise<AuthResponse> {
  const user = ctx.users.get(state.username);
  if (!user) throw fail.notAuthorized(MSG.incorrectPassword);
  if (!user.enabled) throw fail.notAuthorized(MSG.userDisabled);
  if (user.status === 'UNCONFIRMED') throw fail.userNotConfirmed(MSG.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED') throw fail.passwordResetRequired(MSG.passwordResetRequired);

  if (user.status === 'FORCE_CHANGE_PASSWORD' && state.passwordVerified && !state.newPasswordDone) {
    const { sub: _sub, ...visible } = user.attributes;
    // Only what the user still lacks, like Cognito's requiredAttributes.
    const required = ctx.config.requiredAttributesOnNewPassword
      .filter((n) => !user.attributes[n])
      .map((n) => `userAttributes.${n}`);
    return challenge(ctx, state, 'NEW_PASSWORD_REQUIRED', {
      userAttributes: JSON.stringify(visible),
      requiredAttributes: JSON.stringify(required),
    }, {}, from);
  }

  if (state.flow === 'CUSTOM_AUTH') {
    // The simulated Define-Auth-Challenge Lambda issues no MFA; it decides the rounds itself.
    if (state.customRounds < ctx.config.customAuth.rounds) return customChallenge(ctx, user, state, from);
  } else if (!state.mfaDone) {
    const mfa = mfaStep(ctx, user, state, from);
    if (mfa) return mfa;
    state.mfaDone = true;
  }

  if (state.deviceKey !== undefined && !state.deviceDone) return challenge(ctx, state, 'DEVICE_SRP_AUTH', {}, {}, from);
  if (from) ctx.sessions.close(from);
  return finish(ctx, user, state);
}

function mfaStep(ctx: Ctx, user: UserRecord, state: AuthState, from?: ChallengeSession): AuthResponse | undefined {
  if (ctx.config.mfaConfiguration === 'OFF') return undefined;
  const device = state.deviceKey === undefined ? undefined : user.devices.get(state.deviceKey);
  if (device?.confirmed && device.remembered) return undefined;

  const enabled: MfaType[] = [];
  if (user.mfa.sms && user.attributes.phone_number) enabled.push('SMS_MFA');
  if (user.mfa.totp && user.mfa.totpSecret) enabled.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.email && user.attributes.email) enabled.push('EMAIL_OTP');
  if (enabled.length === 0) {
    if (ctx.config.mfaConfiguration !== 'ON') return undefined;
    // What can be set up during sign-in: an authenticator app or an email address (SMS needs a verified phone first).
    const canSetup = ctx.config.mfaMethods.filter((m) => m !== 'SMS_MFA');
    return challenge(ctx, state, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(canSetup) }, {}, from);
  }
  const preferred = user.mfa.preferred;
  const pick = enabled.length === 1 ? enabled[0] : preferred && enabled.includes(preferred) ? preferred : undefined;
  if (!pick) {
    return challenge(ctx, state, 'SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: JSON.stringify(enabled) }, { mfaChoices: enabled }, from);
  }
  return mfaChallenge(ctx, user, state, pick, from);
}

/** SMS_MFA or EMAIL_OTP (a code is delivered), or SOFTWARE_TOKEN_MFA. */
export function mfaChallenge(ctx: Ctx, user: UserRecord, state: AuthState, type: MfaType, from?: ChallengeSession): AuthResponse {
  if (type === 'SOFTWARE_TOKEN_MFA') return challenge(ctx, state, 'SOFTWARE_TOKEN_MFA', {}, {}, from);
  if (type === 'EMAIL_OTP') return otpChallenge(ctx, user, state, 'EMAIL_OTP', 'MFA', from);
  const delivery = deliveryTo(user, 'phone_number');
  if (!delivery) throw fail.invalidParameter('User does not have delivery config set to turn on SMS_MFA');
  const code = ctx.codes.send(user, 'MFA', delivery);
  const details = deliveryDetails(delivery);
  return challenge(ctx, state, 'SMS_MFA', {
    CODE_DELIVERY_DELIVERY_MEDIUM: details.DeliveryMedium,
    CODE_DELIVERY_DESTINATION: details.Destination,
  }, { expectedCode: code }, from);
}

/**
 * EMAIL_OTP or SMS_OTP: a code sent to the user's email or phone (`to` overrides the address while
 * email MFA is being set up). The same challenge name serves the first factor and the MFA.
 */
export function otpChallenge(
  ctx: Ctx,
  user: UserRecord,
  state: AuthState,
  name: 'EMAIL_OTP' | 'SMS_OTP',
  purpose: OtpPurpose,
  from?: ChallengeSession,
  to?: string,
): AuthResponse {
  const attribute = name === 'EMAIL_OTP' ? 'email' : 'phone_number';
  const delivery = to === undefined ? deliveryTo(user, attribute) : { medium: 'EMAIL' as const, attributeName: 'email' as const, address: to };
  if (!delivery) throw fail.invalidParameter(`User does not have delivery config set to turn on ${name}`);
  const code = ctx.codes.send(user, purpose === 'FIRST_FACTOR' ? 'SIGN_IN' : 'MFA', delivery);
  const details = deliveryDetails(delivery);
  return challenge(ctx, state, name, {
    CODE_DELIVERY_DELIVERY_MEDIUM: details.DeliveryMedium,
    CODE_DELIVERY_DESTINATION: details.Destination,
  }, { expectedCode: code, otpPurpose: purpose, ...(to === undefined ? {} : { setupEmail: to }) }, from);
}

/** The simulated Create-Auth-Challenge Lambda: a 6-digit code sent to the user's email (or phone). */
export function customChallenge(ctx: Ctx, user: UserRecord, state: AuthState, from?: ChallengeSession): AuthResponse {
  const delivery: Delivery = deliveryTo(user, 'email') ??
    deliveryTo(user, 'phone_number') ?? { medium: 'EMAIL', attributeName: 'email', address: '' };
  const code = ctx.codes.send(user, 'CUSTOM_CHALLENGE', delivery);
  return challenge(ctx, state, 'CUSTOM_CHALLENGE', {
    challenge: 'code',
    destination: deliveryDetails(delivery).Destination,
  }, { expectedCode: code }, from);
}

async function finish(ctx: Ctx, user: UserRecord, state: AuthState): Promise<AuthResponse> {
  const now = ctx.now();
  if (state.deviceKey !== undefined && state.deviceDone) {
    const device = user.devices.get(state.deviceKey);
    if (device) device.lastAuthenticatedAt = now;
    return { ChallengeParameters: {}, AuthenticationResult: await ctx.tokens.signIn(user, state.deviceKey) };
  }
  if (!ctx.config.deviceTracking) {
    return { ChallengeParameters: {}, AuthenticationResult: await ctx.tokens.signIn(user, undefined) };
  }
  // An untracked sign-in: Cognito hands out a device the client confirms with ConfirmDevice.
  const key = `${ctx.config.region}_${uuid()}`;
  user.devices.set(key, {
    key,
    groupKey: user.deviceGroupKey,
    name: undefined,
    confirmed: false,
    saltHex: undefined,
    verifier: undefined,
    remembered: false,
    createdAt: now,
    modifiedAt: now,
    lastAuthenticatedAt: now,
  });
  const result = await ctx.tokens.signIn(user, key);
  return {
    ChallengeParameters: {},
    AuthenticationResult: { ...result, NewDeviceMetadata: { DeviceKey: key, DeviceGroupKey: user.deviceGroupKey } },
  };
}
