import type { ResolvedAuthOptions } from './authOptions';
import type { ResolvedAuthConfig, StorageLike } from './config/types';
import type { WorkerChannel } from './isolation/workerChannel';
import { IsolatedStorage } from './storage/isolatedStorage';
import { observeServerTime, ServerClock } from './session/serverClock';
import { createServiceCall, DEFAULT_REQUEST_TIMEOUT_MS, type FetchLike, type ServiceCall } from './transport';

export type CognitoService = 'AWSCognitoIdentityProviderService' | 'AWSCognitoIdentityService';

export type CognitoClientDeps = Pick<ResolvedAuthOptions, 'fetch' | 'now' | 'monotonicNow' | 'timers' | 'random' | 'retry' | 'tokenIsolation'>;

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
  #isolation: { config: ResolvedAuthConfig; channel?: Promise<WorkerChannel> } | undefined;

  constructor(deps: CognitoClientDeps) {
    this.#deps = deps;
    this.serverClock = new ServerClock(deps.now, deps.monotonicNow);
    this.fetch = observeServerTime(deps.tokenIsolation ? (url, init) => this.#isolatedFetch(url, init) : deps.fetch, this.serverClock);
  }

  /**
   * `tokenIsolation: 'worker'`: the in-memory store for `config`'s sessions, whose Cognito requests
   * go through a worker of their own; the previous config's worker ends, with the tokens it held.
   */
  isolate(config: ResolvedAuthConfig): StorageLike {
    void this.#isolation?.channel?.then((channel) => channel.terminate(), () => undefined);
    const isolation: { config: ResolvedAuthConfig; channel?: Promise<WorkerChannel> } = { config };
    this.#isolation = isolation;
    return new IsolatedStorage((handle) => void isolation.channel?.then((channel) => channel.forget(handle), () => undefined));
  }

  #isolatedFetch(url: string, init: Parameters<FetchLike>[1]): ReturnType<FetchLike> {
    const isolation = this.#isolation;
    if (!isolation) return this.#deps.fetch(url, init);
    if (!isolation.channel) {
      const loading = import('./isolation/workerChannel').then((m) => new m.WorkerChannel(isolation.config, this.#deps.fetch));
      // A chunk that did not arrive is loaded again by the next request.
      loading.catch(() => isolation.channel === loading && delete isolation.channel);
      isolation.channel = loading;
    }
    return isolation.channel.then((channel) => channel.fetch(url, init));
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
