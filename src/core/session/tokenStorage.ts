import type { StorageLike } from '../config/types';
import { AuthSession } from './authSession';

/** 30 days: a device clock ±12 h (or a few days) off is real; a stored drift beyond this is not. */
const MAX_DRIFT_SECONDS = 30 * 86_400;

export interface DeviceSecrets {
  deviceKey: string;
  deviceGroupKey: string;
  randomPassword: string;
}

/**
 * Tokens and device keys in the app's storage, under the keys amazon-cognito-identity-js and Amplify (v5 and v6) use,
 * `CognitoIdentityServiceProvider.<clientId>.<username>.<item>`, so a user signed in with Amplify
 * is still signed in after switching to this kit, and back.
 */
export class TokenStorage {
  readonly #storage: StorageLike;
  readonly #prefix: string;

  constructor(storage: StorageLike, clientId: string) {
    this.#storage = storage;
    this.#prefix = `CognitoIdentityServiceProvider.${clientId}`;
  }

  lastAuthUser(): string | null {
    return this.#read(`${this.#prefix}.LastAuthUser`);
  }

  /** The stored session of the last user, or null. Never touches the network. */
  load(_nowMs?: number): { username: string; session: AuthSession } | null {
    const username = this.lastAuthUser();
    if (!username) return null;
    const key = this.#userKey(username);
    const idToken = this.#read(`${key}.idToken`);
    const accessToken = this.#read(`${key}.accessToken`);
    if (!idToken || !accessToken) return null;
    const refreshToken = this.#read(`${key}.refreshToken`) ?? undefined;
    // A missing or corrupt drift would make every expiry check NaN-false. Not recomputed from `iat`
    // here: on stored tokens that measures their age, not the clock skew, so long-expired tokens
    // would look fresh. 0 (trust the device clock, as Amplify v6 does) until the next refresh
    // measures it again.
    // A drift beyond MAX_DRIFT_SECONDS is corruption, not a clock: it would keep expired tokens "valid".
    const storedDrift = Number.parseInt(this.#read(`${key}.clockDrift`) ?? '', 10);
    const clockDrift = Number.isFinite(storedDrift) && Math.abs(storedDrift) <= MAX_DRIFT_SECONDS ? storedDrift : 0;
    return {
      username,
      session: new AuthSession({ idToken, accessToken, clockDrift, ...(refreshToken ? { refreshToken } : {}) }),
    };
  }

  save(username: string, session: AuthSession): void {
    const key = this.#userKey(username);
    this.#write(`${key}.idToken`, session.idToken);
    this.#write(`${key}.accessToken`, session.accessToken);
    if (session.refreshToken) this.#write(`${key}.refreshToken`, session.refreshToken);
    this.#write(`${key}.clockDrift`, String(session.clockDrift));
    this.#write(`${this.#prefix}.LastAuthUser`, username);
  }

  /** Forget the user's tokens; keep its device keys, as amazon-cognito-identity-js does. */
  clear(username: string | null = this.lastAuthUser(), options: { keepLastAuthUser?: boolean } = {}): void {
    if (username) {
      const key = this.#userKey(username);
      for (const item of ['idToken', 'accessToken', 'refreshToken', 'clockDrift', 'userData']) {
        this.#remove(`${key}.${item}`);
      }
    }
    if (!options.keepLastAuthUser) this.#remove(`${this.#prefix}.LastAuthUser`);
  }

  device(username: string): DeviceSecrets | null {
    const key = this.#userKey(username);
    const deviceKey = this.#read(`${key}.deviceKey`);
    const deviceGroupKey = this.#read(`${key}.deviceGroupKey`);
    const randomPassword = this.#read(`${key}.randomPasswordKey`);
    return deviceKey && deviceGroupKey && randomPassword ? { deviceKey, deviceGroupKey, randomPassword } : null;
  }

  saveDevice(username: string, device: DeviceSecrets): void {
    const key = this.#userKey(username);
    this.#write(`${key}.deviceKey`, device.deviceKey);
    this.#write(`${key}.deviceGroupKey`, device.deviceGroupKey);
    this.#write(`${key}.randomPasswordKey`, device.randomPassword);
  }

  clearDevice(username: string): void {
    const key = this.#userKey(username);
    for (const item of ['deviceKey', 'deviceGroupKey', 'randomPasswordKey']) this.#remove(`${key}.${item}`);
  }

  #userKey(username: string): string {
    return `${this.#prefix}.${username}`;
  }

  // Storage may throw (quota, private mode, a broken custom store): a session we cannot persist
  // still works in memory for this page, so reads and writes never throw out of here.
  #read(key: string): string | null {
    try {
      return this.#storage.getItem(key);
    } catch {
      return null;
    }
  }

  #write(key: string, value: string): void {
    try {
      this.#storage.setItem(key, value);
    } catch {
      /* see #read */
    }
  }

  #remove(key: string): void {
    try {
      this.#storage.removeItem(key);
    } catch {
      /* see #read */
    }
  }
}
