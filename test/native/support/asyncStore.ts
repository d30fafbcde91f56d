import type { AsyncStorageLike } from '../../../src/core/index';
import { registerSecret } from '../../support/secrets';

const SECRET_KEY = /\.(idToken|accessToken|refreshToken|randomPasswordKey)$/;

/**
 * A store in the shape of React Native's AsyncStorage: every method answers later, on a timer, and
 * later calls answer sooner than earlier ones (delays cycle 9 ms, 8 ms, … 1 ms), so writes the engine
 * did not serialise would land out of order.
 */
export class AsyncStore implements AsyncStorageLike {
  readonly items = new Map<string, string>();
  /** Every call, in the order made: `get key`, `set key`, `remove key`, `multiGet n`, `getAllKeys`. */
  readonly calls: string[] = [];
  /** The calls in the order they took effect. */
  readonly landed: string[] = [];
  /** When set, writes fail (a full disk, a broken native module). */
  failWrites = false;
  #count = 0;

  constructor(options: { multiGet?: boolean; getAllKeys?: boolean } = {}) {
    if (options.multiGet) {
      this.multiGet = (keys) => this.#later(`multiGet ${keys.length}`, () => keys.map((key) => [key, this.items.get(key) ?? null] as const));
    }
    if (options.getAllKeys) this.getAllKeys = () => this.#later('getAllKeys', () => [...this.items.keys()]);
  }

  multiGet?: AsyncStorageLike['multiGet'];
  getAllKeys?: AsyncStorageLike['getAllKeys'];

  getItem(key: string): Promise<string | null> {
    return this.#later(`get ${key}`, () => this.items.get(key) ?? null);
  }

  setItem(key: string, value: string): Promise<void> {
    return this.#later(`set ${key}`, () => {
      if (this.failWrites) throw new Error('disk full');
      if (SECRET_KEY.test(key)) registerSecret(value);
      this.items.set(key, value);
    });
  }

  removeItem(key: string): Promise<void> {
    return this.#later(`remove ${key}`, () => {
      if (this.failWrites) throw new Error('disk full');
      this.items.delete(key);
    });
  }

  #later<T>(call: string, answer: () => T): Promise<T> {
    this.calls.push(call);
    const delay = 9 - (this.#count++ % 9);
    return new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          const result = answer();
          this.landed.push(call);
          resolve(result);
        } catch (error) {
          reject(error as Error);
        }
      }, delay),
    );
  }
}
