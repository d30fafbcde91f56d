import { chunkName, parseChunkHeader } from '../core/index';
import type { CookieValues } from './cookieSource';

/** The tokens the browser engine keeps in cookies for one app client, unverified. */
export interface CookieTokens {
  idToken: string;
  accessToken: string;
}

/** Several different values under one name: which one the browser engine keeps cannot be told. */
export const AMBIGUOUS: unique symbol = Symbol('ambiguous');

/**
 * The signed-in user's tokens under the names the browser engine (and Amplify, and
 * amazon-cognito-identity-js) writes: `CognitoIdentityServiceProvider.<clientId>.LastAuthUser`, then
 * `CognitoIdentityServiceProvider.<clientId>.<username>.idToken` and `.accessToken`, each a plain
 * cookie or, when over 4 KB, a header cookie and numbered chunks (src/core/storage/cookieChunks.ts).
 * Null when any is missing; {@link AMBIGUOUS} when a name carries different values.
 */
export function readCookieTokens(cookies: CookieValues, clientId: string): CookieTokens | null | typeof AMBIGUOUS {
  const prefix = `CognitoIdentityServiceProvider.${clientId}`;
  const username = readValue(cookies, `${prefix}.LastAuthUser`);
  if (username === null || username === AMBIGUOUS) return username;
  const idToken = readValue(cookies, `${prefix}.${username}.idToken`);
  const accessToken = readValue(cookies, `${prefix}.${username}.accessToken`);
  if (idToken === AMBIGUOUS || accessToken === AMBIGUOUS) return AMBIGUOUS;
  return idToken && accessToken ? { idToken, accessToken } : null;
}

type Read = string | null | typeof AMBIGUOUS;

/** One cookie's value, its chunks joined; null when a chunk is missing or the whole has the wrong length. */
function readValue(cookies: CookieValues, name: string): Read {
  const main = single(cookies(name));
  if (main === null || main === AMBIGUOUS) return main;
  const header = parseChunkHeader(main);
  if (!header) return main;
  let joined = '';
  for (let index = 0; index < header.count; index++) {
    const part = single(cookies(chunkName(name, index)));
    if (part === null || part === AMBIGUOUS) return part;
    joined += part;
  }
  // The browser wrote encodeURIComponent(value) in pieces; the header holds that text's length.
  return encodeURIComponent(joined).length === header.length ? joined : null;
}

/**
 * The browser engine keeps one cookie per name and removes copies set for other Paths or Domains
 * when it next reads them; until then a request carries both, in no telling order. No session
 * rather than another app's (or an attacker's) choice of one.
 */
function single(values: string[]): Read {
  const distinct = [...new Set(values)];
  if (distinct.length > 1) return AMBIGUOUS;
  return distinct[0] ?? null;
}
