import type { StorageLike } from '../config/types';

let warned = false;

/**
 * The configured store until it throws (Safari private mode, a full quota, a broken custom store),
 * then memory for this page: the session keeps working until the page goes, and the developer is
 * told once. Keys written after the switch shadow the store's; the store is still read for the rest.
 */
export class FallbackStorage implements StorageLike {
  /** The wrapped store (undefined: it could not even be reached), for matching `storage` events. */
  readonly primary: StorageLike | undefined;
  /** Set once the store failed: value, or null for "removed here". */
  #memory: Map<string, string | null> | undefined;
  #primaryHidden = false;

  constructor(primary: StorageLike | undefined) {
    this.primary = primary;
    if (!primary) this.#fallBack();
  }

  /** True once writes go to memory. */
  get inMemory(): boolean {
    return this.#memory !== undefined;
  }

  setItem(key: string, value: string): void {
    if (!this.#memory) {
      try {
        this.primary?.setItem(key, value);
        return;
      } catch {
        this.#fallBack();
      }
    }
    this.#memory?.set(key, String(value));
  }

  getItem(key: string): string | null {
    if (this.#memory?.has(key)) return this.#memory.get(key) ?? null;
    if (this.#primaryHidden) return null;
    try {
      return this.primary?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  removeItem(key: string): void {
    this.#memory?.set(key, null);
    try {
      this.primary?.removeItem(key);
    } catch {
      this.#fallBack();
      this.#memory?.set(key, null);
    }
  }

  clear(): void {
    this.#memory?.clear();
    try {
      this.primary?.clear();
    } catch {
      this.#fallBack();
      this.#primaryHidden = true;
    }
  }

  #fallBack(): void {
    if (this.#memory) return;
    this.#memory = new Map();
    if (warned) return;
    warned = true;
    // eslint-disable-next-line no-console -- one notice per page; never includes a key's value
    console.warn('cognito-react-kit: the session storage cannot be written (private mode, quota, or a failing custom store); the session is kept in memory for this page only.');
  }
}

/** The store to match `storage` events against: the wrapped one. */
export function storageArea(storage: StorageLike): unknown {
  return storage instanceof FallbackStorage ? storage.primary : storage;
}
