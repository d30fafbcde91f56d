import { MemoryStorage } from './memoryStorage';

/**
 * The session store of `tokenIsolation: 'worker'`: memory only, never shared with other tabs (each
 * tab's worker holds its own refresh token). Dropping a refresh-token handle, as every sign-out and
 * dead session does, tells the worker to forget the token behind it.
 */
export class IsolatedStorage extends MemoryStorage {
  constructor(readonly forget: (handle: string) => void) {
    super();
  }

  override setItem(key: string, value: string): void {
    this.#drop(key, value);
    super.setItem(key, value);
  }

  override removeItem(key: string): void {
    this.#drop(key);
    super.removeItem(key);
  }

  #drop(key: string, next?: string): void {
    const before = this.getItem(key);
    if (before !== null && before !== next && key.endsWith('.refreshToken')) this.forget(before);
  }
}
