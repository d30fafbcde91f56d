import type { ResolvedAuthConfig, StorageLike } from '../config/types';
import { AsyncStorageMirror, isThenable, type AsyncStorageLike } from './asyncStorage';
import type { CookieDocument } from './cookieJar';
import type { PageLocation } from './cookieScopes';
import { CookieStorage } from './cookieStorage';
import { FallbackStorage, IN_MEMORY_WARNING } from './fallbackStorage';
import { MemoryStorage } from './memoryStorage';

/**
 * The store the config asks for: custom `storage`, cookies, localStorage, or memory where there is
 * none (Node, SSR). Whatever is chosen falls back to memory, with one warning, once it throws.
 */
export function selectStorage(
  config: ResolvedAuthConfig,
  deps: { now: () => number; warnOnce: (key: string, message: string) => void },
): StorageLike {
  const warn = () => deps.warnOnce('storage-in-memory', IN_MEMORY_WARNING);
  if (config.storage) return customStorage(config, warn);
  const page = globalThis as { document?: CookieDocument; location?: PageLocation };
  if (config.cookieStorage && page.document) {
    const cookies = new CookieStorage(config.cookieStorage, {
      document: page.document,
      now: deps.now,
      warnOnce: deps.warnOnce,
      ...(page.location ? { location: page.location } : {}),
    });
    return new FallbackStorage(cookies, warn);
  }
  let local: StorageLike | undefined;
  try {
    local = (globalThis as { localStorage?: StorageLike }).localStorage;
  } catch {
    // A sandboxed frame throws on access: a browser whose storage is refused, not a server.
    return new FallbackStorage(undefined, warn);
  }
  return local ? new FallbackStorage(local, warn) : new MemoryStorage();
}

/**
 * The app's own store. Whether it is async shows on a first read (of a key restoring reads anyway): a
 * promise means AsyncStorage's shape, kept behind a mirror the engine reads synchronously.
 */
function customStorage(config: ResolvedAuthConfig, warn: () => void): StorageLike {
  const store = config.storage!;
  const key = `CognitoIdentityServiceProvider.${config.userPoolWebClientId ?? ''}.LastAuthUser`;
  let value: unknown;
  try {
    value = store.getItem(key);
  } catch {
    /* FallbackStorage deals with a store that throws */
  }
  if (!isThenable(value)) return new FallbackStorage(store as StorageLike, warn);
  value.then(undefined, () => undefined); // the probe's answer is not needed: the mirror reads again, and a failure is not unhandled
  return new AsyncStorageMirror(store as AsyncStorageLike, warn);
}

/** `localStorage` or `sessionStorage` if present and writable, else undefined. */
export function usableWebStorage(name: 'localStorage' | 'sessionStorage'): StorageLike | undefined {
  try {
    const storage = (globalThis as { localStorage?: StorageLike; sessionStorage?: StorageLike })[name];
    if (!storage) return undefined;
    // Safari private mode and full quotas throw on write, not on access.
    const probe = '__cognito_react_kit_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
