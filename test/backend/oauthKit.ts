/** Test helpers for the hosted-UI tests: PKCE pairs (own Web Crypto code, independent of the backend), URLs, form posts. */
import type { OAuthOptions } from './types';

export const CALLBACK = 'http://localhost:3000/callback';
export const APP_CALLBACK = 'myapp://auth';
export const SIGNED_OUT = 'http://localhost:3000/signed-out';
export const OAUTH: OAuthOptions = { callbackUrls: [CALLBACK, APP_CALLBACK], logoutUrls: [SIGNED_OUT] };

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636: verifier = 32 random bytes base64url; challenge = base64url(SHA-256(verifier)). */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

export function authorizeUrl(base: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  return `${base}oauth2/authorize?${query.toString()}`;
}

/** The parameters of a callback URL: its query, or its fragment for the implicit flow. */
export function callbackParams(location: string): URLSearchParams {
  const hash = location.indexOf('#');
  if (hash >= 0) return new URLSearchParams(location.slice(hash + 1));
  return new URLSearchParams(location.slice(location.indexOf('?') + 1));
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
}

/** POST /oauth2/token; resolves status and parsed JSON body. */
export async function tokenRequest(base: string, form: Record<string, string>): Promise<{ status: number; body: TokenResponse & { error?: string } }> {
  const res = await postForm(`${base}oauth2/token`, form);
  return { status: res.status, body: (await res.json()) as TokenResponse & { error?: string } };
}
