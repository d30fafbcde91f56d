'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createAuth, type Auth, type AuthConfigInput, type CreateAuthOptions } from '../core/index';
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
  const [ownClient] = useState(() => (props.queryClient ? undefined : new QueryClient()));
  const queryClient = props.queryClient ?? ownClient!;

  // Engine events that make cached data stale: new tokens, changed attributes.
  useEffect(() => {
    const stopTokens = auth.listen('tokenRefresh', () => void queryClient.invalidateQueries({ queryKey: authQueryKeys.session() }));
    const stopUser = auth.listen('updateUserAttributes', () => void queryClient.invalidateQueries({ queryKey: authQueryKeys.user() }));
    return () => {
      stopTokens();
      stopUser();
    };
  }, [auth, queryClient]);

  return (
    <AuthContext.Provider value={auth}>
      <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
    </AuthContext.Provider>
  );
}
