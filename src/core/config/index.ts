export { normalizeConfigInput, mergeConfig } from './normalize';
export { resolveConfig } from './resolve';
export { DEFAULT_OAUTH_SCOPES } from './resolveOAuth';
export type {
  AuthConfig,
  AuthConfigInput,
  AuthenticationFlowType,
  AwsExportsConfig,
  CookieSameSite,
  CookieStorageConfig,
  OAuthConfig,
  OAuthResponseType,
  ResolvedAuthConfig,
  ResolvedOAuthConfig,
  StorageLike,
} from './types';
export type { AmplifyOutputs, V6CognitoConfig, V6Config } from './amplifyTypes';
export type { PoolSettings } from './poolSettingsTypes';
