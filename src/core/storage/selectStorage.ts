import type { ResolvedAuthConfig, StorageLike } from '../config/types';
import { CookieStorage } from './cookieStorage';
import { MemoryStorage } from './memoryStorage';

/** The store the config asks for: custom `storage`, cookies, localStorage, or memory as a last resort. */
export function selectStorage(config: ResolvedAuthConfig): StorageLike {
  if (config.storage) return config.storage;
  const doc = (globalThis as { document?: { cookie: string } }).document;
  if (config.cookieStorage && doc) return new CookieStorage(config.cookieStorage, doc);
  return usableWebStorage('localStorage') ?? new MemoryStorage();
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
