import { vi } from 'vitest';
import { RecordingStorage } from './recordingStorage';

type StorageListener = (event: { key: string | null; storageArea?: unknown }) => void;

/**
 * One tab's view of an origin's localStorage, as Chromium keeps it: the tab's own writes land at
 * once; another tab's arrive later, key by key (`delayFor`), each with a storage event. Used with
 * `stubStorageEvents()` and fake timers to deliver a session to a tab in a chosen order.
 */
export class TabStorage extends RecordingStorage {
  readonly #peers: TabStorage[] = [];
  delayFor: (key: string) => number = () => 0;

  static linked(count: number): TabStorage[] {
    const tabs = Array.from({ length: count }, () => new TabStorage());
    for (const tab of tabs) tab.#peers.push(...tabs.filter((other) => other !== tab));
    return tabs;
  }

  override setItem(key: string, value: string): void {
    super.setItem(key, value);
    for (const peer of this.#peers) setTimeout(() => peer.#arrive(key, value), this.delayFor(key));
  }

  override removeItem(key: string): void {
    super.removeItem(key);
    for (const peer of this.#peers) setTimeout(() => peer.#arrive(key, null), this.delayFor(key));
  }

  /** Another tab's write reaching this one (its storage event included), with no echo back. */
  #arrive(key: string, value: string | null): void {
    if (value === null) super.removeItem(key);
    else super.setItem(key, value);
    for (const listener of storageListeners) listener({ key, storageArea: this });
  }
}

const storageListeners = new Set<StorageListener>();

/**
 * Gives Node a window's `storage` events (for `TabStorage`) and no BroadcastChannel, as a browser
 * whose tabs share localStorage. Undo with `vi.unstubAllGlobals()`.
 */
export function stubStorageEvents(): void {
  storageListeners.clear();
  vi.stubGlobal('addEventListener', (type: string, listener: StorageListener) => {
    if (type === 'storage') storageListeners.add(listener);
  });
  vi.stubGlobal('removeEventListener', (_type: string, listener: StorageListener) => {
    storageListeners.delete(listener);
  });
  vi.stubGlobal('BroadcastChannel', undefined);
}
