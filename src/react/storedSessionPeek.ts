import type { CreateAuthOptions, ResolvedAuthConfig } from '../core/index';

/**
 * Whether the engine, once built, would restore no session: true only where that is certain from one
 * synchronous read, the key the engine itself reads first (`…<clientId>.LastAuthUser` in localStorage,
 * the same for v5, v6 and Gen 2). Anything the engine might read differently answers false: a custom
 * store or cookies (async, or chunked), a backend-held or worker-held session, a test environment, and
 * a page that may be a hosted-UI callback (the engine shows loading there and signs in).
 */
export function surelySignedOut(config: ResolvedAuthConfig, options: CreateAuthOptions = {}): boolean {
  const clientId = config.userPoolWebClientId;
  if (!clientId || config.storage || config.cookieStorage) return false;
  if (options.sessionEndpoint !== undefined || options.tokenIsolation !== undefined || options.environment !== undefined) return false;
  const page = globalThis as { localStorage?: Storage; location?: { search?: string; hash?: string } };
  if (config.oauth && /[?&#](code|state|error|id_token|access_token)=/.test(`${page.location?.search ?? ''}${page.location?.hash ?? ''}`)) return false;
  try {
    return page.localStorage?.getItem(`CognitoIdentityServiceProvider.${clientId}.LastAuthUser`) === null;
  } catch {
    return false; // storage refused (a sandboxed frame): the engine decides
  }
}
