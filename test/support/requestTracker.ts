/**
 * A fetch for engines under test that counts requests at the moment the engine sends them and says
 * when every one has been answered. That is the positive signal to wait for before asserting that
 * nothing more reached the backend: the backend logs a request only once it arrives, so a count read
 * while a request is still on its way proves nothing, however long the test slept first.
 */
import type { FetchLike } from '../../src/core/index';

export interface RequestTracker {
  /** Pass as `CreateAuthOptions.fetch` (every Cognito and hosted-UI request of the engine goes through it). */
  readonly fetch: FetchLike;
  /** Requests sent so far. */
  readonly sent: number;
  /** Requests sent whose response (or failure) has not come back yet. */
  readonly inFlight: number;
  /** Resolves once no request is in flight: at once when none is, else when the last one is answered. */
  idle(): Promise<void>;
}

/** Wraps `base` (the global fetch by default). */
export function trackRequests(base: FetchLike = (url, init) => globalThis.fetch(url, init)): RequestTracker {
  let sent = 0;
  let answered = 0;
  let waiters: (() => void)[] = [];
  const wakeIfIdle = () => {
    if (sent !== answered) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    fetch: async (url, init) => {
      sent += 1;
      try {
        return await base(url, init);
      } finally {
        answered += 1;
        wakeIfIdle();
      }
    },
    get sent() {
      return sent;
    },
    get inFlight() {
      return sent - answered;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        wakeIfIdle();
      }),
  };
}
