/** HTTP plumbing of the hosted-UI endpoints: parameters, client identification, responses, cookies. */
import { base64ToBytes } from '../bytes';
import { CORS_HEADERS, headerValue } from '../http';
import type { BackendConfig, HttpRequest, HttpResponse } from '../types';

export interface OAuthRequest {
  method: string;
  /** Lower-cased path without the query. */
  path: string;
  /** Query parameters (GET) or the form body (POST). First value wins. */
  params: Record<string, string>;
  headers: Record<string, string>;
  /** POST with `application/x-www-form-urlencoded`. */
  form: boolean;
}

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_token_type'
  | 'invalid_token';

/** Session cookie of the stand-in hosted UI (Cognito's is also called `cognito`). */
export const SESSION_COOKIE = 'cognito';

export function parseOAuthRequest(req: HttpRequest): OAuthRequest {
  const url = new URL(req.path, 'http://backend.invalid');
  const method = req.method.toUpperCase();
  const form = method === 'POST' && (headerValue(req.headers, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const source = method === 'GET' ? url.searchParams : new URLSearchParams(form ? req.body : '');
  const params: Record<string, string> = {};
  for (const [key, value] of source) if (!(key in params)) params[key] = value;
  return { method, path: url.pathname.toLowerCase(), params, headers: req.headers, form };
}

export function oauthJson(status: number, body: unknown, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { ...CORS_HEADERS, 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache', ...extra },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export function oauthError(error: OAuthErrorCode, status = 400, extra: Record<string, string> = {}): HttpResponse {
  return oauthJson(status, { error }, extra);
}

export function htmlResponse(status: number, html: string, extra: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8', 'cache-control': 'no-store', ...extra }, body: html };
}

export function redirect(location: string, extra: Record<string, string> = {}): HttpResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store', ...extra }, body: '' };
}

/** `base?a=1&b=2` (or `#…`), appended to the URL exactly as registered (no normalisation). */
export function withParams(base: string, params: Record<string, string | undefined>, separator: '?' | '#'): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  const joiner = separator === '?' && base.includes('?') ? '&' : separator;
  return `${base}${joiner}${query.toString()}`;
}

export function cookieValue(headers: Record<string, string>, name: string): string | undefined {
  for (const part of (headerValue(headers, 'cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The client a token/revoke request names: `client_id` in the body or HTTP Basic (the secret is not
 * checked: the stand-in client is public). A string is the error to answer with.
 */
export function requestClient(config: BackendConfig, req: OAuthRequest): { clientId: string } | { error: OAuthErrorCode } {
  let basicId: string | undefined;
  const auth = headerValue(req.headers, 'authorization');
  if (auth?.toLowerCase().startsWith('basic ')) {
    try {
      basicId = new TextDecoder().decode(base64ToBytes(auth.slice(6).trim())).split(':')[0];
    } catch {
      return { error: 'invalid_client' };
    }
  }
  const bodyId = req.params.client_id;
  if (basicId !== undefined && bodyId !== undefined && basicId !== bodyId) return { error: 'invalid_client' };
  const clientId = bodyId ?? basicId;
  if (!clientId) return { error: 'invalid_request' };
  if (clientId !== config.clientId) return { error: 'invalid_client' };
  return { clientId };
}
