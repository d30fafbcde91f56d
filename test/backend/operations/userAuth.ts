/**
 * Choice-based sign-in (InitiateAuth USER_AUTH): the user starts with one of the pool's first factors
 * (password, password by SRP, a code by email or SMS, a passkey), named up front (PREFERRED_CHALLENGE)
 * or chosen after a SELECT_CHALLENGE. Passwordless factors end the sign-in without MFA, as Cognito does.
 */
import type { Ctx } from '../context';
import { MSG, fail } from '../errors';
import { requireParam } from '../input';
import type { AuthState, ChallengeSession } from '../sessions';
import { newSaltHex, verifierFromX } from '../srp';
import type { UserRecord } from '../users';
import { passkeySignInAvailable, requestOptionsFor } from '../webauthn/passkeySignIn';
import { advance, challenge, confirmedDevice, newAuthState, otpChallenge, type AuthResponse } from './authPipeline';
import { signInUser, srpRound } from './initiateAuth';

/** First factors as InitiateAuth's AvailableChallenges names them (PASSWORD_SRP is PASSWORD by SRP). */
export type FirstFactorChallenge = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

export async function userAuth(ctx: Ctx, params: Record<string, string>, sessionId?: string): Promise<AuthResponse> {
  if (!ctx.config.allowedFirstAuthFactors) throw fail.invalidParameter('USER_AUTH flow not enabled for this client');
  const username = requireParam(params, 'USERNAME');
  const user = signInUser(ctx, username);
  if (sessionId !== undefined) {
    // The Session of ConfirmSignUp: the code just proved the user; tokens without another factor.
    const confirmed = ctx.sessions.get(sessionId, 'SIGN_UP_CONFIRMED');
    if (confirmed.challenge !== 'SIGN_UP_CONFIRMED' || confirmed.state.username !== user?.username) throw fail.notAuthorized(MSG.sessionExpired);
    confirmed.state.mfaDone = true;
    return advance(ctx, confirmed.state, confirmed);
  }
  // Hidden-existence mode: an unknown user is offered the password factors, which no password can pass.
  const state = newAuthState(user?.username ?? username, 'USER_AUTH');
  if (user) state.deviceKey = confirmedDevice(user, params.DEVICE_KEY);
  const available = user ? availableFactors(ctx, user) : (['PASSWORD', 'PASSWORD_SRP'] as FirstFactorChallenge[]);
  const preferred = params.PREFERRED_CHALLENGE as FirstFactorChallenge | undefined;
  if (preferred !== undefined && available.includes(preferred)) return startFactor(ctx, user, state, preferred, params);
  const response = challenge(ctx, state, 'SELECT_CHALLENGE', {}, { availableChallenges: available });
  return { ...response, AvailableChallenges: available };
}

/** The factors this user can use now: the pool's, minus codes to addresses it lacks and passkeys it has none of. */
export function availableFactors(ctx: Ctx, user: UserRecord): FirstFactorChallenge[] {
  const out: FirstFactorChallenge[] = [];
  for (const factor of ctx.config.allowedFirstAuthFactors ?? []) {
    if (factor === 'PASSWORD' && !user.passwordless) out.push('PASSWORD', 'PASSWORD_SRP');
    else if (factor === 'EMAIL_OTP' && user.attributes.email && user.attributes.email_verified === 'true') out.push('EMAIL_OTP');
    else if (factor === 'SMS_OTP' && user.attributes.phone_number && user.attributes.phone_number_verified === 'true') out.push('SMS_OTP');
    else if (factor === 'WEB_AUTHN' && passkeySignInAvailable(ctx, user)) out.push('WEB_AUTHN');
  }
  return out;
}

/** Starts `factor`; `r` carries PASSWORD or SRP_A when the client finishes the choice in one step. */
export async function startFactor(
  ctx: Ctx,
  user: UserRecord | undefined,
  state: AuthState,
  factor: FirstFactorChallenge,
  r: Record<string, string>,
  from?: ChallengeSession,
): Promise<AuthResponse> {
  switch (factor) {
    case 'PASSWORD': {
      const password = requireParam(r, 'PASSWORD');
      if (!user || !(await ctx.users.checkPassword(user, password))) {
        if (from) ctx.sessions.close(from);
        throw fail.notAuthorized(MSG.incorrectPassword);
      }
      state.passwordVerified = true;
      return advance(ctx, state, from);
    }
    case 'PASSWORD_SRP': {
      const verifier = user?.verifier ?? verifierFromX(BigInt(`0x${newSaltHex()}`));
      const round = await srpRound(requireParam(r, 'SRP_A'), verifier);
      const params = { SALT: user?.saltHex ?? newSaltHex(), SRP_B: round.eph.B.toString(16), SECRET_BLOCK: round.secretBlock, USER_ID_FOR_SRP: state.username };
      return challenge(ctx, state, 'PASSWORD_VERIFIER', params, { srp: { ...round, verifier } }, from);
    }
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      if (!user) throw fail.notAuthorized(MSG.incorrectPassword);
      return otpChallenge(ctx, user, state, factor, 'FIRST_FACTOR', from);
    case 'WEB_AUTHN':
      if (!user) throw fail.notAuthorized(MSG.incorrectPassword);
      return challenge(ctx, state, 'WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: requestOptionsFor(ctx, user) }, {}, from);
  }
}
