import type { StorageLike } from '../config/types';

/**
 * A store whose methods return promises, in the shape of React Native's AsyncStorage
 * (`@react-native-async-storage/async-storage`): pass it as `storage` as it is, or wrap another
 * async store (expo-secure-store, MMKV, IndexedDB) in these three methods.
 */
export interface AsyncStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  /** Optional: several keys in one call (AsyncStorage has it); else one `getItem` each. */
  multiGet?(keys: readonly string[]): Promise<readonly (readonly [string, string | null])[]>;
  /** Optional: every key (AsyncStorage has it); lets the engine read all of its keys, every user's device keys too, before the first state. */
  getAllKeys?(): Promise<readonly string[]>;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * An async store seen through the engine's synchronous `StorageLike`: reads come from memory, filled
 * by `load` (the hydration before the first state); writes go to memory at once and to the store in
 * order, one at a time, so the store ends as memory is. A store that fails keeps the session in memory
 * (warned once), as `FallbackStorage` does for one that throws. The reading code is a chunk of its
 * own: browsers, whose stores are synchronous, never load it.
 */
export class AsyncStorageMirror implements StorageLike {
  readonly primary: AsyncStorageLike;
  readonly #items = new Map<string, string>();
  /** Keys read from the store, or written since: memory has the last word on them. */
  readonly #known = new Set<string>();
  #writes: Promise<void> = Promise.resolve();
  readonly #warn: () => void;

  constructor(primary: AsyncStorageLike, warn: () => void) {
    this.primary = primary;
    this.#warn = warn;
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const text = String(value);
    this.adopt(key, text, true);
    this.#write(() => this.primary.setItem(key, text));
  }

  removeItem(key: string): void {
    this.adopt(key, null, true);
    this.#write(() => this.primary.removeItem(key));
  }

  /** Removes the keys this engine knows of; the rest of the app's store is not ours to clear. */
  clear(): void {
    for (const key of [...this.#items.keys()]) this.removeItem(key);
  }

  /** Resolves once every write made so far has reached the store (or failed). Never rejects. */
  settled(): Promise<void> {
    return this.#writes;
  }

  /** Whether memory has the last word on `key` (read or written already). */
  has(key: string): boolean {
    return this.#known.has(key);
  }

  /** Takes a value read from the store, unless a write made meanwhile (`force`: this write) is newer. */
  adopt(key: string, value: string | null, force = false): void {
    if (this.#known.has(key) && !force) return;
    this.#known.add(key);
    if (value === null) this.#items.delete(key);
    else this.#items.set(key, value);
  }

  /**
   * Reads into memory `keys`, and with `getAllKeys` every key starting with `prefix`, unless read or
   * written already. Undefined when there is nothing to read (no wait at all).
   */
  load(keys: readonly string[], prefix?: string): Promise<void> | undefined {
    const listAll = prefix !== undefined && this.primary.getAllKeys !== undefined;
    if (!listAll && keys.every((key) => this.#known.has(key))) return undefined;
    return import('./asyncStorageReads').then((m) => m.readInto(this, keys, listAll ? prefix : undefined));
  }

  #write(task: () => Promise<void>): void {
    this.#writes = this.#writes.then(task).catch(() => this.#warn());
  }
}
