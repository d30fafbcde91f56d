/** Fills BackendOptions defaults (Cognito's own defaults where there is one). */
import type { BackendConfig, BackendOptions } from './types';
import { resolveWebAuthn } from './webauthn/config';

export const DEFAULT_USER_POOL_ID = 'us-east-1_TestPool01';
/** Cognito app client ids are 26 lowercase alphanumerics. */
export const DEFAULT_CLIENT_ID = '1example23456789abcdefghij';

/** The fixed part of the default identity pool id (`<region>:` is prepended). */
export const DEFAULT_IDENTITY_POOL_UUID = '0b7e5c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c';
export const DEFAULT_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
export const DEFAULT_IDENTITY_PROVIDERS = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'];

export function resolveConfig(options: BackendOptions = {}): BackendConfig {
  const userPoolId = options.userPoolId ?? DEFAULT_USER_POOL_ID;
  const [regionPart, poolName] = userPoolId.split('_');
  if (!regionPart || !poolName) throw new Error(`userPoolId must look like <region>_<id>, got ${userPoolId}`);
  const region = options.region ?? regionPart;
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const issuer = options.issuer ?? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const issuerUrl = new URL(issuer);
  const pool = options.identityPool ?? {};
  const oauth = options.oauth;
  return {
    userPoolId,
    clientId,
    region,
    issuer,
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
    mfaMethods: options.mfaMethods ?? ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    allowedFirstAuthFactors: options.allowedFirstAuthFactors && [...options.allowedFirstAuthFactors],
    usernameAttributes: options.usernameAttributes ?? [],
    autoVerifiedAttributes: options.autoVerifiedAttributes ?? ['email'],
    requiredAttributesOnNewPassword: options.requiredAttributesOnNewPassword ?? [],
    deviceTracking: options.deviceTracking ?? true,
    customAuth: { rounds: options.customAuth?.rounds ?? 1, maxAttempts: options.customAuth?.maxAttempts ?? 3 },
    preventUserExistenceErrors: options.preventUserExistenceErrors ?? false,
    refreshTokenRotation: options.refreshTokenRotation
      ? { retryGracePeriodSeconds: options.refreshTokenRotation.retryGracePeriodSeconds ?? 0 }
      : undefined,
    oauth: oauth && {
      callbackUrls: [...oauth.callbackUrls],
      logoutUrls: [...oauth.logoutUrls],
      allowedScopes: oauth.allowedScopes ?? DEFAULT_SCOPES,
      authCodeSeconds: oauth.authCodeSeconds ?? 300,
      identityProviders: oauth.identityProviders ?? DEFAULT_IDENTITY_PROVIDERS,
    },
    identityPool: {
      identityPoolId: pool.identityPoolId ?? `${region}:${DEFAULT_IDENTITY_POOL_UUID}`,
      allowUnauthenticated: pool.allowUnauthenticated ?? true,
      credentialsSeconds: pool.credentialsSeconds ?? 3600,
      clientId: pool.clientId ?? clientId,
      providerName: issuerUrl.host + issuerUrl.pathname,
      roles: {
        authenticated: pool.roles?.authenticated === undefined ? `arn:aws:iam::123456789012:role/Cognito_${poolName}Auth_Role` : pool.roles.authenticated,
        unauthenticated: pool.roles?.unauthenticated === undefined ? `arn:aws:iam::123456789012:role/Cognito_${poolName}Unauth_Role` : pool.roles.unauthenticated,
      },
    },
    webAuthn: resolveWebAuthn(options.webAuthn, poolName),
  };
}
