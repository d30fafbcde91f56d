/** Where a signed-out visitor is sent. */
export interface SignInRedirectOptions {
  /** The sign-in page: a path on this site (`/sign-in`) or an absolute URL. */
  signInUrl: string;
  /** Query parameter that carries the page asked for (path and query, same site), so the sign-in page can return there; null: none. Default `'returnTo'`. */
  returnToParam?: string | null;
}

/** A 302 to the sign-in page, built with `Response.redirect` only (any Fetch-API server: Next.js, React Router, Remix, workers). */
export function signInRedirect(request: Request, options: SignInRedirectOptions): Response {
  const asked = new URL(request.url);
  const target = new URL(options.signInUrl, asked);
  const param = options.returnToParam === undefined ? 'returnTo' : options.returnToParam;
  // Only the path: a sign-in page that redirects to it cannot be sent to another site.
  if (param !== null) target.searchParams.set(param, `${asked.pathname}${asked.search}`);
  return Response.redirect(target.toString(), 302);
}

/** Whether `request` is for the sign-in page itself (which must not redirect to itself). */
export function isSignInPage(request: Request, options: SignInRedirectOptions): boolean {
  const asked = new URL(request.url);
  const target = new URL(options.signInUrl, asked);
  return target.origin === asked.origin && target.pathname === asked.pathname;
}
