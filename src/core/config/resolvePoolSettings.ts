import { Issues, expected, isObjectLike, oneOf, quoteAll } from './issues';
import { PASSWORD_KEYS, POOL_KEYS } from './keys';
import type { LoginMechanism, MfaMethod, MfaStatus, PasswordlessMethod, PasswordPolicy, PoolSettings, SocialProvider, VerificationMechanism } from './poolSettingsTypes';

const LOGIN: readonly LoginMechanism[] = Object.freeze(['username', 'email', 'phone_number']);
const CONTACT: readonly VerificationMechanism[] = Object.freeze(['email', 'phone_number']);
const MFA_STATUS: readonly MfaStatus[] = Object.freeze(['off', 'optional', 'on']);
const MFA_METHODS: readonly MfaMethod[] = Object.freeze(['SMS', 'TOTP', 'EMAIL']);
const SOCIAL: readonly SocialProvider[] = Object.freeze(['google', 'facebook', 'amazon', 'apple']);
const PASSWORDLESS: readonly PasswordlessMethod[] = Object.freeze(['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);
const FACTORS: readonly NonNullable<PoolSettings['preferredChallenge']>[] = Object.freeze(['PASSWORD', 'PASSWORD_SRP', ...PASSWORDLESS]);
// Cognito's own bounds for MinimumLength.
const MIN_LENGTH = 6;
const MAX_LENGTH = 99;

/** What the config says about the pool, checked; undefined when it says nothing. */
export function resolvePoolSettings(value: unknown, issues: Issues): PoolSettings | undefined {
  if (value === undefined) return undefined;
  if (!isObjectLike(value)) {
    issues.add('poolSettings', expected('an object such as { loginMechanisms: ["email"] }', value));
    return undefined;
  }
  const raw = issues.read(value, POOL_KEYS, 'poolSettings.');
  const out: PoolSettings = {};
  const set = <K extends keyof PoolSettings>(key: K, item: PoolSettings[K] | undefined) => {
    if (item !== undefined) out[key] = item;
  };
  set('loginMechanisms', list(raw.loginMechanisms, LOGIN, 'loginMechanisms', issues));
  set('signUpAttributes', list(raw.signUpAttributes, undefined, 'signUpAttributes', issues));
  set('verificationMechanisms', list(raw.verificationMechanisms, CONTACT, 'verificationMechanisms', issues));
  set('passwordPolicy', passwordPolicy(raw.passwordPolicy, issues));
  set('mfaStatus', oneOf(raw.mfaStatus, MFA_STATUS, 'poolSettings.mfaStatus', quoteAll(MFA_STATUS), issues));
  set('mfaMethods', list(raw.mfaMethods, MFA_METHODS, 'mfaMethods', issues));
  set('socialProviders', list(raw.socialProviders, SOCIAL, 'socialProviders', issues));
  set('passwordlessMethods', list(raw.passwordlessMethods, PASSWORDLESS, 'passwordlessMethods', issues));
  set('preferredChallenge', oneOf(raw.preferredChallenge, FACTORS, 'poolSettings.preferredChallenge', quoteAll(FACTORS), issues));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** An array of `allowed` names (any attribute name when `allowed` is undefined). */
function list<T extends string>(value: unknown, allowed: readonly T[] | undefined, key: string, issues: Issues): T[] | undefined {
  if (value === undefined) return undefined;
  const field = `poolSettings.${key}`;
  const what = allowed ? quoteAll(allowed) : 'an attribute name such as "email" or "custom:team"';
  if (!Array.isArray(value)) {
    issues.add(field, expected(`an array of ${allowed ? 'names' : 'attribute names'}`, value));
    return undefined;
  }
  const before = issues.list.length;
  value.forEach((item: unknown, index) => {
    const ok = typeof item === 'string' && (allowed ? allowed.includes(item as T) : /^[\w:.-]+$/.test(item));
    if (!ok) issues.add(field, `item ${index}: ${expected(what, item)}`);
  });
  return issues.list.length > before ? undefined : ([...value] as T[]);
}

function passwordPolicy(value: unknown, issues: Issues): PasswordPolicy | undefined {
  if (value === undefined) return undefined;
  if (!isObjectLike(value)) {
    issues.add('poolSettings.passwordPolicy', expected('an object such as { minLength: 8 }', value));
    return undefined;
  }
  const raw = issues.read(value, PASSWORD_KEYS, 'poolSettings.passwordPolicy.');
  const out: PasswordPolicy = {};
  for (const key of PASSWORD_KEYS) {
    const item = raw[key];
    if (item === undefined) continue;
    const ok = key === 'minLength' ? Number.isInteger(item) && (item as number) >= MIN_LENGTH && (item as number) <= MAX_LENGTH : typeof item === 'boolean';
    if (ok) Object.assign(out, { [key]: item });
    else issues.add(`poolSettings.passwordPolicy.${key}`, expected(key === 'minLength' ? `a whole number from ${MIN_LENGTH} to ${MAX_LENGTH}` : 'true or false', item));
  }
  return out;
}
