import { MemoryStorage } from './memoryStorage';

/**
 * The session store of `tokenIsolation: 'worker'`: memory only, never shared with other tabs (each
 * tab's worker holds its own refresh token). Dropping a refresh-token handle, as every sign-out and
 * dead session does, tells the worker to forget the token behind it.
 */
export class IsolatedStorage extends MemoryStorage {
  readonly #forget: (handle: string) => void;

  constructor(forget: (handle: string) => void) {
    super();
    this.#forget = forget;
  }

  override setItem(key: string, value: string): void {
    const before = this.getItem(key);
    super.setItem(key, value);
    if (before !== null && before !== value && key.endsWith('.refreshToken')) this.#forget(before);
  }

  override removeItem(key: string): void {
    const before = this.getItem(key);
    super.removeItem(key);
    if (before !== null && key.endsWith('.refreshToken')) this.#forget(before);
  }
}
