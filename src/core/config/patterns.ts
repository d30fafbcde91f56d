/**
 * Shapes of Cognito ids, regions and URLs. Each check returns the parsed parts or undefined; the
 * callers turn undefined into an issue with a message.
 */

/** AWS regions: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `il-central-1`, … (letters-letters-digit). */
const REGION = /^[a-z]{2,}(?:-[a-z]+)+-\d+$/;
/**
 * With an endpoint override, emulators use any word as region (cognito-local: `local`), so only
 * Cognito's own API pattern (`[\w-]+`) applies.
 */
const LOOSE_REGION = /^[\w-]+$/;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const USER_POOL_ID = /^([a-z]{2,}(?:-[a-z]+)+-\d+)_([0-9a-zA-Z]+)$/;
// Cognito's API pattern for UserPoolIdType; greedy `[\w-]+` splits at the last `_`.
const LOOSE_USER_POOL_ID = /^([\w-]+)_([0-9a-zA-Z]+)$/;
const IDENTITY_POOL_ID = new RegExp(`^([a-z]{2,}(?:-[a-z]+)+-\\d+):(${UUID})$`);
const LOOSE_IDENTITY_POOL_ID = /^([\w-]+):([0-9a-fA-F-]+)$/;
/** Cognito's ClientIdType: 1–128 of `[\w+]`. */
const CLIENT_ID = /^[\w+]{1,128}$/;
/** Cognito caps both pool id types at 55 characters. */
const MAX_POOL_ID = 55;

/** The docs' placeholder (`XX-XXXX-X`) gets pasted as-is often enough to name it. */
export function placeholderHint(value: string): string {
  return /XX-XXXX-X/.test(value) ? ' (replace the placeholder from the Amplify docs)' : '';
}

export function isRegion(value: string, loose: boolean): boolean {
  return (loose ? LOOSE_REGION : REGION).test(value);
}

/** The region part of a user pool id, or undefined when the id is malformed. */
export function userPoolRegion(id: string, loose: boolean): string | undefined {
  if (id.length > MAX_POOL_ID) return undefined;
  return (loose ? LOOSE_USER_POOL_ID : USER_POOL_ID).exec(id)?.[1];
}

/** The region part of an identity pool id, or undefined when the id is malformed. */
export function identityPoolRegion(id: string, loose: boolean): string | undefined {
  if (id.length > MAX_POOL_ID) return undefined;
  return (loose ? LOOSE_IDENTITY_POOL_ID : IDENTITY_POOL_ID).exec(id)?.[1];
}

export function isClientId(value: string): boolean {
  return CLIENT_ID.test(value);
}

/** `new URL` without the throw (URL.canParse is too new for some supported browsers). */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Why `value` is not an absolute http(s) URL, or undefined when it is one. */
export function httpUrlProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (url === undefined) return 'is not an absolute URL';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `uses ${url.protocol} (expected http: or https:)`;
  return undefined;
}

// Schemes a browser would run or read locally instead of navigating to an app.
const UNSAFE_SCHEMES: readonly string[] = Object.freeze(['javascript:', 'data:', 'file:', 'blob:', 'vbscript:', 'about:']);

/**
 * Why `value` cannot be an OAuth redirect URI, or undefined when it can: http(s) or a custom app
 * scheme (`myapp://`, RFC 8252's `com.example.app:/cb`), no fragment (Cognito rejects those).
 */
export function redirectUrlProblem(value: string): string | undefined {
  // `localhost:3000` parses as scheme "localhost:"; real app schemes are followed by "/".
  const url = /^[a-z][a-z0-9+.-]*:\//i.test(value) ? parseUrl(value) : undefined;
  if (url === undefined) return 'is not an absolute URL';
  if (UNSAFE_SCHEMES.includes(url.protocol)) return `uses ${url.protocol}, which cannot be a redirect`;
  if (url.hash !== '' || value.includes('#')) return 'must not contain a fragment (#)';
  return undefined;
}

/**
 * Why `value` is not a bare host (`myapp.auth.us-east-1.amazoncognito.com`, `localhost:9229`), or
 * undefined when it is one. The kit adds `https://` itself, so a scheme is the common mistake.
 */
export function hostProblem(value: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
  if (scheme !== undefined) return `must be a host without a scheme: drop the leading "${scheme.slice(0, 20)}"`;
  if (/^[^/]+\/$/.test(value)) return 'must be a host only: drop the trailing "/"';
  if (/[/\\?#@%\s]/.test(value)) return 'must be a host only, without a path, query, or spaces';
  const url = parseUrl(`https://${value}`);
  if (url === undefined || url.hostname === '') return 'is not a valid host name';
  return undefined;
}

/** AWS China regions live under a separate DNS suffix. */
function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

export function defaultUserPoolEndpoint(region: string): string {
  return `https://cognito-idp.${region}.${dnsSuffix(region)}/`;
}

export function defaultIdentityPoolEndpoint(region: string): string {
  return `https://cognito-identity.${region}.${dnsSuffix(region)}/`;
}
