/**
 * GET|POST /oauth2/userInfo: attributes for an access token with the `openid` scope (so never one from
 * InitiateAuth). `openid` alone returns every attribute; `profile`/`email`/`phone` narrow it, as Cognito does.
 */
import type { Ctx } from '../context';
import { BackendError } from '../errors';
import { headerValue } from '../http';
import type { HttpResponse } from '../types';
import { oauthJson, type OAuthRequest } from './http';

const PROFILE = new Set([
  'name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
  'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at', 'address',
]);
const EMAIL = new Set(['email', 'email_verified']);
const PHONE = new Set(['phone_number', 'phone_number_verified']);

function invalidToken(): HttpResponse {
  return oauthJson(
    401,
    { error: 'invalid_token', error_description: 'Access token is expired, disabled, or deleted, or the user has globally signed out.' },
    { 'www-authenticate': 'Bearer error="invalid_token"' },
  );
}

export async function userInfo(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  const auth = headerValue(req.headers, 'authorization') ?? '';
  if (!auth.toLowerCase().startsWith('bearer ')) return invalidToken();
  let claims: Awaited<ReturnType<Ctx['tokens']['verifyAccess']>>;
  try {
    claims = await ctx.tokens.verifyAccess(auth.slice(7).trim());
  } catch (error) {
    if (error instanceof BackendError) return invalidToken();
    throw error;
  }
  const scopes = typeof claims.claims.scope === 'string' ? claims.claims.scope.split(' ') : [];
  if (!scopes.includes('openid')) return invalidToken();
  const user = ctx.users.get(claims.username);
  if (!user || user.sub !== claims.sub || !user.enabled) return invalidToken();

  const narrowed = ['profile', 'email', 'phone'].some((s) => scopes.includes(s));
  const wanted = (name: string): boolean =>
    !narrowed ||
    name === 'identities' ||
    (scopes.includes('profile') && (PROFILE.has(name) || name.startsWith('custom:'))) ||
    (scopes.includes('email') && EMAIL.has(name)) ||
    (scopes.includes('phone') && PHONE.has(name));
  const body: Record<string, unknown> = { sub: user.sub };
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || !wanted(name)) continue;
    // Cognito's userInfo keeps `*_verified` as the strings "true"/"false".
    body[name] = name === 'identities' ? safeJson(value) : value;
  }
  body.username = user.username;
  return oauthJson(200, body);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
