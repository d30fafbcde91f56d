/** Password policy and attribute-schema checks, with Cognito's error texts. */
import { fail } from './errors';
import type { PasswordPolicy } from './types';

/** Cognito's symbol set for the "require symbols" rule (space included). */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export function checkPasswordPolicy(password: string, policy: PasswordPolicy): void {
  const reason =
    password.length < policy.minLength
      ? 'Password not long enough'
      : policy.requireLowercase && !/[a-z]/.test(password)
        ? 'Password must have lowercase characters'
        : policy.requireUppercase && !/[A-Z]/.test(password)
          ? 'Password must have uppercase characters'
          : policy.requireNumbers && !/[0-9]/.test(password)
            ? 'Password must have numeric characters'
            : policy.requireSymbols && !SYMBOLS.test(password)
              ? 'Password must have symbol characters'
              : undefined;
  if (reason) throw fail.invalidPassword(`Password did not conform with policy: ${reason}`);
}

/** OIDC standard attributes every user pool has, plus Cognito's extras. */
const STANDARD = new Set([
  'sub', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
  'picture', 'website', 'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale',
  'phone_number', 'phone_number_verified', 'address', 'updated_at',
]);

/** Attributes an app client may not write (Cognito's default client write permissions). */
const NOT_WRITABLE = new Set(['sub', 'email_verified', 'phone_number_verified']);

export function checkAttributeName(name: string): void {
  if (!STANDARD.has(name) && !/^(custom|dev):[\w.-]{1,20}$/.test(name)) {
    throw fail.invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
  }
}

/** Validates names and writability of client-supplied attributes. */
export function checkWritableAttributes(attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) {
    checkAttributeName(name);
    if (NOT_WRITABLE.has(name)) throw fail.notAuthorized('A client attempted to write unauthorized attribute');
    if (name === 'email' && !/^[^@\s]+@[^@\s]+$/.test(value)) throw fail.invalidParameter('Invalid email address format.');
    if (name === 'phone_number' && !/^\+\d{4,15}$/.test(value)) throw fail.invalidParameter('Invalid phone number format.');
  }
}
