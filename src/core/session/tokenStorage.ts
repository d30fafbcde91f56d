import type { StorageLike } from '../config/types';
import { AsyncStorageMirror } from '../storage/asyncStorage';
import { IsolatedStorage } from '../storage/isolatedStorage';
import { AuthSession } from './authSession';
import { issuedFor, type TokenOrigin } from './tokenIssuers';

// A device clock 40 days off is a real device (its drift must be kept); one centuries off is a
// corrupt value that would keep expired tokens "valid" forever.
const MAX_DRIFT_SECONDS = 366 * 86_400;
// The session's pieces, in the order they are written; the stamp goes last.
const SESSION_ITEMS = Object.freeze(['refreshToken', 'idToken', 'accessToken', 'clockDrift'] as const);
// What `load()` and `device()` read of one user.
const USER_ITEMS = Object.freeze([...SESSION_ITEMS, 'sessionStamp', 'deviceKey', 'deviceGroupKey', 'randomPasswordKey']);

export interface StoredSession {
  username: string;
  session: AuthSession;
  /**
   * False while another tab's write is only partly here (its stamp, written last, does not match
   * the pieces yet): a refresh token from such a read may be older than the access token beside it.
   * True when the stamp matches, or when there is none (Amplify and other writers do not stamp).
   */
  complete: boolean;
}

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
  readonly #origin: TokenOrigin | undefined;
  readonly #onWrite: () => void;
  /** An async store's first read (the last user and their keys); undefined once done, or with a synchronous store. */
  #hydrating: Promise<void> | undefined;
  #hydrated = false;

  /**
   * `origin`: when given, tokens issued to another client or by another pool are not loaded (and
   * are removed). `onWrite`: called after each session write or removal (to tell other tabs).
   */
  constructor(storage: StorageLike, clientId: string, options: { origin?: TokenOrigin; onWrite?: () => void } = {}) {
    this.#storage = storage;
    this.#prefix = `CognitoIdentityServiceProvider.${clientId}`;
    this.#origin = options.origin;
    this.#onWrite = options.onWrite ?? (() => undefined);
  }

  /** Token isolation: this tab's memory only, so no other tab shares (or waits on) its session. */
  get tabLocal(): boolean {
    return this.#storage instanceof IsolatedStorage;
  }

  /** The prefix of every key this store writes (for watching other tabs' writes). */
  get prefix(): string {
    return `${this.#prefix}.`;
  }

  /**
   * With an async store: reads into memory what `load()` needs (the last user and their keys; every key
   * of this client where the store lists its keys) and `extraKeys`. Undefined with a synchronous store.
   */
  hydrate(extraKeys: readonly string[] = []): Promise<void> | undefined {
    const mirror = this.#storage;
    if (!(mirror instanceof AsyncStorageMirror)) return undefined;
    // Once read, memory is the store's copy (every write goes through it): only a read under way to wait for.
    if (this.#hydrated) return this.#hydrating;
    this.#hydrated = true;
    const hydrating = (async () => {
      await mirror.load([`${this.#prefix}.LastAuthUser`, ...extraKeys], this.prefix);
      const username = this.lastAuthUser();
      if (username) await mirror.load(this.#userItems(username));
    })().finally(() => {
      if (this.#hydrating === hydrating) this.#hydrating = undefined;
    });
    return (this.#hydrating = hydrating);
  }

  /** With an async store, resolves once `username`'s tokens and device keys are in memory; undefined when they are already. */
  userLoaded(username: string): Promise<void> | undefined {
    const mirror = this.#storage;
    if (!(mirror instanceof AsyncStorageMirror)) return undefined;
    const hydrating = this.#hydrating;
    return hydrating ? hydrating.then(() => mirror.load(this.#userItems(username))) : mirror.load(this.#userItems(username));
  }

  #userItems(username: string): string[] {
    return USER_ITEMS.map((item) => `${this.#userKey(username)}.${item}`);
  }

  lastAuthUser(): string | null {
    return this.#read(`${this.#prefix}.LastAuthUser`);
  }

  /** The stored session of the last user, or null. Never touches the network. */
  load(): StoredSession | null {
    const username = this.lastAuthUser();
    if (!username) return null;
    const key = this.#userKey(username);
    const idToken = this.#read(`${key}.idToken`);
    const accessToken = this.#read(`${key}.accessToken`);
    if (!idToken || !accessToken) return null;
    if (this.#origin && !issuedFor(idToken, accessToken, this.#origin)) {
      this.clear(username);
      return null;
    }
    const refreshToken = this.#read(`${key}.refreshToken`) ?? undefined;
    // A missing or corrupt drift would make every expiry check NaN-false: 0 (trust the device
    // clock, as Amplify v6 does) until the next response measures it. A real one is kept even when
    // large: discarding it would hand out expired tokens (clock behind) or refresh on every load (ahead).
    const storedDrift = Number.parseInt(this.#read(`${key}.clockDrift`) ?? '', 10);
    const clockDrift = Number.isFinite(storedDrift) && Math.abs(storedDrift) <= MAX_DRIFT_SECONDS ? storedDrift : 0;
    const stamp = this.#read(`${key}.sessionStamp`);
    return {
      username,
      session: new AuthSession({ idToken, accessToken, clockDrift, ...(refreshToken ? { refreshToken } : {}) }),
      complete: stamp === null || stamp === sessionStamp(idToken, accessToken, refreshToken),
    };
  }

  /**
   * Writes the session's pieces, then a stamp of them. Another tab reading between two writes sees a
   * stamp that does not match (`complete: false`) rather than a new access token with an old refresh
   * token it might present (with rotation, a reuse that revokes every tab's session).
   */
  save(username: string, session: AuthSession): void {
    const key = this.#userKey(username);
    const values: Record<(typeof SESSION_ITEMS)[number], string | undefined> = {
      refreshToken: session.refreshToken,
      idToken: session.idToken,
      accessToken: session.accessToken,
      clockDrift: String(session.clockDrift),
    };
    for (const item of SESSION_ITEMS) {
      const value = values[item];
      if (value !== undefined) this.#write(`${key}.${item}`, value);
    }
    this.#write(`${this.#prefix}.LastAuthUser`, username);
    this.#write(`${key}.sessionStamp`, sessionStamp(session.idToken, session.accessToken, session.refreshToken ?? this.#read(`${key}.refreshToken`) ?? undefined));
    this.#onWrite();
  }

  /** Forget the user's tokens; keep its device keys, as amazon-cognito-identity-js does. */
  clear(username: string | null = this.lastAuthUser(), options: { keepLastAuthUser?: boolean } = {}): void {
    if (username) {
      const key = this.#userKey(username);
      // The stamp and the tokens that make a session first: a tab reading midway sees no session,
      // never a stamp without its pieces or tokens without their refresh token.
      for (const item of ['sessionStamp', 'accessToken', 'idToken', 'refreshToken', 'clockDrift', 'userData']) this.#remove(`${key}.${item}`);
    }
    if (!options.keepLastAuthUser) this.#remove(`${this.#prefix}.LastAuthUser`);
    this.#onWrite();
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

/** A short fingerprint (FNV-1a, 32 bits) of a session's tokens: tells a whole write from a partial one. */
function sessionStamp(idToken: string, accessToken: string, refreshToken: string | undefined): string {
  let hash = 0x811c9dc5;
  for (const char of `${idToken}\n${accessToken}\n${refreshToken ?? ''}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
