import { PoolKeys, type FetchLike } from '../core/index';

// A key set that does not come within this long fails the verification (no verdict), not the server.
const FETCH_TIMEOUT_MS = 10_000;

export interface SigningKeysOptions {
  fetch: FetchLike;
  now: () => number;
  /** How long after a fetch of the key set an unknown `kid` may not fetch it again, in seconds. */
  cooldownSeconds: number;
  /** How long a fetched key set is trusted before it is fetched again, in seconds. */
  maxAgeSeconds: number;
}

/**
 * The user pool's signing keys for a long-running server: the engine's {@link PoolKeys} (fetched
 * once, one request shared by concurrent callers, a failure not remembered, a re-fetch when a token
 * names an unknown `kid`), plus two limits a browser tab does not need:
 * - a re-fetch for an unknown `kid` happens at most once per cooldown: tokens with made-up key ids
 *   would otherwise make every request fetch the key set, and the server a relay for flooding it;
 * - the set is dropped after its maximum age, so a key the pool stopped publishing stops verifying.
 */
export class SigningKeys {
  readonly #options: SigningKeysOptions;
  #keys: PoolKeys;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #lastBody: string | undefined;
  #inFlight: Promise<string | undefined> | undefined;

  constructor(options: SigningKeysOptions) {
    this.#options = options;
    this.#keys = this.#fresh();
  }

  /** The cache the engine's signature check reads (verifyIdTokenSignature). */
  get keys(): PoolKeys {
    if (this.#options.now() - this.#fetchedAt > this.#options.maxAgeSeconds * 1000 && this.#lastBody !== undefined) {
      this.#lastBody = undefined;
      this.#keys = this.#fresh();
    }
    return this.#keys;
  }

  #fresh(): PoolKeys {
    return new PoolKeys((url, init) => this.#fetch(url, init));
  }

  /** The network (one request for concurrent callers), or the last key set again while the cooldown lasts. */
  async #fetch(url: string, init: Parameters<FetchLike>[1]): ReturnType<FetchLike> {
    const body = this.#lastBody;
    if (body !== undefined && this.#options.now() - this.#fetchedAt < this.#options.cooldownSeconds * 1000) return replay(body);
    this.#inFlight ??= this.#download(url, init).finally(() => (this.#inFlight = undefined));
    const text = await this.#inFlight;
    return text === undefined ? { ok: false, status: 502, headers: new Headers(), text: () => Promise.resolve('') } : replay(text);
  }

  /** The key set's text, or undefined for an HTTP error; a network error throws. */
  async #download(url: string, init: Parameters<FetchLike>[1]): Promise<string | undefined> {
    const response = await this.#options.fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return undefined;
    const text = await response.text();
    this.#lastBody = text;
    this.#fetchedAt = this.#options.now();
    return text;
  }
}

function replay(text: string): Awaited<ReturnType<FetchLike>> {
  return { ok: true, status: 200, headers: new Headers(), text: () => Promise.resolve(text) };
}
