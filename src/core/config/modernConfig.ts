import { ConfigError } from '../errors';
import { Issues, expected, isObjectLike, type ObjectLike } from './issues';
import { PASSWORD_KEYS } from './keys';
import { resolveConfig } from './resolve';
import { modernShape, shapeName, strayKeys, type ModernShape } from './shapeHints';
import type { AuthConfig } from './types';

type Names = Readonly<Record<string, string>>;

/** Kit path ← v6 path (under `Cognito`), for the values that only change name. */
const V6_COPY: Names = Object.freeze({
  userPoolId: 'userPoolId',
  userPoolWebClientId: 'userPoolClientId',
  identityPoolId: 'identityPoolId',
  endpoint: 'userPoolEndpoint',
  identityPoolEndpoint: 'identityPoolEndpoint',
  'oauth.domain': 'loginWith.oauth.domain',
  'oauth.scope': 'loginWith.oauth.scopes',
  'oauth.redirectSignIn': 'loginWith.oauth.redirectSignIn',
  'oauth.redirectSignOut': 'loginWith.oauth.redirectSignOut',
  'oauth.responseType': 'loginWith.oauth.responseType',
  ...passwordNames('passwordFormat.', (key) => (key === 'requireSymbols' ? 'requireSpecialCharacters' : key)),
  'poolSettings.mfaStatus': 'mfa.status',
  'poolSettings.preferredChallenge': 'passwordless.preferredChallenge',
});
/** Kit path ← v6 path for the values converted by hand: only for naming a bad value in an error. */
const V6_NAMES: Names = Object.freeze({
  ...V6_COPY,
  mandatorySignIn: 'allowGuestAccess',
  oauth: 'loginWith.oauth',
  'poolSettings.passwordPolicy': 'passwordFormat',
  'poolSettings.loginMechanisms': 'loginWith',
  'poolSettings.signUpAttributes': 'userAttributes',
  'poolSettings.mfaMethods': 'mfa',
  'poolSettings.socialProviders': 'loginWith.oauth.providers',
  'poolSettings.passwordlessMethods': 'passwordless',
});
const V6_KEYS: readonly string[] = Object.freeze([...topKeys(V6_NAMES), 'signUpVerificationMethod', 'groups']);

/** Kit path ← path under amplify_outputs.json's `auth`. */
const GEN2_COPY: Names = Object.freeze({
  region: 'aws_region',
  userPoolId: 'user_pool_id',
  userPoolWebClientId: 'user_pool_client_id',
  identityPoolId: 'identity_pool_id',
  authenticationFlowType: 'authentication_flow_type',
  'oauth.domain': 'oauth.domain',
  'oauth.scope': 'oauth.scopes',
  'oauth.redirectSignIn': 'oauth.redirect_sign_in_uri',
  'oauth.redirectSignOut': 'oauth.redirect_sign_out_uri',
  'oauth.responseType': 'oauth.response_type',
  'poolSettings.loginMechanisms': 'username_attributes',
  'poolSettings.signUpAttributes': 'standard_required_attributes',
  'poolSettings.verificationMechanisms': 'user_verification_types',
  'poolSettings.mfaMethods': 'mfa_methods',
  'poolSettings.preferredChallenge': 'passwordless.preferred_challenge',
  // min_length, require_lowercase, …: the kit's names in snake case.
  ...passwordNames('password_policy.', (key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)),
});
const GEN2_NAMES: Names = Object.freeze({
  ...GEN2_COPY,
  mandatorySignIn: 'unauthenticated_identities_enabled',
  oauth: 'oauth',
  'poolSettings.passwordPolicy': 'password_policy',
  'poolSettings.mfaStatus': 'mfa_configuration',
  'poolSettings.socialProviders': 'oauth.identity_providers',
  'poolSettings.passwordlessMethods': 'passwordless',
});
const GEN2_KEYS: readonly string[] = Object.freeze([...topKeys(GEN2_NAMES), 'groups']);

/** Each passwordless method ← its flag (v6, Gen 2) under `passwordless`; WebAuthn's is its settings object. */
const PASSWORDLESS_FLAGS: Readonly<Record<string, readonly [string, string]>> = Object.freeze({
  EMAIL_OTP: Object.freeze(['emailOtpEnabled', 'email_otp_enabled'] as const),
  SMS_OTP: Object.freeze(['smsOtpEnabled', 'sms_otp_enabled'] as const),
  WEB_AUTHN: Object.freeze(['webAuthn', 'web_authn'] as const),
});

