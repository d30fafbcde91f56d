'use client';
import type { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createAuth, type Auth, type AuthConfigInput, type CreateAuthOptions } from '../core/index';
import { EngineProvider } from './EngineProvider';

export interface ProviderBase {
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
  return <EngineProvider auth={auth} queryClient={props.queryClient}>{props.children}</EngineProvider>;
}
