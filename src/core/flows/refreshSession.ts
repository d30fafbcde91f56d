import { AuthSession, clockDriftFrom } from '../session/authSession';
import type { AuthenticationResult, FlowContext } from './context';

/** REFRESH_TOKEN_AUTH. Cognito returns no new refresh token here, so the old one is kept. */
export async function refreshSession(ctx: FlowContext, username: string, session: AuthSession): Promise<AuthSession> {
  const device = ctx.store.device(username);
  const response = await ctx.call<{ AuthenticationResult?: AuthenticationResult }>('InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: ctx.clientId,
    AuthParameters: { REFRESH_TOKEN: session.refreshToken ?? '', ...(device ? { DEVICE_KEY: device.deviceKey } : {}) },
  });
  const result = response.AuthenticationResult;
  if (!result?.AccessToken || !result.IdToken) throw new Error('Refresh answered without tokens');
  const tokens = { idToken: result.IdToken, accessToken: result.AccessToken };
  const refreshToken = result.RefreshToken ?? session.refreshToken;
  return new AuthSession({
    ...tokens,
    ...(refreshToken ? { refreshToken } : {}),
    clockDrift: clockDriftFrom(tokens, ctx.now()),
  });
}
