import type { PasswordPolicy, PoolSettings } from './poolSettingsTypes';
import type { AuthConfig, CookieStorageConfig, OAuthConfig } from './types';

/** Every key the kit reads; anything else in a config belongs to another Amplify category. */
export const AUTH_KEYS = Object.freeze([
  'identityPoolId',
  'region',
  'identityPoolRegion',
  'userPoolId',
  'userPoolWebClientId',
  'mandatorySignIn',
  'cookieStorage',
  'storage',
  'authenticationFlowType',
  'clientMetadata',
  'oauth',
  'endpoint',
  'identityPoolEndpoint',
  'refreshTokenRotation',
  'requestTimeout',
  'poolSettings',
] as const) satisfies readonly (keyof AuthConfig)[];

/** The keys a v6 or Gen 2 config cannot state: a `configure()` with one of those keeps them. */
export const KIT_ONLY_KEYS = Object.freeze([
  'cookieStorage',
  'storage',
  'authenticationFlowType',
  'clientMetadata',
  'refreshTokenRotation',
  'requestTimeout',
] as const) satisfies readonly (typeof AUTH_KEYS)[number][];

export const POOL_KEYS = Object.freeze([
  'loginMechanisms',
  'signUpAttributes',
  'verificationMechanisms',
  'passwordPolicy',
  'mfaStatus',
  'mfaMethods',
  'socialProviders',
  'passwordlessMethods',
  'preferredChallenge',
] as const) satisfies readonly (keyof PoolSettings)[];

export const PASSWORD_KEYS = Object.freeze([
  'minLength',
  'requireLowercase',
  'requireUppercase',
  'requireNumbers',
  'requireSymbols',
] as const) satisfies readonly (keyof PasswordPolicy)[];

export const OAUTH_KEYS = Object.freeze([
  'domain',
  'scope',
  'redirectSignIn',
  'redirectSignOut',
  'responseType',
] as const) satisfies readonly (keyof OAuthConfig)[];

export const COOKIE_KEYS = Object.freeze([
  'domain',
  'path',
  'expires',
  'secure',
  'sameSite',
] as const) satisfies readonly (keyof CookieStorageConfig)[];

// `clear` is not among them: the engine never clears the app's store (AsyncStorage-shaped adapters need not have it).
export const STORAGE_METHODS = Object.freeze(['setItem', 'getItem', 'removeItem'] as const);

// Compile-time guard: adding a field to the contract in types.ts without listing it here fails
// the build instead of silently dropping the field in normalize/merge.
type Missing<T, K extends readonly unknown[]> = Exclude<keyof T, K[number]>;
const allListed: [
  Missing<AuthConfig, typeof AUTH_KEYS>,
  Missing<OAuthConfig, typeof OAUTH_KEYS>,
  Missing<CookieStorageConfig, typeof COOKIE_KEYS>,
  Missing<PoolSettings, typeof POOL_KEYS>,
  Missing<PasswordPolicy, typeof PASSWORD_KEYS>,
] extends [never, never, never, never, never]
  ? true
  : false = true;
void allListed;
