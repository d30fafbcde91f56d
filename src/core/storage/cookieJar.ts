import type { CookieSameSite } from '../config/types';
import type { CookieScope } from './cookieScopes';

/** The part of `document` a cookie store needs. */
export interface CookieDocument {
  cookie: string;
}

/** One `name=value` pair of document.cookie, as the browser keeps it (URI-encoded by whoever wrote it). */
export interface JarEntry {
  rawName: string;
  rawValue: string;
}

export interface CookieAttributes extends CookieScope {
  expires: Date;
  secure: boolean;
  sameSite?: CookieSameSite;
}

/**
 * document.cookie's pairs by decoded name, in its order. One name can appear several times (one per
 * Path and Domain, longer paths first); nothing says which pair has which.
 */
export function readJar(doc: CookieDocument): Map<string, JarEntry[]> {
  const jar = new Map<string, JarEntry[]>();
  for (const part of doc.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const rawName = part.slice(0, eq).trim();
    if (rawName === '') continue;
    // Other writers (js-cookie, behind Amplify's CookieStorage) leave some characters unencoded.
    const name = decode(rawName) ?? rawName;
    const entries = jar.get(name) ?? [];
    entries.push({ rawName, rawValue: part.slice(eq + 1).trim() });
    jar.set(name, entries);
  }
  return jar;
}

export function writeCookie(doc: CookieDocument, rawName: string, rawValue: string, attributes: CookieAttributes): void {
  const { expires, path, domain, secure, sameSite } = attributes;
  let cookie = `${rawName}=${rawValue}; expires=${expires.toUTCString()}; path=${path}`;
  if (domain !== undefined) cookie += `; domain=${domain}`;
  if (secure) cookie += '; secure';
  if (sameSite) cookie += `; samesite=${sameSite}`;
  doc.cookie = cookie;
}

/** decodeURIComponent, or undefined for malformed escapes. */
export function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
