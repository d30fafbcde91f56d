/**
 * Server-entry test glue. The tests run under jsdom at https://app.example.com/ (see each file's
 * header) so the browser engine really writes its cookies to `document.cookie`; what it wrote is
 * then a request's `Cookie` header, as a browser would send it.
 */
import type { JSDOM } from 'jsdom';
import { createAuth, type AuthConfig } from '../../src/core/index';
import { createServerAuth, type ServerAuthOptions } from '../../src/server/index';
import type { Running } from '../backend/harness';

export const COOKIE_DOMAIN = '.example.com';
export const PAGE = 'https://app.example.com/';

/** The config the app gives the browser engine (and, the same object, the server). */
export function browserConfig({ backend, url }: Running): AuthConfig {
  return {
    userPoolId: backend.config.userPoolId,
    userPoolWebClientId: backend.config.clientId,
    endpoint: url,
    authenticationFlowType: 'USER_PASSWORD_AUTH',
    cookieStorage: { domain: COOKIE_DOMAIN, sameSite: 'lax' },
  };
}

/** Counts the JWKS requests the server's fetch makes, through the real network. */
export function countingFetch(): { fetch: NonNullable<ServerAuthOptions['fetch']>; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url, init) => {
      urls.push(url);
      return globalThis.fetch(url, init);
    },
  };
}

export function serverFor(running: Running, options: ServerAuthOptions = {}) {
  return createServerAuth(browserConfig(running), options);
}

/**
 * Signs `username` in with the browser engine (cookie storage) and returns the `Cookie` header the
 * browser sends next; the jar is emptied first, so only this sign-in's cookies are in it.
 */
export async function signInCookies(running: Running, username: string, password: string, config: Partial<AuthConfig> = {}): Promise<string> {
  clearCookies();
  const auth = createAuth({ ...browserConfig(running), ...config });
  await auth.signIn({ username, password });
  return document.cookie;
}

export function clearCookies(): void {
  (globalThis as unknown as { jsdom: JSDOM }).jsdom.cookieJar.removeAllCookiesSync();
}

/** `name=value` pairs of a Cookie header, name decoded. */
export function cookiePairs(header: string): { name: string; value: string }[] {
  return header
    .split('; ')
    .filter(Boolean)
    .map((pair) => ({ name: decodeURIComponent(pair.slice(0, pair.indexOf('='))), value: pair.slice(pair.indexOf('=') + 1) }));
}

/** A Cookie header with `name`'s value replaced (name decoded, value as sent). */
export function withCookie(header: string, name: string, rawValue: string): string {
  return cookiePairs(header)
    .map((pair) => `${encodeURIComponent(pair.name)}=${pair.name === name ? rawValue : pair.value}`)
    .join('; ');
}

/** The value of cookie `name` in a Cookie header (decoded), or undefined. */
export function cookieValue(header: string, name: string): string | undefined {
  const pair = cookiePairs(header).find((candidate) => candidate.name === name);
  return pair ? decodeURIComponent(pair.value) : undefined;
}

export function tokenKey(running: Running, username: string, item: 'idToken' | 'accessToken'): string {
  return `CognitoIdentityServiceProvider.${running.backend.config.clientId}.${username}.${item}`;
}

/** base64url of a JSON value. */
export function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The JSON of a token's header and payload. */
export function parts(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string } {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
    signature,
  };
}
