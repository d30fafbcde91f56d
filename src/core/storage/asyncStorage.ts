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
 * (warned once), as `FallbackStorage` does for one that throws.
 */
export class AsyncStorageMirror implements StorageLike {
  readonly primary: AsyncStorageLike;
  readonly #items = new Map<string, string>();
  /** Keys read from the store, or written since: memory has the last word on them. */
  readonly #known = new Set<string>();
  /** Reads already under way (the probe's), by key. */
  readonly #pending = new Map<string, Promise<string | null>>();
  #writes: Promise<void> = Promise.resolve();
  readonly #warn: () => void;

  /** `first`: a read already made of the store (the probe that found it async), so it is not made twice. */
  constructor(primary: AsyncStorageLike, warn: () => void, first?: { key: string; value: PromiseLike<unknown> }) {
    this.primary = primary;
    this.#warn = warn;
    if (first) this.#pending.set(first.key, Promise.resolve(first.value).then(stringOrNull, () => null));
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const text = String(value);
    this.#items.set(key, text);
    this.#known.add(key);
    this.#write(() => this.primary.setItem(key, text));
  }

  removeItem(key: string): void {
    this.#items.delete(key);
    this.#known.add(key);
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

  /**
   * Reads into memory `keys`, and with `getAllKeys` every key starting with `prefix`, unless read or
   * written already. Undefined when there is nothing to read (no wait at all).
   */
  load(keys: readonly string[], prefix?: string): Promise<void> | undefined {
    const listAll = prefix !== undefined && this.primary.getAllKeys !== undefined;
    const wanted = keys.filter((key) => !this.#known.has(key));
    if (!listAll && wanted.length === 0) return undefined;
    return (async () => {
      let all: readonly string[] = [];
      if (listAll) all = await this.primary.getAllKeys!().then((list) => list.filter((key) => key.startsWith(prefix)), () => []);
      const missing = [...new Set([...wanted, ...all])].filter((key) => !this.#known.has(key));
      const values = await this.#read(missing);
      missing.forEach((key, index) => {
        // A write made while the read was in flight is newer than what the read found.
        if (this.#known.has(key)) return;
        this.#known.add(key);
        const value = values[index];
        if (value !== null && value !== undefined) this.#items.set(key, value);
      });
    })();
  }

  async #read(keys: string[]): Promise<(string | null)[]> {
    const fresh = keys.filter((key) => !this.#pending.has(key));
    let batch: Map<string, string | null> = new Map();
    try {
      if (fresh.length > 0 && this.primary.multiGet) {
        batch = new Map((await this.primary.multiGet(fresh)).map(([key, value]) => [key, stringOrNull(value)]));
      } else {
        const values = await Promise.all(fresh.map((key) => Promise.resolve(this.primary.getItem(key)).then(stringOrNull)));
        batch = new Map(fresh.map((key, index) => [key, values[index] ?? null]));
      }
    } catch {
      // A store that cannot be read holds nothing we can use: signed out, and the next write tries it again.
    }
    const values = await Promise.all(keys.map((key) => this.#pending.get(key) ?? batch.get(key) ?? null));
    for (const key of keys) this.#pending.delete(key);
    return values;
  }

  #write(task: () => Promise<void>): void {
    this.#writes = this.#writes.then(task).catch(() => this.#warn());
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
