/** A cookie's Path and Domain; no `domain`: host-only. */
export interface CookieScope {
  path: string;
  domain?: string;
}

/** What of the page's address decides which cookies it sees. */
export interface PageLocation {
  readonly hostname: string;
  readonly pathname: string;
}

/**
 * Every Path and Domain a cookie this page sees may have been set with: the configured ones,
 * host-only, each path prefix of the page, and each parent domain of the host down to the
 * configured domain. document.cookie does not say which same-name cookie is which, and a cookie
 * goes away only by an expiry written with its exact Path and Domain.
 */
export function cookieScopes(configured: { path: string; domain: string }, page: PageLocation | undefined): CookieScope[] {
  const paths = new Set([configured.path, ...pathPrefixes(page?.pathname)]);
  const domains = new Set<string | undefined>([bare(configured.domain), undefined, ...parentDomains(page?.hostname, configured.domain)]);
  const scopes: CookieScope[] = [];
  for (const path of paths) {
    for (const domain of domains) scopes.push(domain === undefined ? { path } : { path, domain });
  }
  return scopes;
}

/** "/a/b" → "/", "/a", "/a/", "/a/b": the cookie paths that path-match it (RFC 6265 §5.1.4). */
function pathPrefixes(pathname: string | undefined): string[] {
  if (!pathname?.startsWith('/')) return [];
  const prefixes = ['/'];
  for (let slash = pathname.indexOf('/', 1); slash !== -1; slash = pathname.indexOf('/', slash + 1)) {
    prefixes.push(pathname.slice(0, slash), pathname.slice(0, slash + 1));
  }
  prefixes.push(pathname);
  return prefixes;
}

/** "a.app.example.com" down to "example.com" (the configured domain); just the host when outside it. */
function parentDomains(hostname: string | undefined, configured: string): string[] {
  if (!hostname) return [];
  const host = hostname.toLowerCase();
  const top = bare(configured);
  if (host !== top && !host.endsWith(`.${top}`)) return [host];
  const labels = host.split('.');
  const depth = top.split('.').length;
  return labels.slice(0, labels.length - depth + 1).map((_, index) => labels.slice(index).join('.'));
}

/** Browsers ignore a leading dot: ".example.com" and "example.com" are one Domain. */
function bare(domain: string): string {
  return domain.replace(/^\./, '').toLowerCase();
}
