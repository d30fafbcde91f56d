import { MemoryStorage } from '../../src/core/index';
import { registerSecret } from './secrets';

const SECRET_KEY = /\.(idToken|accessToken|refreshToken|randomPasswordKey)$/;

/** Memory storage that registers every token it is given, so the console check knows them all. */
export class RecordingStorage extends MemoryStorage {
  override setItem(key: string, value: string): void {
    if (SECRET_KEY.test(key)) registerSecret(value);
    super.setItem(key, value);
  }

  /** Every key that currently holds a value, sorted (for asserting what is stored). */
  keys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.length; i++) keys.push(this.key(i)!);
    return keys.sort();
  }
}
