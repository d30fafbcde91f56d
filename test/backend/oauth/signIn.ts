/**
 * GET /oauth2/authorize (the sign-in page, or straight back with an existing hosted-UI session) and
 * POST /login (the form: password for Cognito users, an email for the social-provider stand-in).
 */
import type { Ctx } from '../context';
import { MSG } from '../errors';
import type { HttpResponse } from '../types';
import type { UserRecord } from '../users';
import { checkAuthorize, type AuthorizeRequest } from './authorizeRequest';
import { federatedUser } from './federated';
import { SESSION_COOKIE, cookieValue, htmlResponse, redirect, withParams, type OAuthRequest } from './http';
import { redirectSignedIn } from './issue';
import { federatedPage, signInPage } from './pages';

export async function authorize(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  const check = checkAuthorize(ctx.config, req.params);
  if (!check.ok) return check.response;
  const { request, oauth } = check;
  if (request.provider === undefined && request.prompt !== 'login') {
    const session = ctx.grants.session(cookieValue(req.headers, SESSION_COOKIE));
    const user = session && ctx.users.get(session.username);
    if (session && user && user.sub === session.sub && user.enabled) return redirectSignedIn(ctx, request, user, session.authTime);
    if (request.prompt === 'none') {
      const separator = request.responseType === 'token' ? '#' : '?';
      return redirect(withParams(request.redirectUri, { error: 'login_required', state: request.state }, separator));
    }
  }
  const html = request.provider === undefined ? signInPage(request, oauth.identityProviders) : federatedPage(request, request.provider);
  return htmlResponse(200, html);
}

export async function login(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse> {
  const check = checkAuthorize(ctx.config, req.params);
  if (!check.ok) return check.response;
  const { request, oauth } = check;
  const provider = request.provider;
  let outcome: UserRecord | string;
  if (provider !== undefined) {
    const email = (req.params.email ?? '').trim();
    outcome = /^[^\s@]+@[^\s@]+$/.test(email) ? await federatedUser(ctx, provider, email) : 'Enter a valid email address.';
    if (typeof outcome !== 'string' && !outcome.enabled) outcome = MSG.userDisabled;
  } else {
    outcome = await passwordUser(ctx, req.params.username ?? '', req.params.password ?? '');
  }
  if (typeof outcome === 'string') {
    const retry: AuthorizeRequest = { ...request, loginHint: req.params.username ?? req.params.email ?? request.loginHint };
    return htmlResponse(400, provider === undefined ? signInPage(retry, oauth.identityProviders, outcome) : federatedPage(retry, provider, outcome));
  }
  const authTime = Math.floor(ctx.now() / 1000);
  const sessionId = ctx.grants.openSession(outcome.username, outcome.sub, authTime);
  return redirectSignedIn(ctx, request, outcome, authTime, {
    'set-cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
  });
}

/** USER_PASSWORD_AUTH's checks and messages, in its order; a string is the error to show. */
async function passwordUser(ctx: Ctx, username: string, password: string): Promise<UserRecord | string> {
  if (!username || !password) return 'Enter your username and password.';
  const user = ctx.users.find(username);
  if (!user) return ctx.config.preventUserExistenceErrors ? MSG.incorrectPassword : MSG.userNotFound;
  if (!user.enabled) return MSG.userDisabled;
  if (user.status === 'EXTERNAL_PROVIDER' || !(await ctx.users.checkPassword(user, password))) return MSG.incorrectPassword;
  if (user.status === 'UNCONFIRMED') return MSG.userNotConfirmed;
  if (user.status === 'RESET_REQUIRED') return MSG.passwordResetRequired;
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    return 'A new password is required; the stand-in hosted UI cannot set one (answer NEW_PASSWORD_REQUIRED through the API).';
  }
  return user;
}
