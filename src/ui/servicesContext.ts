'use client';
import { createContext, useCallback, useContext, type RefObject } from 'react';
import { useAuthEngine } from '../react/context';
import { defaultService, type AuthenticatorServices, type ServiceName } from './services';

/** The Authenticator's `services` prop, read at call time (an inline object each render changes nothing). */
export const ServicesContext = /* @__PURE__ */ createContext<RefObject<Partial<AuthenticatorServices> | undefined> | null>(null);

/** The app's override of `name` under an Authenticator with `services`, else the engine's call. Stable across renders. */
export function useService<K extends ServiceName>(name: K): AuthenticatorServices[K] {
  const auth = useAuthEngine();
  const overrides = useContext(ServicesContext);
  const call = useCallback(
    (...args: Parameters<AuthenticatorServices[K]>): ReturnType<AuthenticatorServices[K]> => {
      const service = (overrides?.current?.[name] ?? defaultService(auth, name)) as (...a: Parameters<AuthenticatorServices[K]>) => ReturnType<AuthenticatorServices[K]>;
      return service(...args);
    },
    [auth, overrides, name],
  );
  // TypeScript cannot see a generic Parameters/ReturnType pair as the function type it came from.
  return call as unknown as AuthenticatorServices[K];
}

/** Whether the app overrides `name` (so the Authenticator asks it rather than reading the engine). */
export function useOverride<K extends ServiceName>(name: K): AuthenticatorServices[K] | undefined {
  return useContext(ServicesContext)?.current?.[name];
}
