/** Routes the hosted-UI endpoints; each is counted under its operation name (`oauth2/token`, `login`, …). */
import type { Ctx } from '../context';
import type { Gate } from '../requestLog';
import type { HttpRequest, HttpResponse } from '../types';
import { badRequestPage } from './authorizeRequest';
import { htmlResponse, oauthError, parseOAuthRequest, type OAuthRequest } from './http';
import { logout } from './logout';
import { errorPage } from './pages';
import { revoke } from './revoke';
import { authorize, login } from './signIn';
import { token } from './token';
import { userInfo } from './userInfo';

interface Route {
  operation: string;
  methods: string[];
  /** JSON endpoint (called by apps) rather than a browser page. */
  json: boolean;
  run(ctx: Ctx, req: OAuthRequest): Promise<HttpResponse>;
}

const ROUTES: Readonly<Record<string, Route>> = {
  '/oauth2/authorize': { operation: 'oauth2/authorize', methods: ['GET'], json: false, run: authorize },
  '/login': { operation: 'login', methods: ['POST'], json: false, run: login },
  '/oauth2/token': { operation: 'oauth2/token', methods: ['POST'], json: true, run: token },
  '/oauth2/revoke': { operation: 'oauth2/revoke', methods: ['POST'], json: true, run: revoke },
  '/oauth2/userinfo': { operation: 'oauth2/userInfo', methods: ['GET', 'POST'], json: true, run: userInfo },
  '/logout': { operation: 'logout', methods: ['GET'], json: false, run: logout },
};

export function isOAuthPath(path: string): boolean {
  return Object.prototype.hasOwnProperty.call(ROUTES, path.toLowerCase());
}

export async function handleOAuth(ctx: Ctx, httpRequest: HttpRequest, gate: Gate): Promise<HttpResponse> {
  const req = parseOAuthRequest(httpRequest);
  const route = ROUTES[req.path];
  if (!route) return htmlResponse(404, errorPage('not_found', `No page at ${req.path}`));
  const contentType = route.json ? 'application/json;charset=UTF-8' : 'text/html;charset=UTF-8';
  return gate(route.operation, { ...req.params }, async () => {
    if (!route.methods.includes(req.method)) {
      return route.json ? oauthError('invalid_request', 405) : htmlResponse(405, errorPage('invalid_request', `${req.method} is not allowed here.`));
    }
    if (!ctx.config.oauth) {
      return route.json ? oauthError('unauthorized_client') : badRequestPage('unauthorized_client', 'This app client has no hosted UI (OAuth) configuration.');
    }
    return route.run(ctx, req);
  }, contentType);
}
