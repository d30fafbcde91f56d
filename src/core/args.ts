import { authError } from './normalizeError';

/**
 * Amplify v5 took the user object first (`changePassword(user, old, new)`); this kit acts on the
 * signed-in user, so a leading user argument is recognised and dropped and v5 code runs unchanged.
 */
export function isUserArgument(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['username'] === 'string' &&
    ('userId' in candidate || 'attributes' in candidate || 'pool' in candidate || 'signInUserSession' in candidate)
  );
}

export function dropUserArgument(args: readonly unknown[]): unknown[] {
  return isUserArgument(args[0]) ? args.slice(1) : [...args];
}

/** Trimmed non-empty string, or the typed client error named for the field. */
export function requireText(value: unknown, errorName: string, label: string, source: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw authError(errorName, `${label} cannot be empty.`, source);
  return text;
}

/** Passwords are checked for emptiness but never trimmed: spaces may be part of them. */
export function requirePassword(value: unknown, label: string, source: string): string {
  if (typeof value !== 'string' || value === '') throw authError('EmptyPassword', `${label} cannot be empty.`, source);
  return value;
}

/** Codes are pasted with spaces ("123 456"); Cognito wants the digits only. */
export function requireCode(value: unknown, source: string, label = 'Code'): string {
  const code = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  if (!code) throw authError('EmptyCode', `${label} cannot be empty.`, source);
  return code;
}

export function optionalRecord(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, string>;
}
