import { ConfigError } from '../errors';
import { Issues, expected, guard, isObjectLike, type ObjectLike } from './issues';
import { AUTH_KEYS, COOKIE_KEYS, KIT_ONLY_KEYS, OAUTH_KEYS, POOL_KEYS } from './keys';
import { fromModernConfig } from './modernConfig';
import { misspeltMarkers } from './shapeHints';
import type { AuthConfig, AuthConfigInput } from './types';

type RawAuthConfig = Partial<Record<(typeof AUTH_KEYS)[number], unknown>>;

/** aws-exports key → Auth key. `aws_mandatory_sign_in` is converted separately. */
const AWS_EXPORTS_KEYS = Object.freeze({
  aws_cognito_region: 'region',
  aws_user_pools_id: 'userPoolId',
  aws_user_pools_web_client_id: 'userPoolWebClientId',
  aws_cognito_identity_pool_id: 'identityPoolId',
  aws_user_pools_endpoint: 'endpoint',
  aws_cognito_identity_pool_endpoint: 'identityPoolEndpoint',
  aws_cognito_authentication_flow_type: 'authenticationFlowType',
  // The CLI writes the hosted UI config under a bare `oauth` key, already in the Auth shape.
  oauth: 'oauth',
} as const) satisfies Record<string, (typeof AUTH_KEYS)[number]>;

/** aws-exports key → PoolSettings key, for the lists whose upper-case names only need lower-casing. */
const AWS_EXPORTS_POOL = Object.freeze({
  aws_cognito_username_attributes: 'loginMechanisms',
  aws_cognito_signup_attributes: 'signUpAttributes',
  aws_cognito_verification_mechanisms: 'verificationMechanisms',
  aws_cognito_mfa_configuration: 'mfaStatus',
  aws_cognito_mfa_types: 'mfaMethods',
} as const) satisfies Record<string, (typeof POOL_KEYS)[number]>;

const AWS_EXPORTS_READ = Object.freeze([
  ...Object.keys(AWS_EXPORTS_KEYS),
  ...Object.keys(AWS_EXPORTS_POOL),
  'aws_mandatory_sign_in',
  'aws_cognito_password_protection_settings',
  'aws_cognito_social_providers',
] as Array<keyof typeof AWS_EXPORTS_KEYS | keyof typeof AWS_EXPORTS_POOL | 'aws_mandatory_sign_in' | 'aws_cognito_password_protection_settings' | 'aws_cognito_social_providers'>);

const PASSWORD_CHARACTERS = Object.freeze({
  requireLowercase: 'REQUIRES_LOWERCASE',
  requireUppercase: 'REQUIRES_UPPERCASE',
  requireNumbers: 'REQUIRES_NUMBERS',
  requireSymbols: 'REQUIRES_SYMBOLS',
});

/**
 * Turns any accepted config form into the Amplify-style Auth object: the Auth object itself,
 * `{ Auth: {...} }` (a whole `Amplify.configure` argument), a generated `aws-exports` object
 * (detected by any `aws_` key), an Amplify v6 config (`{ Auth: { Cognito } }` or `{ Cognito }`) or
 * Gen 2's amplify_outputs.json (`{ version, auth }`). Only known keys are kept; values of the
 * v5 forms are not validated here (`resolveConfig` does that), so the result may still hold wrong
 * types. The v6 and Gen 2 forms are checked here, so errors use their names.
 */
export function normalizeConfigInput(input: AuthConfigInput): AuthConfig {
  // Typed for callers; checked as untrusted inside (plain-JS apps pass anything).
  return normalizeInput(input).config;
}

/** The Auth object, and whether its source describes the whole pool (v6, Gen 2). */
function normalizeInput(input: unknown): { config: AuthConfig; whole: boolean } {
  return guard(() => {
    if (!isObjectLike(input)) {
      throw new ConfigError([
        { field: 'config', reason: expected('an Auth config object, { Auth: {...} }, aws-exports, an Amplify v6 config or amplify_outputs.json', input) },
      ]);
    }
    const modern = fromModernConfig(input);
    if (modern !== undefined) return { config: modern, whole: true };
    const issues = new Issues();
    const isAwsExports = Object.keys(input).some((key) => key.startsWith('aws_'));
    const { Auth: auth } = issues.read(input, ['Auth'], '');
    let config: RawAuthConfig;
    if (auth !== undefined) {
      if (!isObjectLike(auth)) {
        issues.add('Auth', expected('the Auth config object', auth));
        config = {};
      } else {
        // Like Amplify, an explicit `Auth` wins over what the aws_ keys beside it say.
        config = { ...(isAwsExports ? fromAwsExports(input, issues) : {}), ...issues.read(auth, AUTH_KEYS, 'Auth.') };
        if (Object.keys(config).length === 0) misspeltMarkers(auth, 'Auth.', issues);
      }
    } else {
      config = isAwsExports ? fromAwsExports(input, issues) : issues.read(input, AUTH_KEYS, '');
      if (Object.keys(config).length === 0) misspeltMarkers(input, '', issues);
    }
    issues.throwIfAny();
    return { config: config as AuthConfig, whole: false };
  });
}

