/**
 * POST /oauth2/token: `authorization_code` (single-use codes, redirect_uri and PKCE S256 checks; a
 * replayed code revokes what it minted) and `refresh_token`. Errors are `{"error": …}` with HTTP 400.
 */
import { base64UrlEncode, constantTimeEqual, utf8 } from '../bytes';
import type { Ctx } from '../context';
import { BackendError } from '../errors';
import { sha256 } from '../hash';
import type { HttpResponse } from '../types';
import type { UserRecord } from '../users';
import { oauthError, oauthJson, requestClient, type OAuthRequest } from './http';
import { tokenFields } from './issue';

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export async function token(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  if (!req.form) return oauthError('invalid_request');
  const client = requestClient(ctx.config, req);
  if ('error' in client) return oauthError(client.error);
  switch (req.params.grant_type) {
    case 'authorization_code':
      return codeGrant(ctx, req, client.clientId);
    case 'refresh_token':
      return refreshGrant(ctx, req);
    case 'client_credentials':
      // Public app client: no secret, so no machine-to-machine grant.
      return oauthError('unauthorized_client');
    case undefined:
    case '':
      return oauthError('invalid_request');
    default:
      return oauthError('unsupported_grant_type');
  }
}

/** The user behind a grant, if they still exist (same sub) and are enabled. */
function liveUser(ctx: Ctx, username: string, sub: string): UserRecord | undefined {
  const user = ctx.users.get(username);
  return user && user.sub === sub && user.enabled ? user : undefined;
}

async function codeGrant(ctx: Ctx, req: OAuthRequest, clientId: string): Promise<HttpResponse> {
  const { code, redirect_uri: redirectUri, code_verifier: verifier } = req.params;
  if (verifier !== undefined) ctx.secret(verifier);
  if (!code || !redirectUri) return oauthError('invalid_request');
  const grant = ctx.grants.code(code);
  if (!grant) return oauthError('invalid_grant');
  if (grant.used) {
    // RFC 6749 §4.1.2: a reused code may mean it was stolen; kill what it minted.
    if (grant.originJti !== undefined) ctx.tokens.revokeOrigin(grant.originJti);
    return oauthError('invalid_grant');
  }
  // Any redemption attempt burns the code, successful or not.
  grant.used = true;
  if (ctx.grants.expired(grant) || grant.clientId !== clientId || grant.redirectUri !== redirectUri) return oauthError('invalid_grant');
  if (grant.codeChallenge === undefined) {
    if (verifier !== undefined) return oauthError('invalid_request');
  } else {
    if (verifier === undefined || !VERIFIER.test(verifier)) return oauthError('invalid_grant');
    const computed = base64UrlEncode(await sha256(utf8(verifier)));
    if (!constantTimeEqual(computed, grant.codeChallenge)) return oauthError('invalid_grant');
  }
  const user = liveUser(ctx, grant.username, grant.sub);
  if (!user) return oauthError('invalid_grant');
  const origin = ctx.tokens.openOrigin(user, { scope: grant.scopes.join(' '), authTime: grant.authTime });
  grant.originJti = origin.jti;
  const refresh = ctx.tokens.issueRefresh(origin);
  const result = await ctx.tokens.mint(user, origin, grant.nonce === undefined ? {} : { nonce: grant.nonce });
  return oauthJson(200, tokenFields({ ...result, RefreshToken: refresh }, grant.scopes));
}

async function refreshGrant(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  const refreshToken = req.params.refresh_token;
  if (!refreshToken) return oauthError('invalid_request');
  let used: ReturnType<Ctx['tokens']['useRefreshToken']>;
  try {
    used = ctx.tokens.useRefreshToken(refreshToken);
  } catch (error) {
    // Unknown, revoked, expired or reused refresh tokens.
    if (error instanceof BackendError) return oauthError('invalid_grant');
    throw error;
  }
  const user = liveUser(ctx, used.origin.username, used.origin.sub);
  if (!user) return oauthError('invalid_grant');
  // No new refresh token, unless the client rotates them.
  const result = await ctx.tokens.mint(user, used.origin);
  if (ctx.config.refreshTokenRotation) result.RefreshToken = ctx.tokens.rotate(used.record);
  return oauthJson(200, tokenFields(result, used.origin.scope?.split(' ')));
}
