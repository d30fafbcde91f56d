interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Run `work` while holding a lock shared by every tab of this origin (Web Locks), so tabs that
 * need a refresh at the same moment refresh once: the others wait, re-read storage, and find the
 * new tokens. Where Web Locks are missing (old browsers, Node) it runs at once; re-reading storage
 * first still catches most of what another tab already did.
 */
export function withCrossTabLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks?.request ? locks.request(name, work) : work();
}

interface StorageEventLike {
  key: string | null;
  storageArea?: unknown;
}

/**
 * Calls `onChange` (coalesced to once per task) when another tab changes a key starting with
 * `prefix` in `storage`, or clears it. Only Web Storage fires these; cookies and custom stores do not.
 */
export function watchOtherTabs(storage: unknown, prefix: string, onChange: () => void): () => void {
  const target = globalThis as { addEventListener?: (type: string, fn: (event: StorageEventLike) => void) => void; removeEventListener?: (type: string, fn: (event: StorageEventLike) => void) => void };
  if (!target.addEventListener) return () => undefined;
  let queued = false;
  const listener = (event: StorageEventLike) => {
    if (event.storageArea !== storage) return;
    if (event.key !== null && !event.key.startsWith(prefix)) return;
    if (queued) return;
    queued = true;
    // One sign-in writes several keys (one event each): react once, after they have all landed.
    setTimeout(() => {
      queued = false;
      onChange();
    }, 0);
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener?.('storage', listener);
}