/** Every spelling of a social provider across the shapes (lower-cased) → the kit's name. */
const SOCIAL: Names = Object.freeze({
  google: 'google',
  facebook: 'facebook',
  amazon: 'amazon',
  apple: 'apple',
  login_with_amazon: 'amazon',
  sign_in_with_apple: 'apple',
});
const GEN2_MFA: Names = Object.freeze({ NONE: 'off', OPTIONAL: 'optional', REQUIRED: 'on' });

/**
 * An Amplify v6 or Gen 2 config as the kit's Auth config, or undefined when `input` is neither.
 * Checked here, while each value's source name is known, so an error names the field as the user
 * wrote it (`auth.user_pool_client_id`); merged into another config later, only the kit's names are.
 */
export function fromModernConfig(input: ObjectLike): AuthConfig | undefined {
  const issues = new Issues();
  const shape = modernShape(input, issues);
  if (shape === undefined) return undefined;
  const gen2 = shape.kind === 'gen2';
  const section = shape.section;
  const sectionField = shape.prefix.slice(0, -1);
  if (gen2) checkVersion(input['version'], issues);
  if (!isObjectLike(section)) {
    issues.add(sectionField, section === undefined && gen2 ? 'is required: this amplify_outputs.json has no auth section (add auth to the backend)' : expected('an object', section));
    issues.throwIfAny();
    return undefined;
  }
  strayKeys(section, gen2 ? GEN2_KEYS : V6_KEYS, shape, issues);
  const at = (path: string): unknown => read(section, path, shape.prefix, issues);
  requirePools(at, shape, issues);
  const config: ObjectLike = {};
  for (const [to, from] of Object.entries(gen2 ? GEN2_COPY : V6_COPY)) put(config, to, at(from));
  const guests = at(gen2 ? 'unauthenticated_identities_enabled' : 'allowGuestAccess');
  // v6 hands out guest credentials only when told to; a non-boolean goes on for the check to name.
  put(config, 'mandatorySignIn', guests === undefined || typeof guests === 'boolean' ? guests !== true : guests);
  const oauth = config['oauth'];
  if (isObjectLike(oauth)) {
    // The kit's v5 shape takes a comma-separated string; an array of strings joins into one.
    for (const key of ['redirectSignIn', 'redirectSignOut']) {
      const urls = oauth[key];
      if (Array.isArray(urls) && urls.every((url) => typeof url === 'string')) oauth[key] = urls.join(',');
    }
  }
  const providers = at(gen2 ? 'oauth.identity_providers' : 'loginWith.oauth.providers');
  if (Array.isArray(providers)) {
    // Custom (OIDC, SAML) and future providers have no button: skipped, not an error.
    const names = providers.map((provider) => (typeof provider === 'string' ? own(SOCIAL, provider.toLowerCase()) : undefined));
    put(config, 'poolSettings.socialProviders', names.filter((name) => name !== undefined));
  }
  const passwordless = at('passwordless');
  if (isObjectLike(passwordless)) {
    const on = (flag: string) => passwordless[flag] === true || isObjectLike(passwordless[flag]);
    put(config, 'poolSettings.passwordlessMethods', Object.keys(PASSWORDLESS_FLAGS).filter((method) => on(PASSWORDLESS_FLAGS[method]?.[gen2 ? 1 : 0] ?? '')));
  }
  if (gen2) {
    const mfa = at('mfa_configuration');
    put(config, 'poolSettings.mfaStatus', typeof mfa === 'string' ? (own(GEN2_MFA, mfa) ?? mfa) : mfa);
  } else {
    fromV6Flags(at, config);
  }
  issues.throwIfAny();
  checkWithSourceNames(config as AuthConfig, shape, gen2 ? GEN2_NAMES : V6_NAMES);
  return config as AuthConfig;
}

function checkVersion(version: unknown, issues: Issues): void {
  if (version === undefined) issues.add('version', 'is required in amplify_outputs.json (an Amplify v5 config spells its wrapper Auth)');
  else if (typeof version !== 'string' || !version.startsWith('1')) issues.add('version', expected('"1" or "1.x" (the amplify_outputs.json versions the kit reads)', version));
}

