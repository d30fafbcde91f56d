import type { ClientErrorName } from './errors';
import { authError } from './normalizeError';

/** Trimmed non-empty string, or the typed client error named for the field. */
export function requireText(value: unknown, errorName: ClientErrorName, label: string, source: string): string {
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

/** A plain object of strings (clientMetadata, attributes), or undefined for anything else. */
export function optionalRecord(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, string>;
}
