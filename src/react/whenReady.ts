import type { Auth, AuthState } from '../core/index';

/** The engine's state once it knows whether someone is signed in: anything but `loading`. */
export type SettledAuthState = Exclude<AuthState, { status: 'loading' }>;

/** A promise React's `use()` can read without suspending once it has settled (the thenable fields React sets itself). */
type TrackedPromise<T> = Promise<T> & { status?: 'fulfilled'; value?: T };

const pending = new WeakMap<Auth, Promise<SettledAuthState>>();
const settled = new WeakMap<SettledAuthState, Promise<SettledAuthState>>();

/**
 * Resolves with the engine's state as soon as it is not `loading` (a stored session restored or
 * refreshed, a hosted-UI callback completed). The same promise while loading, and one per settled
 * state, so React 19's `use(whenReady(auth))` gets a stable promise across renders. While waiting it
 * keeps the engine running (as a subscriber does), so the wait cannot outlast a stopped engine.
 * A function beside the engine, not an `Auth` method: bundles that never call it do not carry it.
 */
export function whenReady(auth: Auth): Promise<SettledAuthState> {
  const state = auth.getState();
  if (state.status !== 'loading') return settledPromise(state);
  let promise = pending.get(auth);
  if (promise) return promise;
  let done = false;
  promise = new Promise<SettledAuthState>((resolve) => {
    let stop: (() => void) | undefined = undefined;
    const check = (): void => {
      const now = auth.getState();
      if (done || now.status === 'loading') return;
      done = true;
      pending.delete(auth);
      stop?.();
      resolve(now);
    };
    stop = auth.subscribe(check);
    if (done) stop(); // starting the engine settled it at once
    else check();
  });
  if (!done) pending.set(auth, promise);
  return promise;
}

function settledPromise(state: SettledAuthState): Promise<SettledAuthState> {
  let promise = settled.get(state);
  if (!promise) {
    const tracked: TrackedPromise<SettledAuthState> = Promise.resolve(state);
    // Marked as React marks a promise it has seen fulfil: use() returns the state without suspending.
    tracked.status = 'fulfilled';
    tracked.value = state;
    promise = tracked;
    settled.set(state, promise);
  }
  return promise;
}
