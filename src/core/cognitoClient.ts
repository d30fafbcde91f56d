import type { ResolvedAuthOptions } from './authOptions';
import type { ResolvedAuthConfig, StorageLike } from './config/types';
import type { WorkerChannel } from './isolation/workerChannel';
import { lazy, type Lazy } from './lazyService';
import { IsolatedStorage } from './storage/isolatedStorage';
import { observeServerTime, ServerClock } from './session/serverClock';
import { createServiceCall, DEFAULT_REQUEST_TIMEOUT_MS, type FetchLike, type ServiceCall } from './transport';

export type CognitoService = 'AWSCognitoIdentityProviderService' | 'AWSCognitoIdentityService';

export type CognitoClientDeps = Pick<ResolvedAuthOptions, 'fetch' | 'now' | 'monotonicNow' | 'timers' | 'random' | 'retry' | 'tokenIsolation' | 'startIsolationWorker'>;

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
  /** `tokenIsolation: 'worker'`: the current config's worker, loaded with its first request. */
  #isolation: Lazy<WorkerChannel> | undefined;

  constructor(deps: CognitoClientDeps) {
    this.#deps = deps;
    this.serverClock = new ServerClock(deps.now, deps.monotonicNow);
    this.fetch = observeServerTime(deps.tokenIsolation ? (url, init) => this.#isolation!.load().then((channel) => channel.fetch(url, init)) : deps.fetch, this.serverClock);
  }

  /**
   * `tokenIsolation: 'worker'`: the in-memory store for `config`'s sessions, whose Cognito requests
   * go through a worker of their own; the previous config's worker ends, with the tokens it held.
   */
  isolate(config: ResolvedAuthConfig): StorageLike {
    this.#isolation?.loaded?.terminate();
    const isolation = (this.#isolation = lazy(() => import('./isolation/workerChannel').then((m) => new m.WorkerChannel(config, this.#deps))));
    return new IsolatedStorage((handle) => isolation.loaded?.forget(handle));
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
