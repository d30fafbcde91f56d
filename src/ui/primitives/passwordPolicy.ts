import type { PasswordPolicy } from '../../core/index';
import type { MessageKey } from '../i18n/en';

// The engine's type, so a config's poolSettings.passwordPolicy is the Authenticator's prop as is.
export type { PasswordPolicy } from '../../core/index';

/** Cognito's default policy: 8 characters, with lowercase, uppercase, numbers and symbols. */
export const DEFAULT_PASSWORD_POLICY: Required<PasswordPolicy> = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** Cognito's symbols for "require symbols": ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space. */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export type PasswordRuleName = 'minLength' | 'lowercase' | 'uppercase' | 'number' | 'symbol';

/** One rule of the policy and whether a password meets it. */
export interface PasswordRuleState {
  name: PasswordRuleName;
  key: MessageKey;
  values?: Record<string, string>;
  met: boolean;
}

/** The policy's rules, in Cognito's order, each checked against `password`. */
export function checkPasswordRules(password: string, policy: PasswordPolicy = {}): PasswordRuleState[] {
  const full = { ...DEFAULT_PASSWORD_POLICY, ...policy };
  const rules: PasswordRuleState[] = [];
  if (full.minLength > 0) {
    // Counted in code points, as a person counts characters.
    rules.push({ name: 'minLength', key: 'passwordPolicy.minLength', values: { count: String(full.minLength) }, met: [...password].length >= full.minLength });
  }
  if (full.requireLowercase) rules.push({ name: 'lowercase', key: 'passwordPolicy.lowercase', met: /[a-z]/.test(password) });
  if (full.requireUppercase) rules.push({ name: 'uppercase', key: 'passwordPolicy.uppercase', met: /[A-Z]/.test(password) });
  if (full.requireNumbers) rules.push({ name: 'number', key: 'passwordPolicy.number', met: /[0-9]/.test(password) });
  if (full.requireSymbols) rules.push({ name: 'symbol', key: 'passwordPolicy.symbol', met: SYMBOLS.test(password) });
  return rules;
}
