import { AuthSession, clockDriftFrom } from '../session/authSession';
import { withMetadata, type AuthenticationResult, type FlowContext } from './context';

/**
 * New tokens from the refresh token. Without rotation: REFRESH_TOKEN_AUTH, which returns no new
 * refresh token. With rotation (`refreshTokenRotation`): GetTokensFromRefreshToken, which returns a
 * new one that replaces the old (the old stays usable only for the client's grace period); if a
 * response carries none, the old one is kept.
 */
export async function refreshSession(ctx: FlowContext, username: string, session: AuthSession, rotation = false): Promise<AuthSession> {
  const device = ctx.tokens.device(username);
  const refreshToken = session.refreshToken ?? '';
  // The config's clientMetadata reaches the pre-token-generation trigger on refreshes too, as in v6.
  const metadata = ctx.metadata();
  // With a session endpoint the server holds the refresh token and calls Cognito; it answers in Cognito's shape.
  const response = ctx.sessionEndpoint
    ? await (await ctx.sessionEndpoint()).refresh(device?.deviceKey)
    : rotation
    ? await ctx.call<{ AuthenticationResult?: AuthenticationResult }>('GetTokensFromRefreshToken', withMetadata({
        ClientId: ctx.clientId,
        RefreshToken: refreshToken,
        ...(device ? { DeviceKey: device.deviceKey } : {}),
      }, metadata))
    : await ctx.call<{ AuthenticationResult?: AuthenticationResult }>('InitiateAuth', withMetadata({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ctx.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken, ...(device ? { DEVICE_KEY: device.deviceKey } : {}) },
      }, metadata));
  const result = response.AuthenticationResult;
  if (!result?.AccessToken || !result.IdToken) throw new Error('Refresh answered without tokens');
  const tokens = { idToken: result.IdToken, accessToken: result.AccessToken };
  const nextRefreshToken = result.RefreshToken ?? session.refreshToken;
  return new AuthSession({
    ...tokens,
    ...(nextRefreshToken ? { refreshToken: nextRefreshToken } : {}),
    clockDrift: clockDriftFrom(tokens, ctx.now()),
  });
}
