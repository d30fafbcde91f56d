'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createAuth, type Auth, type AuthConfigInput, type AuthState, type CreateAuthOptions } from '../core/index';
import { AuthContext } from './context';
import { authQueryKeys } from './queryKeys';

interface ProviderBase {
  children?: ReactNode;
  /** Share the app's TanStack QueryClient. Default: the provider makes its own. */
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
  // Made even when one is passed, so dropping the prop later cannot leave the hooks without a client.
  const [ownClient] = useState(() => new QueryClient());
  const queryClient = props.queryClient ?? ownClient;

  // The engine's background work (a pending refresh, a hosted-UI callback, refresh timers) runs
  // while mounted. StrictMode's start → stop → start makes one refresh and one code exchange: the
  // engine keeps its in-flight work across a restart, and the engine built for the discarded
  // render is never started.
  useEffect(() => {
    auth.start();
    return () => auth.stop();
  }, [auth]);

  // Engine events that make cached data stale: new tokens, changed attributes.
  useEffect(() => {
    const stopTokens = auth.listen('tokenRefresh', () => void queryClient.invalidateQueries({ queryKey: authQueryKeys.session() }));
    const stopUser = auth.listen('updateUserAttributes', () => void queryClient.invalidateQueries({ queryKey: authQueryKeys.user() }));
    // Cached credentials, tokens and attributes belong to one principal. When the user signs in,
    // out or changes, drop them all: a signed-out user's AWS keys must not stay readable in the
    // cache, and the guest credentials cached before a sign-in are ones the engine has dropped.
    let principal = principalOf(auth.getState());
    const stopPrincipal = auth.subscribe(() => {
      const next = principalOf(auth.getState());
      if (next === principal) return;
      principal = next;
      queryClient.removeQueries({ queryKey: authQueryKeys.all });
    });
    return () => {
      stopTokens();
      stopUser();
      stopPrincipal();
    };
  }, [auth, queryClient]);

  return (
    <AuthContext.Provider value={auth}>
      <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
    </AuthContext.Provider>
  );
}

/** Whose data the cache may hold: the signed-in user's id, or null (guest, loading). */
function principalOf(state: AuthState): string | null {
  return state.status === 'signedIn' ? state.user.userId : null;
}
