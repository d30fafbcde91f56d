import type { FetchLike } from '../transport';

// Device clocks within this of the server's are trusted as they are: the `Date` header has a
// one-second resolution, and an accurate clock should not be "corrected" by network latency.
const TRUSTED_SKEW_MS = 60_000;

/**
 * The server's clock, learnt from the `Date` header of Cognito's responses (exposed to browsers
 * through CORS) and carried forward on a monotonic clock: a device clock that is changed afterwards
 * (an NTP correction, a user setting the date) does not move it. The SRP `TIMESTAMP` is stamped with
 * it, and token expiry is judged on it once a response has been seen in this page.
 */
export class ServerClock {
  readonly #now: () => number;
  readonly #monotonic: () => number;
  /** Server time at the last `Date` seen, and the monotonic clock then. */
  #anchor: { server: number; monotonic: number } | undefined;

  constructor(now: () => number, monotonic: () => number = now) {
    this.#now = now;
    this.#monotonic = monotonic;
  }

  /**
   * Server time in ms for stamps the server checks loosely (the SRP `TIMESTAMP`): the device clock
   * while it is within a minute of the server's, or until a `Date` was seen.
   */
  now = (): number => {
    const device = this.#now();
    const server = this.measuredNow();
    return server !== undefined && Math.abs(server - device) > TRUSTED_SKEW_MS ? server : device;
  };

  /** Server time in ms as measured (token expiry: a minute matters there), or undefined while no `Date` has been seen. */
  measuredNow = (): number | undefined => {
    const anchor = this.#anchor;
    return anchor && anchor.server + (this.#monotonic() - anchor.monotonic);
  };

  /** What `now()` adds to the device clock, in ms (0 while unknown or within a minute). */
  get offsetMs(): number {
    return this.now() - this.#now();
  }

  observe(dateHeader: string | null | undefined): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (!Number.isFinite(server)) return;
    // `Date` has whole seconds: up to a second behind, which every refresh margin covers.
    this.#anchor = { server, monotonic: this.#monotonic() };
  }
}

/** `fetch` that shows every response's `Date` header to `clock`. */
export function observeServerTime(fetch: FetchLike, clock: ServerClock): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    try {
      clock.observe(response.headers?.get('date'));
    } catch {
      /* a stub without headers: keep the device clock */
    }
    return response;
  };
}
