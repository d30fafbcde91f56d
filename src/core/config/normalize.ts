import { ConfigError } from '../errors';
import { Issues, expected, guard, isObjectLike, type ObjectLike } from './issues';
import { AUTH_KEYS, COOKIE_KEYS, OAUTH_KEYS } from './keys';
import type { AuthConfig } from './types';

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

const AWS_EXPORTS_READ = Object.freeze([...Object.keys(AWS_EXPORTS_KEYS), 'aws_mandatory_sign_in'] as Array<
  keyof typeof AWS_EXPORTS_KEYS | 'aws_mandatory_sign_in'
>);

/**
 * Turns any accepted config form into the Amplify-style Auth object: the Auth object itself,
 * `{ Auth: {...} }` (a whole `Amplify.configure` argument), or a generated `aws-exports` object
 * (detected by any `aws_` key). Only known keys are kept; values are not validated here
 * (`resolveConfig` does that), so the result may still hold wrong types.
 */
export function normalizeConfigInput(input: unknown): AuthConfig {
  return guard(() => {
    if (!isObjectLike(input)) {
      throw new ConfigError([
        { field: 'config', reason: expected('an Auth config object, { Auth: {...} } or aws-exports', input) },
      ]);
    }
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
      }
    } else {
      config = isAwsExports ? fromAwsExports(input, issues) : issues.read(input, AUTH_KEYS, '');
    }
    issues.throwIfAny();
    return config as AuthConfig;
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
  return config;
}

/**
 * `configure(partial)`: normalizes `partial` (any of the three forms) and lays it over
 * `current`. `oauth` and `cookieStorage` merge field by field; everything else, `storage`
 * included, is replaced. Choosing `storage` drops an earlier `cookieStorage` and vice versa, so
 * a later call can switch where the session lives. `undefined` values mean "not given".
 */
export function mergeConfig(current: AuthConfig, partial: unknown): AuthConfig {
  return guard(() => {
    const next: RawAuthConfig = normalizeConfigInput(partial);
    const issues = new Issues();
    const base = isObjectLike(current) ? issues.read(current, AUTH_KEYS, '') : {};
    const merged: RawAuthConfig = { ...base, ...next };
    merged.oauth = mergeNested(base.oauth, next.oauth, OAUTH_KEYS, 'oauth.', issues);
    merged.cookieStorage = mergeNested(base.cookieStorage, next.cookieStorage, COOKIE_KEYS, 'cookieStorage.', issues);
    if (next.storage !== undefined && next.cookieStorage === undefined) delete merged.cookieStorage;
    if (next.cookieStorage !== undefined && next.storage === undefined) delete merged.storage;
    for (const key of ['oauth', 'cookieStorage'] as const) if (merged[key] === undefined) delete merged[key];
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
