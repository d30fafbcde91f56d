import type { StorageLike } from '../config/types';

/**
 * The configured store until it throws (Safari private mode, a full quota, a broken custom store),
 * then memory for this page: the session keeps working until the page goes, and the developer is
 * told (once per engine, through `warn`). Keys written after the switch shadow the store's; the store is still read for the rest.
 */
export class FallbackStorage implements StorageLike {
  /** The wrapped store (undefined: it could not even be reached), for matching `storage` events. */
  readonly primary: StorageLike | undefined;
  /** Set once the store failed: value, or null for "removed here". */
  #memory: Map<string, string | null> | undefined;
  #primaryHidden = false;

  readonly #warn: () => void;

  constructor(primary: StorageLike | undefined, warn: () => void = warnInMemory) {
    this.primary = primary;
    this.#warn = warn;
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
    this.#warn();
  }
}

export const IN_MEMORY_WARNING =
  'cognito-react-kit: the session storage cannot be written (private mode, quota, or a failing custom store); the session is kept in memory for this page only.';

function warnInMemory(): void {
  // eslint-disable-next-line no-console -- never includes a key's value
  console.warn(IN_MEMORY_WARNING);
}

/** The store to match `storage` events against: the wrapped one. */
export function storageArea(storage: StorageLike): unknown {
  return storage instanceof FallbackStorage ? storage.primary : storage;
}
