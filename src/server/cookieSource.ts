import { readJar } from '../core/index';

/**
 * A cookie store read by name, as Next.js gives it: `await cookies()` in server components, route
 * handlers and server actions, or `request.cookies` in middleware. Values come decoded.
 */
export interface CookieStore {
  get(name: string): { value: string } | undefined;
}

/**
 * Where a request's cookies are: a Web `Request` (React Router and Remix loaders and actions, Next.js
 * middleware and route handlers, any fetch-style server), its `Headers`, the `Cookie` header itself
 * (null or undefined: no cookies), or a {@link CookieStore}.
 */
export type CookieSource = Request | { headers: Headers } | Headers | CookieStore | string | null | undefined;

/** Every value (decoded) sent under a cookie name: several when other Paths or Domains set the same name. */
export type CookieValues = (name: string) => string[];

/** The values of each cookie name in `source`. */
export function cookieValues(source: CookieSource): CookieValues {
  if (source === null || source === undefined || typeof source === 'string') return fromHeader(source ?? '');
  if ('headers' in source) return fromHeader(source.headers.get('cookie') ?? '');
  // Headers has append; Next's cookie stores have get and getAll but no append.
  if ('append' in source) return fromHeader(source.get('cookie') ?? '');
  return fromStore(source);
}

function fromHeader(header: string): CookieValues {
  const jar = readJar({ cookie: header });
  return (name) => (jar.get(name) ?? []).flatMap((entry) => decoded(entry.rawValue));
}

/** A store is keyed by the name as sent: the browser engine sends names URI-encoded (an e-mail's `@` as `%40`). */
function fromStore(store: CookieStore): CookieValues {
  return (name) => {
    const encoded = encodeURIComponent(name);
    const cookie = store.get(encoded) ?? (encoded === name ? undefined : store.get(name));
    return cookie ? [cookie.value] : [];
  };
}

function decoded(rawValue: string): string[] {
  try {
    return [decodeURIComponent(rawValue)];
  } catch {
    return []; // a malformed escape is no value, never a guess
  }
}