function fromAwsExports(input: ObjectLike, issues: Issues): RawAuthConfig {
  const raw = issues.read(input, AWS_EXPORTS_READ, '');
  const config: RawAuthConfig = {};
  for (const [awsKey, authKey] of Object.entries(AWS_EXPORTS_KEYS)) {
    const value = raw[awsKey as keyof typeof AWS_EXPORTS_KEYS];
    if (value !== undefined) config[authKey] = value;
  }
  const mandatory = raw.aws_mandatory_sign_in;
  if (mandatory !== undefined) {
    // The CLI writes 'enable'/'disable'; anything else passes through for resolveConfig to report.
    config.mandatorySignIn = mandatory === 'enable' ? true : mandatory === 'disable' ? false : mandatory;
  }
  const pool = poolFromAwsExports(raw);
  if (Object.keys(pool).length > 0) config.poolSettings = pool;
  return config;
}

/** Non-strings pass through for resolveConfig to report. */
const lower = (item: unknown): unknown => (typeof item === 'string' ? item.toLowerCase() : item);

/** The CLI's pool settings (upper-case names) in the PoolSettings shape; what it did not write stays unset. */
function poolFromAwsExports(raw: Partial<Record<(typeof AWS_EXPORTS_READ)[number], unknown>>): Record<string, unknown> {
  const pool: Record<string, unknown> = {};
  for (const [awsKey, poolKey] of Object.entries(AWS_EXPORTS_POOL)) {
    const value = raw[awsKey as keyof typeof AWS_EXPORTS_POOL];
    if (value !== undefined) pool[poolKey] = poolKey === 'mfaMethods' ? value : Array.isArray(value) ? value.map(lower) : lower(value);
  }
  // The CLI writes [] for a pool whose users sign in with a username.
  if (Array.isArray(pool['loginMechanisms']) && pool['loginMechanisms'].length === 0) pool['loginMechanisms'] = ['username'];
  const password = raw.aws_cognito_password_protection_settings;
  if (isObjectLike(password)) {
    const characters = password['passwordPolicyCharacters'];
    const policy: Record<string, unknown> = {};
    if (password['passwordPolicyMinLength'] !== undefined) policy['minLength'] = password['passwordPolicyMinLength'];
    for (const [key, flag] of Object.entries(PASSWORD_CHARACTERS)) if (Array.isArray(characters)) policy[key] = characters.includes(flag);
    pool['passwordPolicy'] = policy;
  } else if (password !== undefined) {
    pool['passwordPolicy'] = password;
  }
  const social = raw.aws_cognito_social_providers;
  // As in the v6 and Gen 2 shapes, a provider without a button is skipped.
  if (Array.isArray(social)) pool['socialProviders'] = social.map(lower).filter((name) => ['google', 'facebook', 'amazon', 'apple'].includes(name as string));
  return pool;
}

/**
 * `configure(partial)`: normalizes `partial` (any of the forms) and lays it over `current`.
 * `oauth`, `cookieStorage` and `poolSettings` merge field by field; everything else, `storage`
 * included, is replaced. A v6 or Gen 2 config replaces every pool key (it describes the whole
 * pool). Choosing `storage` drops an earlier `cookieStorage` and vice versa, so a later call can
 * switch where the session lives. `undefined` values mean "not given".
 */
export function mergeConfig(current: AuthConfig, partial: unknown): AuthConfig {
  return guard(() => {
    const { config, whole } = normalizeInput(partial);
    const next: RawAuthConfig = config;
    const issues = new Issues();
    // A v6 or Gen 2 config describes the whole pool: of the current config only what it cannot say stays.
    const base: RawAuthConfig = isObjectLike(current) ? issues.read(current, whole ? KIT_ONLY_KEYS : AUTH_KEYS, '') : {};
    const merged: RawAuthConfig = { ...base, ...next };
    merged.oauth = mergeNested(base.oauth, next.oauth, OAUTH_KEYS, 'oauth.', issues);
    merged.cookieStorage = mergeNested(base.cookieStorage, next.cookieStorage, COOKIE_KEYS, 'cookieStorage.', issues);
    merged.poolSettings = mergeNested(base.poolSettings, next.poolSettings, POOL_KEYS, 'poolSettings.', issues);
    if (next.storage !== undefined && next.cookieStorage === undefined) delete merged.cookieStorage;
    if (next.cookieStorage !== undefined && next.storage === undefined) delete merged.storage;
    for (const key of ['oauth', 'cookieStorage', 'poolSettings'] as const) if (merged[key] === undefined) delete merged[key];
    issues.throwIfAny();
    return merged as AuthConfig;
  });
}

function mergeNested(
  base: unknown,
  next: unknown,
  keys: readonly string[],
  prefix: string,
  issues: Issues,
): unknown {
  if (next === undefined) return base;
  if (!isObjectLike(base) || !isObjectLike(next)) return next;
  return { ...issues.read(base, keys, prefix), ...issues.read(next, keys, prefix) };
}
