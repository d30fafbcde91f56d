// cognito-react-kit/server: the browser engine's session verified on a server (Node, edge runtimes).
// No React, no framework import: Web-standard APIs only. Every public name is listed here.
export { createServerAuth, ServerAuth } from './serverAuth';
export type { ServerAuthOptions, ServerAuthResult, ServerSession } from './serverAuth';
export type { RejectionReason } from './tokenVerifier';
export type { AccessTokenClaims, ClaimsOf, IdTokenClaims, TokenUse } from './claims';
export type { CookieSource, CookieStore } from './cookieSource';
export { authMiddleware, requireSession, requireUser } from './frameworks';
export type { AuthMiddlewareOptions } from './frameworks';
export { createSessionHandler, SESSION_REQUEST_HEADER } from './sessionHandler';
export type { SessionHandler, SessionHandlerOptions } from './sessionHandler';
export { signInRedirect } from './signInRedirect';
export type { SignInRedirectOptions } from './signInRedirect';
export type { AuthUser } from '../core/index';
