import { AuthSession, clockDriftFrom } from '../session/authSession';
import type { AuthenticationResult, FlowContext } from './context';

/**
 * Tokens arrived: build the session, register a new device when Cognito hands one out (as
 * amazon-cognito-identity-js does, so later sign-ins can prove the device), and persist.
 * Returns the internal username the session is stored under.
 */
export async function completeSignIn(
  ctx: FlowContext,
  result: AuthenticationResult,
  fallbackUsername: string,
): Promise<{ username: string; session: AuthSession }> {
  const tokens = { idToken: result.IdToken, accessToken: result.AccessToken };
  // With a session endpoint the server keeps the refresh token (httpOnly cookie); the page never stores it.
  if (ctx.sessionEndpoint && result.RefreshToken) await (await ctx.sessionEndpoint()).store(result.RefreshToken, 'signIn');
  const session = new AuthSession({
    ...tokens,
    ...(result.RefreshToken && !ctx.sessionEndpoint ? { refreshToken: result.RefreshToken } : {}),
    clockDrift: clockDriftFrom(tokens, ctx.now()),
  });
  const claim = session.accessTokenPayload['username'] ?? session.idTokenPayload['cognito:username'];
  const username = typeof claim === 'string' && claim ? claim : fallbackUsername;
  if (result.NewDeviceMetadata) await confirmNewDevice(ctx, session, username, result.NewDeviceMetadata);
  ctx.tokens.save(username, session);
  return { username, session };
}

async function confirmNewDevice(
  ctx: FlowContext,
  session: AuthSession,
  username: string,
  device: { DeviceKey: string; DeviceGroupKey: string },
): Promise<void> {
  const verifier = await ctx.srp.createDeviceVerifier(device.DeviceGroupKey, device.DeviceKey);
  await ctx.call('ConfirmDevice', {
    AccessToken: session.accessToken,
    DeviceKey: device.DeviceKey,
    DeviceName: deviceName(),
    DeviceSecretVerifierConfig: { Salt: verifier.salt, PasswordVerifier: verifier.passwordVerifier },
  });
  ctx.tokens.saveDevice(username, {
    deviceKey: device.DeviceKey,
    deviceGroupKey: device.DeviceGroupKey,
    randomPassword: verifier.randomPassword,
  });
}

function deviceName(): string {
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return (agent || 'cognito-react-kit').slice(0, 1024);
}
