import type { ResolvedOAuthConfig } from '../config/types';
import { authError } from '../normalizeError';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** `https://<domain>`; plain http only for loopback hosts (local emulators and test servers). */
export function hostedUiOrigin(oauth: ResolvedOAuthConfig): string {
  return `${LOOPBACK.test(oauth.domain) ? 'http' : 'https'}://${oauth.domain}`;
}

/**
 * Amplify allows several redirect URLs (comma-separated): use the one on the current page's
 * origin. With one configured URL and no page (Node), that one. Anything else is an error, not a guess.
 */
export function pickRedirect(candidates: readonly string[], currentUrl: string | undefined, field: string, source: string): string {
  if (currentUrl === undefined) {
    if (candidates.length === 1) return candidates[0]!;
    throw authError('OAuthRedirectMismatch', `Several ${field} URLs are configured and there is no current page to choose by.`, source);
  }
  const origin = originOf(currentUrl);
  const match = candidates.find((candidate) => originOf(candidate) === origin);
  if (match === undefined) {
    throw authError('OAuthRedirectMismatch', `No ${field} URL is on this page's origin (${origin ?? 'unknown'}).`, source);
  }
  return match;
}

/** Same origin and path: a callback URL is "this redirect URL" whatever its query says. */
export function sameEndpoint(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    // Custom schemes (myapp://callback, a React Native deep link) have the opaque origin "null": originOf tells them apart.
    return originOf(a) === originOf(b) && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Custom app schemes (myapp://) have an opaque "null" origin: compare scheme and host instead.
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return undefined;
  }
}

/**
 * The OAuth parameters of a callback. The code flow answers in the query only: a fragment (which
 * any link can carry, and which no server sees) must not supply or override its `code` or `state`.
 * The implicit flow answers in the fragment (its errors may come in the query).
 */
export function callbackParams(url: string, responseType: 'code' | 'token'): URLSearchParams | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const params = new URLSearchParams(parsed.search);
  if (responseType === 'token') for (const [key, value] of new URLSearchParams(parsed.hash.replace(/^#/, ''))) params.set(key, value);
  const isCallback = ['code', 'state', 'error', 'access_token', 'id_token'].some((key) => params.has(key));
  return isCallback ? params : undefined;
}

const CALLBACK_KEYS: readonly string[] = Object.freeze(['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss']);

/** The callback URL without its OAuth parameters or token fragment, for `history.replaceState`. */
export function cleanCallbackUrl(url: string): string {
  const parsed = new URL(url);
  for (const key of CALLBACK_KEYS) parsed.searchParams.delete(key);
  parsed.hash = '';
  return parsed.toString();
}
