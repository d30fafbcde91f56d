/** InitiateAuth (USER_SRP_AUTH, USER_PASSWORD_AUTH, CUSTOM_AUTH, USER_AUTH, REFRESH_TOKEN_AUTH) and GetTokensFromRefreshToken. */
import { bytesToBase64, randomBytes } from '../bytes';
import type { Ctx, Input, Operation } from '../context';
import { MSG, fail } from '../errors';
import { optionalString, requireClient, requireParam, requireString, stringMap } from '../input';
import type { AuthFlow } from '../sessions';
import { N, newSaltHex, parseHexBigInt, serverEphemeral, verifierFromX, type ServerEphemeral } from '../srp';
import type { UserRecord } from '../users';
import { advance, challenge, confirmedDevice, newAuthState, type AuthResponse } from './authPipeline';
import { userAuth } from './userAuth';

const FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH'];

export const InitiateAuth: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const flow = requireString(input, 'AuthFlow');
  const params = stringMap(input, 'AuthParameters');
  switch (flow) {
    case 'USER_SRP_AUTH':
      return startSrp(ctx, params, 'USER_SRP_AUTH');
    case 'USER_PASSWORD_AUTH':
      return passwordAuth(ctx, params);
    case 'CUSTOM_AUTH':
      // acij/Amplify "custom with SRP": prove the password first, then the custom rounds.
      return params.CHALLENGE_NAME === 'SRP_A' ? startSrp(ctx, params, 'CUSTOM_AUTH') : customAuth(ctx, params);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshAuth(ctx, params);
    case 'USER_AUTH':
      return userAuth(ctx, params, optionalString(input, 'Session'));
    default:
      throw fail.invalidParameter(
        `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${FLOWS.join(', ')}]`,
      );
  }
};

/** The user signing in, or undefined when existence must be hidden (the caller then fakes a round). */
export function signInUser(ctx: Ctx, username: string): UserRecord | undefined {
  const user = ctx.users.find(username);
  if (!user) {
    if (ctx.config.preventUserExistenceErrors) return undefined;
    throw fail.userNotFound(MSG.userNotFound);
  }
  if (!user.enabled) throw fail.notAuthorized(MSG.userDisabled);
  return user;
}

/** Fresh server ephemeral and secret block for one SRP round. */
export async function srpRound(srpA: string, verifier: bigint): Promise<{ A: bigint; eph: ServerEphemeral; secretBlock: string }> {
  const A = parseHexBigInt(srpA);
  // A ≡ 0 (mod N) would let a client skip the password; SRP-6a requires refusing it.
  if (A === undefined || A % N === 0n) throw fail.invalidParameter('Invalid SRP_A value.');
  return { A, eph: await serverEphemeral(verifier), secretBlock: bytesToBase64(randomBytes(128)) };
}

async function startSrp(ctx: Ctx, params: Record<string, string>, flow: AuthFlow): Promise<AuthResponse> {
  const username = requireParam(params, 'USERNAME');
  const srpA = requireParam(params, 'SRP_A');
  const user = signInUser(ctx, username);
  // Hidden-existence mode: an unknown user gets a believable challenge that no password can answer.
  const saltHex = user?.saltHex ?? newSaltHex();
  const verifier = user?.verifier ?? verifierFromX(BigInt(`0x${newSaltHex()}`));
  const userId = user?.username ?? username;
  const state = newAuthState(userId, flow);
  if (user) state.deviceKey = confirmedDevice(user, params.DEVICE_KEY);
  const round = await srpRound(srpA, verifier);
  return challenge(
    ctx,
    state,
    'PASSWORD_VERIFIER',
    { SALT: saltHex, SRP_B: round.eph.B.toString(16), SECRET_BLOCK: round.secretBlock, USER_ID_FOR_SRP: userId },
    { srp: { ...round, verifier } },
  );
}

async function passwordAuth(ctx: Ctx, params: Record<string, string>): Promise<AuthResponse> {
  const username = requireParam(params, 'USERNAME');
  const password = requireParam(params, 'PASSWORD');
  const user = signInUser(ctx, username);
  if (!user || !(await ctx.users.checkPassword(user, password))) throw fail.notAuthorized(MSG.incorrectPassword);
  const state = newAuthState(user.username, 'USER_PASSWORD_AUTH');
  state.passwordVerified = true;
  state.deviceKey = confirmedDevice(user, params.DEVICE_KEY);
  return advance(ctx, state);
}

async function customAuth(ctx: Ctx, params: Record<string, string>): Promise<AuthResponse> {
  const user = signInUser(ctx, requireParam(params, 'USERNAME'));
  if (!user) throw fail.notAuthorized(MSG.incorrectPassword);
  const state = newAuthState(user.username, 'CUSTOM_AUTH');
  state.deviceKey = confirmedDevice(user, params.DEVICE_KEY);
  return advance(ctx, state);
}

/** The user behind a refresh token: gone → UserNotFound, disabled → "User is disabled.". */
function refreshUser(ctx: Ctx, origin: { username: string; sub: string }): UserRecord {
  const user = ctx.users.get(origin.username);
  if (!user || user.sub !== origin.sub) throw fail.userNotFound(MSG.userNotFound);
  if (!user.enabled) throw fail.notAuthorized(MSG.userDisabled);
  return user;
}

async function refreshAuth(ctx: Ctx, params: Record<string, string>): Promise<AuthResponse> {
  const token = requireParam(params, 'REFRESH_TOKEN');
  const { origin } = ctx.tokens.useRefreshToken(token);
  if (ctx.config.refreshTokenRotation) {
    // Documented: REFRESH_TOKEN_AUTH can't be used by clients with rotation on. (Message approximated.)
    throw fail.notAuthorized('Refresh token rotation is enabled for this client; use GetTokensFromRefreshToken.');
  }
  // No RefreshToken in the result: clients keep the one they have (acij copies it over).
  return { ChallengeParameters: {}, AuthenticationResult: await ctx.tokens.mint(refreshUser(ctx, origin), origin) };
}

export const GetTokensFromRefreshToken: Operation = async (ctx, input: Input) => {
  requireClient(ctx, input);
  const { origin, record } = ctx.tokens.useRefreshToken(requireString(input, 'RefreshToken'));
  const result = await ctx.tokens.mint(refreshUser(ctx, origin), origin);
  if (ctx.config.refreshTokenRotation) result.RefreshToken = ctx.tokens.rotate(record);
  return { AuthenticationResult: result };
};
