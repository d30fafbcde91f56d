/** POST /oauth2/revoke: revokes a refresh token and every token minted from it (RFC 7009). */
import type { Ctx } from '../context';
import type { HttpResponse } from '../types';
import { oauthError, oauthJson, requestClient, type OAuthRequest } from './http';

export async function revoke(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  if (!req.form) return oauthError('invalid_request');
  const client = requestClient(ctx.config, req);
  if ('error' in client) return oauthError(client.error);
  const token = req.params.token;
  if (!token) return oauthError('invalid_request');
  // Only refresh tokens can be revoked here; access and id tokens are JWTs.
  if (token.split('.').length === 3) return oauthError('unsupported_token_type');
  // Unknown or already revoked tokens still succeed (RFC 7009 §2.2).
  ctx.tokens.revokeRefreshToken(token);
  return oauthJson(200, undefined);
}
