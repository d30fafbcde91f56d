/**
 * Work that every engine on one page must do once, whichever engine asks first: complete a
 * hosted-UI callback (a code can be exchanged only once), refresh with one refresh token (where
 * Web Locks are missing, nothing else stops two engines from both spending it), warn once.
 * Each engine makes its own by default; engines that share a page and a user pool share one
 * through `createAuth(config, { coordinator })`.
 */
export class PageCoordinator {
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #kept = new Map<string, Promise<unknown>>();
  readonly #warned = new Set<string>();

  /** `work()`, unless the same key is already running: then its promise. Forgotten once settled. */
  shareWhileRunning<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = work().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, promise);
    return promise;
  }

  /** `work()` once per key; later callers get the same outcome until `forget` drops it. */
  once<T>(key: string, work: () => Promise<T>): Promise<T> {
    let kept = this.#kept.get(key) as Promise<T> | undefined;
    if (!kept) {
      kept = work();
      this.#kept.set(key, kept);
    }
    return kept;
  }

  /** Drop kept outcomes whose key starts with `prefix`. */
  forget(prefix: string): void {
    for (const key of this.#kept.keys()) if (key.startsWith(prefix)) this.#kept.delete(key);
  }

  /** Tell the developer once per key (never with a token or other value in it). */
  warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    // eslint-disable-next-line no-console -- the kit's few notices for developers
    console.warn(message);
  }
}
