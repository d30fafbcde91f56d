import { cookieValues } from './cookieSource';

/** Where the backend-for-frontend keeps the refresh token: one httpOnly cookie, sent only to its own routes. */
export interface RefreshTokenCookie {
  name: string;
  /** The handler's base path: the browser sends the cookie to these routes only. */
  path: string;
  maxAgeSeconds: number;
}

// A refresh token is a JWE of ~1.8 KB; anything far larger is not one (and would not fit a cookie).
const MAX_TOKEN_LENGTH = 3800;

/** The refresh token the request carries, or undefined (none, or more than one: which one is ambiguous). */
export function readRefreshToken(request: Request, cookie: RefreshTokenCookie): string | undefined {
  const values = cookieValues(request)(cookie.name);
  return values.length === 1 && values[0] ? values[0] : undefined;
}

export function isRefreshTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_LENGTH && /^[\w.~-]+$/.test(value);
}

/**
 * `Set-Cookie` for the token (or, with null, its removal): HttpOnly so page scripts never read it,
 * SameSite=Strict so no other site's request carries it, Secure except on http://localhost (dev).
 */
export function refreshTokenSetCookie(token: string | null, cookie: RefreshTokenCookie, requestUrl: URL): string {
  const attributes = [
    `${cookie.name}=${token ?? ''}`,
    `Path=${cookie.path}`,
    `Max-Age=${token === null ? 0 : cookie.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (!(requestUrl.protocol === 'http:' && isLoopback(requestUrl.hostname))) attributes.push('Secure');
  return attributes.join('; ');
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
