import type { ResolvedAuthConfig, StorageLike } from '../config/types';

type CookieOptions = NonNullable<ResolvedAuthConfig['cookieStorage']>;

/**
 * Session keys as cookies, one cookie per key, readable by other apps on the same `domain` (the
 * reason to choose cookies). Same attributes as amazon-cognito-identity-js's CookieStorage, but
 * `clear()` removes only keys this store wrote: clearing every cookie on the domain is not ours to do.
 */
export class CookieStorage implements StorageLike {
  readonly #options: CookieOptions;
  readonly #document: { cookie: string };
  readonly #written = new Set<string>();
  readonly #now: () => number;

  constructor(options: CookieOptions, doc: { cookie: string }, now: () => number = () => Date.now()) {
    this.#options = options;
    this.#document = doc;
    this.#now = now;
  }

  setItem(key: string, value: string): void {
    const expires = new Date(this.#now() + this.#options.expires * 86_400_000);
    this.#write(key, value, expires);
    this.#written.add(key);
  }

  getItem(key: string): string | null {
    const wanted = encodeURIComponent(key);
    for (const part of this.#document.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() !== wanted) continue;
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
    return null;
  }

  removeItem(key: string): void {
    this.#write(key, '', new Date(0));
    this.#written.delete(key);
  }

  clear(): void {
    for (const key of [...this.#written]) this.removeItem(key);
  }

  #write(key: string, value: string, expires: Date): void {
    const { domain, path, secure, sameSite } = this.#options;
    let cookie = `${encodeURIComponent(key)}=${encodeURIComponent(value)}; expires=${expires.toUTCString()}; path=${path}; domain=${domain}`;
    if (secure) cookie += '; secure';
    if (sameSite) cookie += `; samesite=${sameSite}`;
    this.#document.cookie = cookie;
  }
}
