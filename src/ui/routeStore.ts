import type { AuthRoute } from './screen';

/**
 * Which pre-engine screen (sign in, create account, forgot password) the Authenticator shows, kept
 * outside React state so `useAuthenticator` (anywhere under the provider) reads and moves it.
 * `null` until something sets it: the Authenticator then starts at its `initialState`.
 */
export interface RouteStore {
  get: () => AuthRoute | null;
  set: (route: AuthRoute) => void;
  /** The first route, when none is set yet: the Authenticator's `initialState` (no listener is told). */
  init: (route: AuthRoute) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createRouteStore(): RouteStore {
  let route: AuthRoute | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => route,
    set: (next) => {
      if (next === route) return;
      route = next;
      for (const listener of [...listeners]) listener();
    },
    init: (first) => {
      route ??= first;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
