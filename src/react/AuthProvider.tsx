'use client';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createAuth, type Auth, type AuthConfigInput, type CreateAuthOptions } from '../core/index';
import { AuthContext } from './context';
import { QueryClientSlot, QueryClientSlotContext } from './queryClientSlot';

interface ProviderBase {
  children?: ReactNode;
  /**
   * Share the app's TanStack QueryClient: the hooks' queries land in its cache, and it is provided to
   * the children (QueryClientProvider). Default: the first query hook makes one, for the hooks only.
   */
  queryClient?: QueryClient;
}

/** Either a config (the provider creates the engine once) or an engine made with `createAuth`. */
export type AuthProviderProps =
  | (ProviderBase & { config: AuthConfigInput; options?: CreateAuthOptions; auth?: never })
  | (ProviderBase & { auth: Auth; config?: never; options?: never });

/** Makes the auth engine available to the hooks and components below it. */
export function AuthProvider(props: AuthProviderProps) {
  // Created once: a later change of `config` is ignored (call auth.configure() to change it).
  const [auth] = useState<Auth>(() => props.auth ?? createAuth(props.config, props.options));
  const [slot] = useState(() => new QueryClientSlot(auth));
  slot.give(props.queryClient);

  // The engine's background work (a pending refresh, a hosted-UI callback, refresh timers) runs
  // while mounted. StrictMode's start → stop → start makes one refresh and one code exchange: the
  // engine keeps its in-flight work across a restart, and the engine built for the discarded
  // render is never started.
  useEffect(() => {
    auth.start();
    return () => auth.stop();
  }, [auth]);

  // The client in use follows the engine's events while mounted (see QueryClientSlot).
  useEffect(() => slot.mount(), [slot, props.queryClient]);

  // The app's own client is provided to the children too; without one, TanStack Query stays unloaded
  // until a query hook asks (so `useQueryClient()` in the app needs the app's QueryClientProvider).
  return (
    <AuthContext.Provider value={auth}>
      <QueryClientSlotContext.Provider value={slot}>
        {props.queryClient ? <QueryClientProvider client={props.queryClient}>{props.children}</QueryClientProvider> : props.children}
      </QueryClientSlotContext.Provider>
    </AuthContext.Provider>
  );
}
