import type { ResolvedAuthOptions } from './authOptions';
import { observeServerTime, ServerClock } from './session/serverClock';
import { createServiceCall, DEFAULT_REQUEST_TIMEOUT_MS, type FetchLike, type ServiceCall } from './transport';

export type CognitoService = 'AWSCognitoIdentityProviderService' | 'AWSCognitoIdentityService';

export type CognitoClientDeps = Pick<ResolvedAuthOptions, 'fetch' | 'now' | 'monotonicNow' | 'timers' | 'random' | 'retry'>;

/**
 * Every request the engine sends goes through here: one injected fetch, per-attempt timeouts,
 * retries of idempotent calls, one `abort()` for all of them, and the server's clock learnt from
 * Cognito's `Date` headers (SRP TIMESTAMP, hosted-UI token checks).
 */
export class CognitoClient {
  readonly serverClock: ServerClock;
  /** The injected fetch, with every response's `Date` header shown to the server clock. */
  readonly fetch: FetchLike;
  readonly #deps: CognitoClientDeps;
  #aborter = new AbortController();

  constructor(deps: CognitoClientDeps) {
    this.#deps = deps;
    this.serverClock = new ServerClock(deps.now, deps.monotonicNow);
    this.fetch = observeServerTime(deps.fetch, this.serverClock);
  }

  /** The call function of one Cognito service at `endpoint`. */
  service(endpoint: string, service: CognitoService, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): ServiceCall {
    const { timers, retry, random } = this.#deps;
    return createServiceCall({
      endpoint,
      service,
      fetch: this.fetch,
      timeoutMs,
      retry,
      timers,
      random: () => random(1)[0]! / 256,
      signal: () => this.#aborter.signal,
    });
  }

  /** Reject every request in flight with an `AbortError`; later requests run normally. */
  abort(): void {
    const aborter = this.#aborter;
    this.#aborter = new AbortController();
    aborter.abort();
  }
}
