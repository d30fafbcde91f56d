import { authError } from '../normalizeError';
import type { FetchLike } from '../transport';

/** One signing key of a JWKS, as Cognito publishes it (RSA, RS256). */
export interface PoolKey {
  kty: string;
  kid: string;
  n: string;
  e: string;
  alg?: string;
}

/**
 * The user pool's signing keys (`<issuer>/.well-known/jwks.json`), fetched once per engine and URL.
 * A token naming a key the cached set lacks fetches again once: Cognito may have rotated its keys.
 */
export class PoolKeys {
  readonly #fetch: FetchLike;
  readonly #sets = new Map<string, Promise<PoolKey[]>>();

  constructor(fetch: FetchLike) {
    this.#fetch = fetch;
  }

  async key(jwksUrl: string, kid: string): Promise<PoolKey | undefined> {
    const cached = this.#sets.get(jwksUrl);
    const found = (await (cached ?? this.#load(jwksUrl))).find((key) => key.kid === kid);
    if (found || !cached) return found;
    return (await this.#load(jwksUrl)).find((key) => key.kid === kid);
  }

  #load(jwksUrl: string): Promise<PoolKey[]> {
    const loading = fetchKeys(this.#fetch, jwksUrl);
    this.#sets.set(jwksUrl, loading);
    // A failed fetch is not remembered: the next sign-in asks again.
    loading.catch(() => this.#sets.get(jwksUrl) === loading && this.#sets.delete(jwksUrl));
    return loading;
  }
}

/** `<endpoint or the Cognito issuer>/<poolId>/.well-known/jwks.json`: an endpoint override (emulator) serves the keys too. */
export function jwksUrl(config: { region: string; userPoolId: string; endpoint?: string }): string {
  const base = (config.endpoint ?? `https://cognito-idp.${config.region}.amazonaws.com`).replace(/\/+$/, '');
  return `${base}/${config.userPoolId}/.well-known/jwks.json`;
}

async function fetchKeys(fetch: FetchLike, url: string): Promise<PoolKey[]> {
  let text: string;
  try {
    // Like every request: keys from wherever a redirect points would sign anything.
    const response = await fetch(url, { method: 'GET', headers: { Accept: 'application/json' }, redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (cause) {
    throw authError('NetworkError', 'The user pool’s signing keys could not be fetched.', 'handleRedirect', { cause });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const keys = (body as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) throw authError('OAuthTokenInvalid', 'The user pool’s signing keys are unreadable.', 'handleRedirect');
  return keys.filter(
    (key): key is PoolKey =>
      typeof key === 'object' && key !== null && key.kty === 'RSA' && typeof key.kid === 'string' && typeof key.n === 'string' && typeof key.e === 'string',
  );
}
