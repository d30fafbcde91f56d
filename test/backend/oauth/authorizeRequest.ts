/**
 * Validation of an authorize request, shared by GET /oauth2/authorize, POST /login (whose hidden fields
 * could have been tampered with) and /logout's redirect form. Client and redirect_uri errors render an
 * error page and never redirect (open-redirect protection); later errors go back to the client with
 * `error=` as RFC 6749 §4.1.2.1 says.
 */
import type { BackendConfig, HttpResponse, OAuthConfig } from '../types';
import { htmlResponse, redirect, withParams } from './http';
import { errorPage } from './pages';

export interface AuthorizeRequest {
  responseType: 'code' | 'token';
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  scopes: string[];
  codeChallenge: string | undefined;
  nonce: string | undefined;
  /** Federated provider name; undefined for Cognito's own sign-in (`COGNITO` or none). */
  provider: string | undefined;
  loginHint: string | undefined;
  prompt: string | undefined;
  /** The authorize parameters the sign-in form carries as hidden fields. */
  carried: Record<string, string>;
}

export type AuthorizeCheck = { ok: true; request: AuthorizeRequest; oauth: OAuthConfig } | { ok: false; response: HttpResponse };

export const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'identity_provider',
  'idp_identifier',
  'nonce',
  'login_hint',
  'prompt',
  'lang',
] as const;

/** An S256 challenge is base64url(SHA-256(verifier)): 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function badRequestPage(error: string, description: string): HttpResponse {
  return htmlResponse(400, errorPage(error, description));
}

export function checkAuthorize(config: BackendConfig, params: Record<string, string>): AuthorizeCheck {
  const oauth = config.oauth;
  if (!oauth) return { ok: false, response: badRequestPage('unauthorized_client', 'This app client has no hosted UI (OAuth) configuration.') };
  const clientId = params.client_id;
  if (!clientId) return { ok: false, response: badRequestPage('invalid_request', 'Required parameter client_id is missing.') };
  if (clientId !== config.clientId) return { ok: false, response: badRequestPage('invalid_request', `Client ${clientId} does not exist.`) };
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !oauth.callbackUrls.includes(redirectUri)) {
    return { ok: false, response: badRequestPage('redirect_mismatch', 'redirect_uri is not an allowed callback URL for this client.') };
  }

  const responseType = params.response_type;
  const state = params.state;
  const fail = (error: string, description: string): AuthorizeCheck => ({
    ok: false,
    response: redirect(withParams(redirectUri, { error, error_description: description, state }, responseType === 'token' ? '#' : '?')),
  });
  if (!responseType) return fail('invalid_request', 'response_type is required');
  if (responseType !== 'code' && responseType !== 'token') return fail('unsupported_response_type', `response_type ${responseType} is not supported`);

  const scopes = params.scope === undefined ? [...oauth.allowedScopes] : params.scope.split(' ').filter((s) => s !== '');
  const unknown = scopes.filter((s) => !oauth.allowedScopes.includes(s));
  if (unknown.length > 0 || scopes.length === 0) return fail('invalid_scope', `invalid_scope: ${unknown.join(' ') || '(none)'}`);

  const challenge = params.code_challenge;
  const method = params.code_challenge_method;
  if (challenge !== undefined || method !== undefined) {
    // Cognito supports S256 only; a challenge without a method would mean "plain".
    if (method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    if (challenge === undefined || !S256_CHALLENGE.test(challenge)) return fail('invalid_request', 'code_challenge is missing or malformed');
  }

  const rawProvider = params.identity_provider || params.idp_identifier || undefined;
  const carried: Record<string, string> = {};
  for (const key of AUTHORIZE_PARAMS) {
    const value = params[key];
    if (value !== undefined) carried[key] = value;
  }
  return {
    ok: true,
    oauth,
    request: {
      responseType,
      clientId,
      redirectUri,
      state,
      scopes,
      codeChallenge: challenge,
      nonce: params.nonce,
      provider: rawProvider === 'COGNITO' ? undefined : rawProvider,
      loginHint: params.login_hint,
      prompt: params.prompt,
      carried,
    },
  };
}
