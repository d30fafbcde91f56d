import type { AuthUser } from '../core/index';
import type { ServerAuth, ServerSession } from './serverAuth';
import { isSignInPage, signInRedirect, type SignInRedirectOptions } from './signInRedirect';

/**
 * For React Router / Remix loaders and actions (and any handler given a Web `Request`): the
 * verified user, or a thrown 302 `Response` to the sign-in page, which those frameworks send as is.
 *
 * ```ts
 * export async function loader({ request }: Route.LoaderArgs) {
 *   const user = await requireUser(serverAuth, request, { signInUrl: '/sign-in' });
 *   return { email: user.attributes.email };
 * }
 * ```
 */
export async function requireUser(auth: ServerAuth, request: Request, options: SignInRedirectOptions): Promise<AuthUser> {
  return (await requireSession(auth, request, options)).user;
}

/** {@link requireUser}, with the verified tokens and claims. */
export async function requireSession(auth: ServerAuth, request: Request, options: SignInRedirectOptions): Promise<ServerSession> {
  const session = await auth.getSession(request);
  if (!session) throw signInRedirect(request, options);
  return session;
}

/** Options of {@link authMiddleware}. */
export interface AuthMiddlewareOptions extends SignInRedirectOptions {
  /** Requests that need no session (checked after the sign-in page, which never does). Default: none; narrow with Next's `config.matcher` too. */
  isPublic?: (url: URL) => boolean;
}

/**
 * Next.js middleware (`middleware.ts`) that sends signed-out visitors to the sign-in page: a 302
 * `Response`, or undefined to let the request through. It needs no `next` import: Next passes a
 * `NextRequest`, a Web `Request`.
 *
 * ```ts
 * export const middleware = authMiddleware(serverAuth, { signInUrl: '/sign-in' });
 * export const config = { matcher: ['/account/:path*'] };
 * ```
 */
export function authMiddleware(auth: ServerAuth, options: AuthMiddlewareOptions): (request: Request) => Promise<Response | undefined> {
  return async (request) => {
    if (isSignInPage(request, options) || options.isPublic?.(new URL(request.url))) return undefined;
    return (await auth.getSession(request)) ? undefined : signInRedirect(request, options);
  };
}
