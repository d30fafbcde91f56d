import type { StorageLike } from '../config/types';
import { storageArea } from '../storage/fallbackStorage';
import type { Timers } from '../timers';

interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/**
 * Run `work` while holding a lock shared by every tab of this origin (Web Locks), so tabs that
 * need a refresh at the same moment refresh once: the others wait, re-read storage, and find the
 * new tokens. `work` learns whether another tab held the lock first (`contended`): then its result
 * may still be on its way into this tab's view of localStorage (Chromium syncs it between
 * processes asynchronously). Where Web Locks are missing (old browsers, Node) it runs at once.
 */
export function withCrossTabLock<T>(name: string, work: (contended: boolean) => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks?.request) return work(false);
  return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? work(false) : locks.request(name, () => work(true))));
}

/** Poll `read` until it returns something, for at most `timeoutMs` on `clock`. */
export async function waitFor<T>(
  read: () => T | undefined,
  timeoutMs: number,
  clock: { now: () => number; timers: Timers },
  stepMs = 10,
): Promise<T | undefined> {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined || clock.now() >= deadline) return value;
    await new Promise<void>((resolve) => clock.timers.setTimeout(resolve, stepMs));
  }
}

interface StorageEventLike {
  key: string | null;
  storageArea?: unknown;
}

/**
 * Calls `onChange` (coalesced to once per task) when another tab changes a key starting with
 * `prefix` in `storage`, or clears it. Only Web Storage fires these; cookies and custom stores do not.
 */
export function watchOtherTabs(storage: StorageLike, prefix: string, onChange: () => void, timers: Timers): () => void {
  const area = storageArea(storage);
  const target = globalThis as {
    addEventListener?: (type: string, fn: (event: StorageEventLike) => void) => void;
    removeEventListener?: (type: string, fn: (event: StorageEventLike) => void) => void;
  };
  if (!target.addEventListener) return () => undefined;
  let queued = false;
  const listener = (event: StorageEventLike) => {
    if (event.storageArea !== area) return;
    if (event.key !== null && !event.key.startsWith(prefix)) return;
    if (queued) return;
    queued = true;
    // One sign-in writes several keys (one event each): react once, after they have all landed.
    timers.setTimeout(() => {
      queued = false;
      onChange();
    }, 0);
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener?.('storage', listener);
}
