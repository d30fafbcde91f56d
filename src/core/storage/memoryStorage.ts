import type { StorageLike } from '../config/types';

/** Storage for Node, SSR, tests, and browsers whose localStorage throws (private modes, quotas). */
export class MemoryStorage implements StorageLike {
  readonly #items = new Map<string, string>();

  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
  }

  get length(): number {
    return this.#items.size;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
}