/** The pools in the source's own names: the kit's check would name them as the v5 shape does. */
function requirePools(at: (path: string) => unknown, shape: ModernShape, issues: Issues): void {
  const [pool, client, identity] = shape.kind === 'gen2' ? ['user_pool_id', 'user_pool_client_id', ''] : ['userPoolId', 'userPoolClientId', 'identityPoolId'];
  const hasPool = at(pool) !== undefined;
  if (!hasPool && (identity === '' || at(identity) === undefined)) {
    issues.add(shape.prefix + pool, `is required in ${shapeName(shape)}${identity ? ' (with userPoolClientId), unless identityPoolId is set' : ''}`);
  }
  if (hasPool !== (at(client) !== undefined)) issues.add(shape.prefix + (hasPool ? client : pool), `is required with ${hasPool ? pool : client}`);
}

/** v6 states login mechanisms, required attributes and MFA methods as flags. */
function fromV6Flags(at: (path: string) => unknown, config: ObjectLike): void {
  const loginWith = at('loginWith');
  if (isObjectLike(loginWith)) {
    // In the config's order, as Amplify's Authenticator reads it: the first is the default.
    const stated = Object.keys(loginWith).filter((key) => ['username', 'email', 'phone'].includes(key));
    if (stated.length > 0) put(config, 'poolSettings.loginMechanisms', stated.filter((key) => loginWith[key]).map((key) => (key === 'phone' ? 'phone_number' : key)));
  }
  const attributes = at('userAttributes');
  put(config, 'poolSettings.signUpAttributes', isObjectLike(attributes) ? Object.keys(attributes).filter((name) => isObjectLike(attributes[name]) && attributes[name]['required'] === true) : attributes);
  const mfa = at('mfa');
  if (isObjectLike(mfa)) {
    const flags = { SMS: 'smsEnabled', TOTP: 'totpEnabled', EMAIL: 'emailEnabled' };
    if (Object.values(flags).some((flag) => mfa[flag] !== undefined)) {
      put(config, 'poolSettings.mfaMethods', Object.keys(flags).filter((method) => mfa[flags[method as keyof typeof flags]] === true));
    }
  }
}

/** Runs the kit's check now and renames each field it names to the source's path. */
function checkWithSourceNames(config: AuthConfig, shape: ModernShape, names: Names): void {
  try {
    resolveConfig(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(error.issues.map(({ field, reason }) => ({ field: sourceName(field, names, shape.prefix), reason })));
  }
}

/** `oauth.scope` → `auth.oauth.scopes`; a field without an entry keeps its parent's rename and its own last part. */
function sourceName(field: string, names: Names, prefix: string): string {
  for (let cut = field.length; cut > 0; cut = field.lastIndexOf('.', cut - 1)) {
    const source = own(names, field.slice(0, cut));
    if (source !== undefined) return prefix + [source, field.slice(cut + 1)].filter(Boolean).join('.');
  }
  return field;
}

/** The value at a dotted path; a part on the way that is set but not an object is an issue. */
function read(root: ObjectLike, path: string, prefix: string, issues: Issues): unknown {
  let node: unknown = root;
  const parts = path.split('.');
  for (const [index, part] of parts.entries()) {
    if (node === undefined) return undefined;
    if (!isObjectLike(node)) {
      const field = prefix + parts.slice(0, index).join('.');
      if (!issues.has(field)) issues.add(field, expected('an object', node));
      return undefined;
    }
    node = node[part];
  }
  return node;
}

/** Sets a dotted path, creating the objects on the way; undefined sets nothing. */
function put(root: ObjectLike, path: string, value: unknown): void {
  if (value === undefined) return;
  const parts = path.split('.');
  const last = parts.pop() ?? '';
  let node = root;
  for (const part of parts) {
    const next = node[part];
    node = isObjectLike(next) ? next : (node[part] = {});
  }
  node[last] = value;
}

/** Kit path ← source path for each password policy rule. */
function passwordNames(prefix: string, name: (key: string) => string): Names {
  return Object.fromEntries(PASSWORD_KEYS.map((key) => [`poolSettings.passwordPolicy.${key}`, prefix + name(key)]));
}

/** The first part of each source path: the keys a section may hold. */
function topKeys(names: Names): string[] {
  return Object.values(names).map((path) => path.split('.')[0] ?? '');
}

/** A table's own entry (never `constructor` or `toString` from its prototype). */
function own(names: Names, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined;
}
