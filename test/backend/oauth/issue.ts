/** What a successful hosted-UI sign-in hands back: a code redirect, or tokens in the fragment (implicit flow). */
import type { Ctx } from '../context';
import type { AuthenticationResult } from '../tokens';
import type { HttpResponse } from '../types';
import type { UserRecord } from '../users';
import type { AuthorizeRequest } from './authorizeRequest';
import { redirect, withParams } from './http';

/** OAuth token fields from minted tokens; the id token only when `openid` was granted. */
export function tokenFields(result: AuthenticationResult, scopes: string[] | undefined): Record<string, string | number> {
  return {
    ...(scopes === undefined || scopes.includes('openid') ? { id_token: result.IdToken } : {}),
    access_token: result.AccessToken,
    ...(result.RefreshToken !== undefined ? { refresh_token: result.RefreshToken } : {}),
    expires_in: result.ExpiresIn,
    token_type: 'Bearer',
  };
}

/** 302 to the client's redirect_uri. Hosted-UI sign-ins skip MFA and device tracking. */
export async function redirectSignedIn(
  ctx: Ctx,
  request: AuthorizeRequest,
  user: UserRecord,
  authTime: number,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  if (request.responseType === 'code') {
    const grant = ctx.grants.issueCode({
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scopes: request.scopes,
      nonce: request.nonce,
      username: user.username,
      sub: user.sub,
      authTime,
    });
    return redirect(withParams(request.redirectUri, { code: grant.code, state: request.state }, '?'), headers);
  }
  // Implicit flow: no refresh token.
  const origin = ctx.tokens.openOrigin(user, { scope: request.scopes.join(' '), authTime });
  const result = await ctx.tokens.mint(user, origin, request.nonce === undefined ? {} : { nonce: request.nonce });
  const fields = tokenFields(result, request.scopes);
  const fragment: Record<string, string | undefined> = { state: request.state };
  for (const [key, value] of Object.entries(fields)) fragment[key] = String(value);
  // Cognito's order: id_token, access_token, expires_in, token_type, state.
  const { state, ...tokens } = fragment;
  return redirect(withParams(request.redirectUri, { ...tokens, state }, '#'), headers);
}
