/**
 * GET /logout: ends the hosted-UI session, then either 302 to an allowed `logout_uri`, or (with
 * `redirect_uri` + `response_type`) back to the sign-in page. Tokens are not revoked (Cognito doesn't either).
 */
import type { Ctx } from '../context';
import type { HttpResponse } from '../types';
import { badRequestPage, checkAuthorize } from './authorizeRequest';
import { SESSION_COOKIE, cookieValue, redirect, type OAuthRequest } from './http';

export async function logout(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  const oauth = ctx.config.oauth;
  if (!oauth) return badRequestPage('unauthorized_client', 'This app client has no hosted UI (OAuth) configuration.');
  const { client_id: clientId, logout_uri: logoutUri } = req.params;
  if (!clientId) return badRequestPage('invalid_request', 'Required parameter client_id is missing.');
  if (clientId !== ctx.config.clientId) return badRequestPage('invalid_request', `Client ${clientId} does not exist.`);

  let location: string;
  if (logoutUri !== undefined) {
    if (!oauth.logoutUrls.includes(logoutUri)) return badRequestPage('invalid_request', 'logout_uri is not an allowed sign-out URL for this client.');
    location = logoutUri;
  } else if (req.params.redirect_uri !== undefined && req.params.response_type !== undefined) {
    const check = checkAuthorize(ctx.config, req.params);
    if (!check.ok) return check.response;
    location = `/oauth2/authorize?${new URLSearchParams(check.request.carried).toString()}`;
  } else {
    return badRequestPage('invalid_request', 'Sign-out needs logout_uri, or redirect_uri and response_type.');
  }
  ctx.grants.endSession(cookieValue(req.headers, SESSION_COOKIE));
  return redirect(location, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` });
}
