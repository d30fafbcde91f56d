import type { AmplifyOutputs, V6Config } from './amplifyTypes';
import type { AsyncStorageLike } from '../storage/asyncStorage';
import type { MfaMethod, PoolSettings } from './poolSettingsTypes';

/** Anything with the four Web Storage methods (localStorage, sessionStorage, a custom store). */
export interface StorageLike {
  setItem(key: string, value: string): void;
  getItem(key: string): string | null;
  removeItem(key: string): void;
  clear(): void;
}

export type AuthenticationFlowType = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH';
export type OAuthResponseType = 'code' | 'token';
export type CookieSameSite = 'strict' | 'lax' | 'none';

export interface CookieStorageConfig {
  /** Cookie domain, e.g. `.example.com`. Required when cookieStorage is given. */
  domain: string;
  /** Cookie path. Default `/`. */
  path?: string;
  /** Lifetime in days. Default 365. */
  expires?: number;
  /** Send only over HTTPS. Default true. */
  secure?: boolean;
  /** SameSite attribute. Default unset (browser default, lax). */
  sameSite?: CookieSameSite;
}

export interface OAuthConfig {
  /** Hosted UI domain without scheme, e.g. `myapp.auth.us-east-1.amazoncognito.com`. */
  domain: string;
  /** Scopes to request. Default `['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin']`. */
  scope?: string[];
  /** Where the hosted UI sends the user after sign-in; one URL or a comma-separated list. */
  redirectSignIn: string;
  /** Where the hosted UI sends the user after sign-out; one URL or a comma-separated list. */
  redirectSignOut: string;
  /** `code` (PKCE, with refresh token) or `token` (implicit). Default `code`. */
  responseType?: OAuthResponseType;
}

/** The Amplify-style Auth config object (the `Auth` part of `Amplify.configure`). */
export interface AuthConfig {
  /** Identity pool for AWS credentials, `<region>:<uuid>`. */
  identityPoolId?: string;
  /** Region of the user pool, e.g. `us-east-1`. Default: taken from `userPoolId`. */
  region?: string;
  /** Region of the identity pool when it differs from `region`. */
  identityPoolRegion?: string;
  /** User pool id, `<region>_<id>`. */
  userPoolId?: string;
  /** App client id (public client, no secret). */
  userPoolWebClientId?: string;
  /** When true, no guest (unauthenticated) AWS credentials are handed out. Default false. */
  mandatorySignIn?: boolean;
  /** Keep the session in cookies instead of localStorage. */
  cookieStorage?: CookieStorageConfig;
  /** Custom session storage, synchronous (Web Storage's shape) or async (AsyncStorage's). Default: localStorage when present, else memory. */
  storage?: StorageLike | AsyncStorageLike;
  /** Sign-in flow. Default `USER_SRP_AUTH`. */
  authenticationFlowType?: AuthenticationFlowType;
  /** Key/value pairs passed to Cognito Lambda triggers on every call that accepts them. */
  clientMetadata?: Record<string, string>;
  /** Hosted UI / social sign-in. */
  oauth?: OAuthConfig;
  /** User-pool endpoint override (local emulators, proxies). Default `https://cognito-idp.<region>.amazonaws.com/` (`.amazonaws.com.cn` in China regions). */
  endpoint?: string;
  /** Identity-pool endpoint override. Default `https://cognito-identity.<identityPoolRegion>.amazonaws.com/`. */
  identityPoolEndpoint?: string;
  /** The app client rotates refresh tokens: refresh with `GetTokensFromRefreshToken` and keep the new one. Default false. */
  refreshTokenRotation?: boolean;
  /** Timeout of each Cognito request attempt in ms; a timed-out call fails with `NetworkError`. Default 15000. */
  requestTimeout?: number;
  /** How the pool is set up (filled from v6, Gen 2 and aws-exports configs); the `<Authenticator>`'s defaults. Default: none. */
  poolSettings?: PoolSettings;
}

