import { ConfigError, type ConfigIssue } from '../errors';

/** Any non-null, non-array object (plain objects, class instances, null-prototype objects). */
export type ObjectLike = Record<string, unknown>;

export function isObjectLike(value: unknown): value is ObjectLike {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plain object: its prototype is null or some realm's `Object.prototype`. Checking the
 * prototype's prototype (not `=== Object.prototype`) keeps objects from iframes and `vm` valid,
 * while `Map`s and class instances, whose entries `Object.entries` would silently drop, are not.
 */
export function isPlainObject(value: unknown): value is ObjectLike {
  if (!isObjectLike(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Collects every problem so the user fixes the whole config in one round. */
export class Issues {
  readonly list: ConfigIssue[] = [];
  /** Fields whose getter threw: a second "expected …" issue on them would only be noise. */
  readonly #unreadable = new Set<string>();

  add(field: string, reason: string): void {
    if (this.#unreadable.has(field)) return;
    this.list.push({ field, reason });
  }

  has(field: string): boolean {
    return this.list.some((issue) => issue.field === field);
  }

  /** Reads `keys` from `source` without letting a throwing getter escape as a TypeError. */
  read<K extends string>(source: ObjectLike, keys: readonly K[], prefix: string): Partial<Record<K, unknown>> {
    const out: Partial<Record<K, unknown>> = {};
    for (const key of keys) {
      try {
        const value = source[key];
        // defineProperty, not `=`: a "__proto__" key must stay data, not reset the prototype.
        if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      } catch {
        const field = prefix + key;
        this.add(field, 'could not be read (its getter threw)');
        this.#unreadable.add(field);
      }
    }
    return out;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ConfigError(this.list);
  }
}

const MAX_ECHO = 60;

/**
 * A short, safe description of a bad value for a message. Strings are quoted and cut at ~60
 * chars; objects are never stringified (a `toString` getter may throw, and `storage` may hold
 * tokens).
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO - 1)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : 'an object';
  }
}

/** `expected <what>, got <value>`: the one shape every type/format reason takes. */
export function expected(what: string, value: unknown): string {
  return `expected ${what}, got ${describe(value)}`;
}

/** The value when it is one of `allowed`; undefined (and an issue unless absent) otherwise. */
export function oneOf<T>(value: unknown, allowed: readonly T[], field: string, what: string, issues: Issues): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) issues.add(field, expected(what, value));
  return match;
}

export function quoteAll(values: readonly string[]): string {
  return `one of ${values.map((value) => `"${value}"`).join(', ')}`;
}

/**
 * Runs `body`, turning anything but a ConfigError (a Proxy trap, a getter on a nested object)
 * into one, so callers only ever see ConfigError.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError([{ field: 'config', reason: 'could not be read (accessing it threw)' }]);
  }
}
