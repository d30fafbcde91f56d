/** Fills BackendOptions defaults (Cognito's own defaults where there is one). */
import type { BackendConfig, BackendOptions } from './types';

export const DEFAULT_USER_POOL_ID = 'us-east-1_TestPool01';
/** Cognito app client ids are 26 lowercase alphanumerics. */
export const DEFAULT_CLIENT_ID = '1example23456789abcdefghij';

export function resolveConfig(options: BackendOptions = {}): BackendConfig {
  const userPoolId = options.userPoolId ?? DEFAULT_USER_POOL_ID;
  const [regionPart, poolName] = userPoolId.split('_');
  if (!regionPart || !poolName) throw new Error(`userPoolId must look like <region>_<id>, got ${userPoolId}`);
  const region = options.region ?? regionPart;
  return {
    userPoolId,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    region,
    issuer: options.issuer ?? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    poolName,
    tokenValidity: {
      accessTokenSeconds: 3600,
      idTokenSeconds: 3600,
      refreshTokenSeconds: 30 * 24 * 3600,
      ...options.tokenValidity,
    },
    codeValiditySeconds: options.codeValiditySeconds ?? 3600,
    sessionValiditySeconds: options.sessionValiditySeconds ?? 180,
    passwordPolicy: {
      minLength: 8,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      ...options.passwordPolicy,
    },
    mfaConfiguration: options.mfaConfiguration ?? 'OPTIONAL',
    usernameAttributes: options.usernameAttributes ?? [],
    autoVerifiedAttributes: options.autoVerifiedAttributes ?? ['email'],
    requiredAttributesOnNewPassword: options.requiredAttributesOnNewPassword ?? [],
    deviceTracking: options.deviceTracking ?? true,
    customAuth: { rounds: options.customAuth?.rounds ?? 1, maxAttempts: options.customAuth?.maxAttempts ?? 3 },
    preventUserExistenceErrors: options.preventUserExistenceErrors ?? false,
    refreshTokenRotation: options.refreshTokenRotation
      ? { retryGracePeriodSeconds: options.refreshTokenRotation.retryGracePeriodSeconds ?? 0 }
      : undefined,
  };
}