/**
 * A name from a closed set, or any string: generated files (aws-exports.js, amplify_outputs.json)
 * reach TypeScript with their strings widened, so the set only guides autocompletion; the run-time
 * check names a value outside it.
 */
export type Generated<T extends string> = T | (string & Record<never, never>);

/** The generated `aws-exports.js` shape (only the keys the kit reads). */
export interface AwsExportsConfig {
  aws_project_region?: string;
  aws_cognito_region?: string;
  aws_user_pools_id?: string;
  aws_user_pools_web_client_id?: string;
  aws_cognito_identity_pool_id?: string;
  aws_mandatory_sign_in?: boolean | 'enable' | 'disable';
  aws_user_pools_endpoint?: string;
  aws_cognito_identity_pool_endpoint?: string;
  aws_cognito_authentication_flow_type?: AuthenticationFlowType;
  oauth?: Partial<OAuthConfig>;
  /** Attributes users sign in with instead of a username (`EMAIL`, `PHONE_NUMBER`); empty: usernames. */
  aws_cognito_username_attributes?: Generated<'EMAIL' | 'PHONE_NUMBER'>[];
  /** Attributes required at sign-up, upper case (`EMAIL`, `NAME`, …). */
  aws_cognito_signup_attributes?: string[];
  aws_cognito_mfa_configuration?: Generated<'OFF' | 'ON' | 'OPTIONAL'>;
  aws_cognito_mfa_types?: Generated<MfaMethod>[];
  aws_cognito_password_protection_settings?: {
    passwordPolicyMinLength?: number;
    passwordPolicyCharacters?: Generated<'REQUIRES_LOWERCASE' | 'REQUIRES_UPPERCASE' | 'REQUIRES_NUMBERS' | 'REQUIRES_SYMBOLS'>[];
  };
  aws_cognito_verification_mechanisms?: Generated<'EMAIL' | 'PHONE_NUMBER'>[];
  aws_cognito_social_providers?: Generated<'GOOGLE' | 'FACEBOOK' | 'AMAZON' | 'APPLE'>[];
  /** `code` or `link`: read by Amplify only, accepted so a generated file type-checks. */
  aws_cognito_sign_up_verification_method?: Generated<'code' | 'link'>;
}

/**
 * Every form `createAuth`/`configure` accepts: the kit's Auth object (Amplify v5's), `{ Auth }`,
 * aws-exports, Amplify v6's `{ Auth: { Cognito } }` (or `{ Cognito }`), and Gen 2's
 * amplify_outputs.json.
 */
export type AuthConfigInput =
  | AuthConfig
  | { Auth: AuthConfig }
  | AwsExportsConfig
  | V6Config
  | V6Config['Auth']
  | AmplifyOutputs;

/** Config after defaults and validation: what the engine runs on. */
export interface ResolvedOAuthConfig {
  domain: string;
  scope: string[];
  /** Parsed from the comma-separated config value, in order. */
  redirectSignIn: string[];
  redirectSignOut: string[];
  responseType: OAuthResponseType;
}

export interface ResolvedAuthConfig {
  region: string;
  /** Set (with the client id) unless the config is identity-pool only. */
  userPoolId?: string;
  userPoolWebClientId?: string;
  identityPoolId?: string;
  identityPoolRegion?: string;
  mandatorySignIn: boolean;
  cookieStorage?: Required<Omit<CookieStorageConfig, 'sameSite'>> & { sameSite?: CookieSameSite };
  storage?: StorageLike | AsyncStorageLike;
  authenticationFlowType: AuthenticationFlowType;
  clientMetadata: Record<string, string>;
  oauth?: ResolvedOAuthConfig;
  /** Always set: the override, or the AWS endpoint for `region`. */
  endpoint: string;
  /** Set when an identity pool is configured. */
  identityPoolEndpoint?: string;
  /** Set (true) only when the config turns rotation on. */
  refreshTokenRotation?: true;
  /** Set when the config gives one; the engine's default is 15000 ms. */
  requestTimeout?: number;
  /** Set when the config says anything about the pool's setup; holds only what it said. */
  poolSettings?: PoolSettings;
}
