// Type imports only: a chunk that imports nothing needs no preload list in the start bundle.
import type { AuthenticationResult } from '../flows/context';
import type { authError } from '../normalizeError';
import type { FetchLike } from '../transport';

/** The header every request to the session endpoint carries: a cross-site form cannot set it (CSRF). */
const SESSION_ENDPOINT_HEADER = 'X-CRK-Request';

/**
 * The app's backend-for-frontend (`CreateAuthOptions.sessionEndpoint`, served by
 * `createSessionHandler` from `cognito-react-kit/server`): it keeps the refresh token in an httpOnly
 * cookie, so page scripts never hold it. Loaded on first use: most apps never need it.
 */
export class SessionEndpoint {
  readonly #base: string;
  readonly #fetch: FetchLike;
  readonly #fail: typeof authError;

  constructor(base: string, fetch: FetchLike, fail: typeof authError) {
    this.#base = base.replace(/\/+$/, '');
    this.#fetch = fetch;
    this.#fail = fail;
  }

  /** Hands the sign-in's refresh token to the server (once); the engine keeps no copy. */
  async store(refreshToken: string, source: string): Promise<void> {
    await this.#post('session', { refreshToken }, source);
  }

  /** New id and access tokens from the refresh token in the cookie (the server rotates it), in Cognito's answer shape. */
  async refresh(deviceKey: string | undefined): Promise<{ AuthenticationResult?: AuthenticationResult }> {
    return this.#post('refresh', deviceKey ? { deviceKey } : {}, 'currentSession');
  }

  /** Revokes the refresh token (where the app client allows) and clears the cookie. */
  async signOut(): Promise<void> {
    await this.#post('sign-out', {}, 'signOut');
  }

  async #post(path: string, input: object, source: string): Promise<Record<string, unknown>> {
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await this.#fetch(`${this.#base}/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SESSION_ENDPOINT_HEADER]: '1', 'Cache-Control': 'no-store' },
        body: JSON.stringify(input),
        redirect: 'error',
      });
      text = await response.text();
    } catch (cause) {
      throw this.#fail('NetworkError', `The session endpoint could not be reached (${path}).`, source, { cause });
    }
    let body: Record<string, unknown> = {};
    try {
      body = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      /* not JSON: the status decides below */
    }
    if (response.ok) return body;
    // The handler answers Cognito's error shape, so a revoked refresh token ends the session as it would without it.
    const name = typeof body['__type'] === 'string' ? body['__type'] : `HttpError${response.status}`;
    const message = typeof body['message'] === 'string' ? body['message'] : `The session endpoint answered HTTP ${response.status} (${path}).`;
    throw this.#fail(name, message, source, { statusCode: response.status });
  }
}
