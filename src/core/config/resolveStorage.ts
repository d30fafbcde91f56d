import { Issues, expected, isObjectLike } from './issues';
import { COOKIE_KEYS, STORAGE_METHODS } from './keys';
import type { AsyncStorageLike } from '../storage/asyncStorage';
import type { CookieSameSite, ResolvedAuthConfig, StorageLike } from './types';

type ResolvedCookieStorage = NonNullable<ResolvedAuthConfig['cookieStorage']>;

const SAME_SITE: readonly CookieSameSite[] = Object.freeze(['strict', 'lax', 'none']);
const DEFAULT_PATH = '/';
const DEFAULT_EXPIRES_DAYS = 365;

/**
 * Where the session lives. `cookieStorage` and `storage` together is an error rather than a
 * silent precedence rule: Amplify v5 quietly let cookies win, and the user learned only when a
 * session vanished.
 */
export function resolveStorage(
  cookie: unknown,
  storage: unknown,
  issues: Issues,
): { cookieStorage?: ResolvedCookieStorage; storage?: StorageLike | AsyncStorageLike } {
  if (cookie !== undefined && storage !== undefined) {
    issues.add('storage', 'cannot be combined with cookieStorage: the session lives in one place, choose one');
  }
  const out: { cookieStorage?: ResolvedCookieStorage; storage?: StorageLike | AsyncStorageLike } = {};
  const resolvedCookie = cookie === undefined ? undefined : resolveCookieStorage(cookie, issues);
  if (resolvedCookie !== undefined) out.cookieStorage = resolvedCookie;
  const resolvedStorage = storage === undefined ? undefined : checkStorage(storage, issues);
  if (resolvedStorage !== undefined) out.storage = resolvedStorage;
  return out;
}

function resolveCookieStorage(value: unknown, issues: Issues): ResolvedCookieStorage | undefined {
  if (!isObjectLike(value)) {
    issues.add('cookieStorage', expected('an object such as { domain: ".example.com" }', value));
    return undefined;
  }
  const raw = issues.read(value, COOKIE_KEYS, 'cookieStorage.');
  const domain = cookieDomain(raw.domain, issues);
  // `null` is a wrong value, not "unset": only undefined takes the default.
  // Browsers ignore a Path that does not start with "/" and fall back to the page's directory.
  const path = check(orDefault(raw.path, DEFAULT_PATH), isCookiePath, 'path', 'a path starting with "/" (no ";" or spaces)', issues);
  const expires = check(orDefault(raw.expires, DEFAULT_EXPIRES_DAYS), isPositive, 'expires', 'a positive number of days', issues);
  const secure = check(orDefault(raw.secure, true), isBoolean, 'secure', 'true or false', issues);

  let sameSite: CookieSameSite | undefined;
  if (raw.sameSite !== undefined) {
    const lower = typeof raw.sameSite === 'string' ? raw.sameSite.toLowerCase() : undefined;
    sameSite = SAME_SITE.find((candidate) => candidate === lower);
    if (sameSite === undefined) {
      issues.add('cookieStorage.sameSite', expected('"strict", "lax" or "none"', raw.sameSite));
    } else if (sameSite === 'none' && secure !== true) {
      issues.add('cookieStorage.sameSite', '"none" requires secure: true (browsers drop SameSite=None cookies without Secure)');
      sameSite = undefined;
    }
  }

  if (domain === undefined || path === undefined || expires === undefined || secure === undefined) return undefined;
  if (raw.sameSite !== undefined && sameSite === undefined) return undefined;
  const resolved: ResolvedCookieStorage = { domain, path, expires, secure };
  if (sameSite !== undefined) resolved.sameSite = sameSite;
  return resolved;
}

function cookieDomain(domain: unknown, issues: Issues): string | undefined {
  const field = 'cookieStorage.domain';
  if (domain === undefined) {
    issues.add(field, 'is required when cookieStorage is set, e.g. ".example.com"');
  } else if (typeof domain !== 'string' || domain === '') {
    issues.add(field, expected('a non-empty cookie domain such as ".example.com"', domain));
  } else if (domain.includes('://')) {
    issues.add(field, 'must be a domain without a scheme or path, e.g. ".example.com"');
  } else if (/[\s;,/:]/.test(domain)) {
    // A ";" would inject cookie attributes; ports and paths are not part of a cookie domain.
    issues.add(field, expected('a bare domain (no port, path, ";" or spaces)', domain));
  } else {
    return domain;
  }
  return undefined;
}

function check<T>(
  value: unknown,
  test: (value: unknown) => value is T,
  key: string,
  what: string,
  issues: Issues,
): T | undefined {
  if (test(value)) return value;
  issues.add(`cookieStorage.${key}`, expected(what, value));
  return undefined;
}

const orDefault = (value: unknown, fallback: unknown): unknown => (value === undefined ? fallback : value);
const isCookiePath = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('/') && !/[\s;]/.test(value);
const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

function checkStorage(value: unknown, issues: Issues): StorageLike | AsyncStorageLike | undefined {
  // Never describe the value itself: a storage object may hold tokens.
  if (!isObjectLike(value)) {
    issues.add('storage', `expected an object with ${STORAGE_METHODS.join(', ')}, got ${kind(value)}`);
    return undefined;
  }
  const missing = STORAGE_METHODS.filter((method) => !hasMethod(value, method));
  if (missing.length > 0) {
    issues.add('storage', `missing method${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    return undefined;
  }
  // Every method was checked to be a function just above; whether they return promises shows on the first read (selectStorage).
  return value as unknown as StorageLike | AsyncStorageLike;
}

function hasMethod(value: Record<string, unknown>, name: string): boolean {
  try {
    return typeof value[name] === 'function';
  } catch {
    return false;
  }
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'function' ? 'a function' : `a ${typeof value}`;
}
