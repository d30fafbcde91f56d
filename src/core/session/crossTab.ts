import type { StorageLike } from '../config/types';
import { storageArea } from '../storage/fallbackStorage';
import type { Timers } from '../timers';

interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
  query?(): Promise<{ held?: { name?: string; clientId?: string }[]; pending?: { name?: string }[] }>;
}

/** The lock the tabs of an origin share for refreshing `clientId`'s session. */
export function refreshLockName(clientId: string): string {
  return `cognito-react-kit.refresh.${clientId}`;
}

/** Who holds a cross-tab lock now, and how many tabs wait for it (devtools). */
export interface LockHolder {
  via: 'webLocks' | 'localStorage' | 'none';
  holder: 'none' | 'thisTab' | 'otherTab' | 'someTab';
  waiting: number;
}

/**
 * Who holds the lock `name` (`withCrossTabLock`'s). Web Locks name the holder's client: this tab's id is
 * learnt by holding a lock of its own for a moment. The localStorage stand-in names an owner per claim,
 * not per tab (`someTab`).
 */
export async function lockHolder(name: string): Promise<LockHolder> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks?.query) {
    const probe = `${name}.probe.${Math.random().toString(36).slice(2)}`;
    const [probeClient, state] = await locks.request(probe, async () => {
      const snapshot = await locks.query!();
      return [snapshot.held?.find((lock) => lock.name === probe)?.clientId, snapshot] as const;
    });
    const held = state.held?.find((lock) => lock.name === name);
    const waiting = state.pending?.filter((lock) => lock.name === name).length ?? 0;
    return { via: 'webLocks', holder: !held ? 'none' : probeClient !== undefined && held.clientId === probeClient ? 'thisTab' : 'otherTab', waiting };
  }
  const storage = pageLocalStorage();
  if (!storage) return { via: 'none', holder: 'none', waiting: 0 };
  const { storageLockHeld } = await import('./storageLock');
  return { via: 'localStorage', holder: storageLockHeld(storage, name, Date.now()) ? 'someTab' : 'none', waiting: 0 };
}

/**
 * Run `work` while holding a lock shared by every tab of this origin (Web Locks), so tabs that
 * need a refresh at the same moment refresh once: the others wait, re-read storage, and find the
 * new tokens. `work` learns whether another tab held the lock first (`contended`): then its result
 * may still be on its way into this tab's view of localStorage (Chromium syncs it between
 * processes asynchronously). Where Web Locks are missing (older browsers and web views) a lock kept
 * in localStorage stands in; with neither (Node, storage disabled) it runs at once.
 */
export function withCrossTabLock<T>(
  name: string,
  work: (contended: boolean) => Promise<T>,
  clock: { now: () => number; timers: Timers },
): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks?.request) {
    return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? work(false) : locks.request(name, () => work(true))));
  }
  const storage = pageLocalStorage();
  // Loaded on demand: most browsers have Web Locks.
  return storage ? import('./storageLock').then(({ withStorageLock }) => withStorageLock(storage, name, work, clock)) : work(false);
}

/** The page's localStorage; undefined outside a browser, or where reading it throws (sandboxed frames). */
function pageLocalStorage(): Storage | undefined {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? undefined;
  } catch {
    return undefined;
  }
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
 * `prefix` in `storage`, or clears it. Web Storage says so with storage events; for cookies and
 * custom stores, which fire none, writers announce themselves on a BroadcastChannel
 * (`announceWrite`).
 */
export function watchOtherTabs(storage: StorageLike, prefix: string, onChange: () => void, timers: Timers): () => void {
  let queued = false;
  // One sign-in writes several keys (one event each): react once, after they have all landed.
  const changed = () => {
    if (queued) return;
    queued = true;
    timers.setTimeout(() => {
      queued = false;
      onChange();
    }, 0);
  };
  const area = storageArea(storage);
  const channel = isWebStorage(area) ? undefined : openChannel(prefix);
  const pending = new Set<unknown>();
  if (channel) {
    // The message can arrive before the write is visible here (Chromium syncs localStorage and
    // cookies between processes on their own schedule): look now, and again a little later.
    channel.onmessage = () => {
      changed();
      for (const ms of [100, 1000]) {
        const handle = timers.setTimeout(() => {
          pending.delete(handle);
          changed();
        }, ms);
        pending.add(handle);
      }
    };
  }
  const target = globalThis as {
    addEventListener?: (type: string, fn: (event: StorageEventLike) => void) => void;
    removeEventListener?: (type: string, fn: (event: StorageEventLike) => void) => void;
  };
  const listener = (event: StorageEventLike) => {
    if (event.storageArea !== area) return;
    if (event.key !== null && !event.key.startsWith(prefix)) return;
    changed();
  };
  target.addEventListener?.('storage', listener);
  return () => {
    channel?.close();
    for (const handle of pending) timers.clearTimeout(handle);
    target.removeEventListener?.('storage', listener);
  };
}

/** Tells other tabs watching `prefix` that this one wrote to a store that fires no storage events. */
export function announceWrite(storage: StorageLike, prefix: string): void {
  if (isWebStorage(storageArea(storage))) return; // it fires its own storage events
  const channel = openChannel(prefix);
  if (!channel) return;
  channel.postMessage('changed'); // no token: only "look again"
  channel.close();
}

interface Channel {
  onmessage: (() => void) | null;
  postMessage(message: string): void;
  close(): void;
}

function openChannel(prefix: string): Channel | undefined {
  const Ctor = (globalThis as { BroadcastChannel?: new (name: string) => Channel }).BroadcastChannel;
  try {
    return Ctor ? new Ctor(`cognito-react-kit:${prefix}`) : undefined;
  } catch {
    return undefined;
  }
}

function isWebStorage(area: unknown): boolean {
  const WebStorage = (globalThis as { Storage?: abstract new () => unknown }).Storage;
  return WebStorage !== undefined && area instanceof WebStorage;
}
