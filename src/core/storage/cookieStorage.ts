import type { ResolvedAuthConfig, StorageLike } from '../config/types';
import { chunkHeader, chunkIndex, chunkName, fitsOneCookie, parseChunkHeader, splitEncoded } from './cookieChunks';
import { decode, readJar, writeCookie, type CookieDocument, type JarEntry } from './cookieJar';
import { cookieScopes, type CookieScope, type PageLocation } from './cookieScopes';

type CookieOptions = NonNullable<ResolvedAuthConfig['cookieStorage']>;

export interface CookieStorageDeps {
  document: CookieDocument;
  /** The page's address, read on each removal: which Paths and Domains its cookies may have. */
  location?: PageLocation;
  now: () => number;
  /** Tells the developer once per key (never with a value). */
  warnOnce: (key: string, message: string) => void;
}

/**
 * Session keys as cookies, one cookie per key, readable by other apps on the same `domain` (the
 * reason to choose cookies). Same names and plain values as amazon-cognito-identity-js's and
 * Amplify's CookieStorage while a value fits in a cookie; larger ones are split (cookieChunks.ts).
 *
 * Any app on the domain can also *write* these cookies, for another Path or a parent Domain, and
 * document.cookie then lists both without saying which is which. Such a duplicate is treated as
 * tampering: the cookie at the configured Path and Domain is kept, every other variant is removed,
 * and the developer is warned. A sibling that overwrites the configured cookie itself cannot be
 * told apart from us: sharing a cookie domain means trusting its other apps.
 *
 * `clear()` removes only keys this store wrote: clearing every cookie on the domain is not ours to do.
 */
export class CookieStorage implements StorageLike {
  readonly #options: CookieOptions;
  readonly #deps: CookieStorageDeps;
  readonly #written = new Set<string>();

  constructor(options: CookieOptions, deps: CookieStorageDeps) {
    this.#options = options;
    this.#deps = deps;
  }

  setItem(key: string, value: string): void {
    const name = encodeURIComponent(key);
    const encoded = encodeURIComponent(value);
    let chunks = 0;
    if (fitsOneCookie(name, encoded)) {
      this.#put(key, encoded);
    } else {
      const parts = splitEncoded(name, encoded);
      parts.forEach((part, index) => this.#put(chunkName(key, index), part));
      this.#put(key, chunkHeader({ count: parts.length, length: encoded.length }));
      chunks = parts.length;
      this.#deps.warnOnce(
        `cookie-chunked:${key}`,
        `cognito-react-kit: cookieStorage: "${key}" is ${encoded.length} bytes, more than one cookie holds (4 KB); it is stored in ${chunks} cookies. ` +
          `Every request to ${this.#options.domain} carries them, and servers that cap request headers may refuse those requests: fewer or shorter attributes in the id token avoid this.`,
      );
    }
    this.#dropChunks(key, chunks);
    this.#written.add(key);
  }

  getItem(key: string): string | null {
    const main = this.#pick(key);
    if (main === null) return null;
    const header = parseChunkHeader(main);
    let encoded = main;
    if (header) {
      const parts: string[] = [];
      for (let index = 0; index < header.count; index++) {
        const part = this.#pick(chunkName(key, index));
        if (part === null) return null;
        parts.push(part);
      }
      encoded = parts.join('');
      // A chunk lost or replaced on the way: no value rather than a wrong one.
      if (encoded.length !== header.length) return null;
    }
    return decode(encoded) ?? null;
  }

  removeItem(key: string): void {
    this.#dropChunks(key, 0);
    this.#expireEverywhere(key, readJar(this.#deps.document).get(key) ?? []);
    this.#written.delete(key);
  }

  clear(): void {
    for (const key of [...this.#written]) this.removeItem(key);
  }

  /** The raw value of `key`: the only cookie of that name, or the configured one among several. */
  #pick(key: string): string | null {
    const entries = readJar(this.#deps.document).get(key) ?? [];
    if (entries.length === 0) return null;
    if (entries.length === 1) return entries[0]!.rawValue;
    const ours = this.#probe(key, entries);
    this.#expireEverywhere(key, entries);
    if (ours !== undefined) this.#write(encodeURIComponent(key), ours, this.#expiry(), this.#configuredScope());
    this.#warnDuplicate(key, entries.length, ours !== undefined);
    return ours ?? null;
  }

  /**
   * Which of `entries` is at the configured Path and Domain: expire that one and see which value
   * went. The caller writes it back. Undefined when none (or no single one) went.
   */
  #probe(key: string, entries: JarEntry[]): string | undefined {
    this.#write(encodeURIComponent(key), '', new Date(0), this.#configuredScope());
    const left = (readJar(this.#deps.document).get(key) ?? []).map((entry) => entry.rawValue);
    if (left.length !== entries.length - 1) return undefined;
    for (const { rawValue } of entries) {
      const at = left.indexOf(rawValue);
      if (at < 0) return rawValue;
      left.splice(at, 1);
    }
    return undefined;
  }

  /** Writes at the configured scope, and keeps it the only cookie of its name. */
  #put(key: string, rawValue: string): void {
    const name = encodeURIComponent(key);
    this.#write(name, rawValue, this.#expiry(), this.#configuredScope());
    const entries = readJar(this.#deps.document).get(key) ?? [];
    if (entries.length <= 1) return;
    this.#expireEverywhere(key, entries);
    this.#write(name, rawValue, this.#expiry(), this.#configuredScope());
    this.#warnDuplicate(key, entries.length, true);
  }

  /** Removes the chunks of `key` from index `from` on (all of them: 0). */
  #dropChunks(key: string, from: number): void {
    for (const [name, entries] of readJar(this.#deps.document)) {
      const index = chunkIndex(key, name);
      if (index !== undefined && index >= from) this.#expireEverywhere(name, entries);
    }
  }

  /** Expires `key` under every raw spelling seen and every scope the page could see it in. */
  #expireEverywhere(key: string, entries: readonly JarEntry[]): void {
    const names = new Set([encodeURIComponent(key), ...entries.map((entry) => entry.rawName)]);
    for (const scope of cookieScopes(this.#options, this.#deps.location)) {
      for (const name of names) this.#write(name, '', new Date(0), scope);
    }
  }

  #warnDuplicate(key: string, count: number, kept: boolean): void {
    const { path, domain } = this.#options;
    const outcome = kept
      ? `the one at Path=${path}; Domain=${domain} is kept and the others are removed.`
      : `none is at Path=${path}; Domain=${domain}, so all are removed (a session restores signed out).`;
    this.#deps.warnOnce(
      `cookie-duplicate:${key}`,
      `cognito-react-kit: cookieStorage found ${count} cookies named "${key}" (set for other Paths or Domains: another app on the domain, an older configuration, or tampering); ${outcome}`,
    );
  }

  #write(rawName: string, rawValue: string, expires: Date, scope: CookieScope): void {
    const { secure, sameSite } = this.#options;
    writeCookie(this.#deps.document, rawName, rawValue, { ...scope, expires, secure, ...(sameSite ? { sameSite } : {}) });
  }

  #configuredScope(): CookieScope {
    return { path: this.#options.path, domain: this.#options.domain };
  }

  #expiry(): Date {
    return new Date(this.#deps.now() + this.#options.expires * 86_400_000);
  }
}
