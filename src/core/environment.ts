import type { StorageLike } from './config/types';
import { MemoryStorage } from './storage/memoryStorage';
import { usableWebStorage } from './storage/selectStorage';

/**
 * The browser APIs the hosted-UI flow touches, injectable so tests, SSR and native shells can
 * replace them. Defaults use `window.location`, `history` and `sessionStorage` when they exist.
 */
export interface BrowserEnvironment {
  /** Go to a URL (the hosted UI, its logout page). Default `location.assign`. */
  navigate(url: string): void;
  /** The page's current URL, or undefined outside a browser. Default `location.href`. */
  currentUrl(): string | undefined;
  /** Replace the address bar without a navigation. Default `history.replaceState`. */
  replaceUrl(url: string): void;
  /** Survives the redirect to the hosted UI and back, not the tab. Default `sessionStorage`. */
  transientStorage: StorageLike;
}

interface BrowserGlobals {
  location?: { href: string; assign(url: string): void };
  history?: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
}

export function defaultEnvironment(overrides: Partial<BrowserEnvironment> = {}): BrowserEnvironment {
  const globals = globalThis as BrowserGlobals;
  let transientStorage = overrides.transientStorage;
  return {
    navigate:
      overrides.navigate ??
      ((url) => {
        if (!globals.location) throw new Error('No window.location: pass a `navigate` option to createAuth.');
        globals.location.assign(url);
      }),
    currentUrl: overrides.currentUrl ?? (() => globals.location?.href),
    replaceUrl: overrides.replaceUrl ?? ((url) => globals.history?.replaceState(globals.history.state, '', url)),
    // Probed on first use (a hosted-UI redirect or its callback), not at start: the probe's first touch of
    // sessionStorage is a synchronous trip to the browser that would delay the first sign-in form.
    get transientStorage() {
      return (transientStorage ??= usableWebStorage('sessionStorage') ?? new MemoryStorage());
    },
  };
}
