import type { FetchLike } from '../transport';

// Device clocks within this of the server's are trusted as they are: the `Date` header has a
// one-second resolution, and an accurate clock should not be "corrected" by network latency.
const TRUSTED_SKEW_MS = 60_000;

/**
 * The server's clock, learnt from the `Date` header of Cognito's responses (exposed to browsers
 * through CORS). The SRP `TIMESTAMP` must be on the server's clock (Cognito refuses one minutes
 * off), and a fresh hosted-UI id token's `exp` is judged against it, so a device whose clock is
 * hours off can still sign in. Token expiry itself uses the drift from `iat` (AuthSession).
 */
export class ServerClock {
  readonly #now: () => number;
  #offsetMs = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Server time in ms: the device clock plus the last measured offset (0 until a `Date` was seen). */
  now = (): number => this.#now() + this.#offsetMs;

  /** Server minus device clock in ms, as last measured (0 when within a minute, or unknown). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  observe(dateHeader: string | null | undefined): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (!Number.isFinite(server)) return;
    const offset = server - this.#now();
    this.#offsetMs = Math.abs(offset) > TRUSTED_SKEW_MS ? offset : 0;
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
