import type { IsolationWorker } from '../authOptions';
import type { ResolvedAuthConfig } from '../config/types';
import { authError } from '../normalizeError';
import { hostedUiOrigin } from '../oauth/hostedUiUrls';
import type { FetchLike } from '../transport';
import { isolationWorker, type IsolatedResponse } from './isolationWorker';

type Response = Awaited<ReturnType<FetchLike>>;

const UNAVAILABLE = 'TokenIsolationUnavailable';

/**
 * The page's end of token isolation: requests to the pool's Cognito endpoints go to the worker (which
 * keeps the refresh tokens), everything else (signing keys, identity pool, AWS calls) to `fetch`.
 * Loaded only when `tokenIsolation: 'worker'` is set, at the engine's first request.
 */
export class WorkerChannel {
  readonly #allowed: readonly string[];
  readonly #fetch: FetchLike;
  readonly #start: ((source: string) => IsolationWorker) | undefined;
  #worker: IsolationWorker | undefined;
  #broken: Error | undefined;
  readonly #pending = new Set<(answer: IsolatedResponse | Error) => void>();

  constructor(config: ResolvedAuthConfig, deps: { fetch: FetchLike; startIsolationWorker?: ((source: string) => IsolationWorker) | undefined }) {
    this.#start = deps.startIsolationWorker;
    const allowed = [config.endpoint];
    if (config.oauth) allowed.push(`${hostedUiOrigin(config.oauth)}/oauth2/token`, `${hostedUiOrigin(config.oauth)}/oauth2/revoke`);
    this.#allowed = Object.freeze(allowed);
    this.#fetch = deps.fetch;
  }

  // `init.signal` is not passed on: the transport stops waiting by itself on abort() or a timeout, and
  // the worker's request runs to its end, so a token Cognito already rotated is kept under its handle.
  readonly fetch: FetchLike = (url, init) => {
    if (!this.#allowed.includes(url)) return this.#fetch(url, init);
    const worker = this.#open();
    const { port1, port2 } = new MessageChannel();
    return new Promise<Response>((resolve, reject) => {
      const settle = (answer: IsolatedResponse | Error) => {
        this.#pending.delete(settle);
        port1.close();
        if (answer instanceof Error) {
          reject(answer);
          return;
        }
        if ('failed' in answer) {
          // A network failure reads as fetch's own TypeError, so the transport retries and reports it as usual.
          reject(answer.failed === 'network' ? new TypeError(answer.message) : authError('TokenIsolationRefused', answer.message, 'fetch'));
          return;
        }
        const headers = answer.headers;
        resolve({ ok: answer.ok, status: answer.status, headers: { get: (name) => headers[name.toLowerCase()] ?? null }, text: () => Promise.resolve(answer.text) });
      };
      this.#pending.add(settle);
      port1.onmessage = (event: MessageEvent<IsolatedResponse>) => settle(event.data);
      const request = { url, method: init.method, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) };
      worker.postMessage({ request }, [port2]);
    });
  };

  /** The engine dropped this refresh-token handle (sign-out, a dead session): the worker forgets the token. */
  forget(handle: string): void {
    this.#worker?.postMessage({ forget: handle });
  }

  /** Ends the worker and every token it holds (a new config replaced this one). */
  terminate(): void {
    this.#worker?.terminate();
    this.#broken = authError(UNAVAILABLE, 'Token isolation: this worker was replaced by a new config.', 'fetch');
  }

  #open(): IsolationWorker {
    if (this.#broken) throw this.#broken;
    if (this.#worker) return this.#worker;
    const source = `(${String(isolationWorker)})(self, ${JSON.stringify(this.#allowed)});`;
    if (this.#start) return this.#watch(this.#start(source));
    const scope = globalThis as { Worker?: new (url: string) => IsolationWorker; Blob?: typeof Blob; URL?: typeof URL };
    if (typeof scope.Worker !== 'function' || typeof scope.Blob !== 'function' || typeof scope.URL?.createObjectURL !== 'function') {
      throw (this.#broken = authError(UNAVAILABLE, 'tokenIsolation: "worker" needs Web Workers and Blob URLs, which this environment lacks.', 'fetch'));
    }
    const url = scope.URL.createObjectURL(new scope.Blob([source], { type: 'text/javascript' }));
    // The URL is not revoked: it holds only this source, and a revoke may race the worker's script load.
    try {
      return this.#watch(new scope.Worker(url));
    } catch (cause) {
      throw (this.#broken = authError(UNAVAILABLE, 'The token isolation worker could not be created: allow `worker-src blob:` in the Content-Security-Policy.', 'fetch', { cause }));
    }
  }

  #watch(worker: IsolationWorker): IsolationWorker {
    // A worker whose script cannot run (a CSP without `worker-src blob:`) reports it here, not by throwing.
    worker.onerror = () => this.#fail(authError(UNAVAILABLE, 'The token isolation worker failed to start: allow `worker-src blob:` in the Content-Security-Policy.', 'fetch'));
    return (this.#worker = worker);
  }

  #fail(error: Error): void {
    this.#broken = error;
    this.#worker?.terminate();
    for (const settle of [...this.#pending]) settle(error);
  }
}
