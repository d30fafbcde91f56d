'use client';
// The provider's TanStack QueryClient, made by the first query hook that needs one. The provider
// itself never imports TanStack Query's client, so an app that renders <AuthProvider> and the
// <Authenticator> but no query hook (useSession, useUser, useCredentials, useAuthAction) does not
// load it at all.
import { createContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Auth, AuthState } from '../core/index';
import { authQueryKeys } from './queryKeys';

export class QueryClientSlot {
  readonly #auth: Auth;
  /** The app's client (the `queryClient` prop), which wins while it is set. */
  #given: QueryClient | undefined;
  /** The client a hook made: kept for the provider's life, so dropping the prop never leaves the hooks without one. */
  #own: QueryClient | undefined;
  #mounted = false;
  /** The client the engine's events are wired to, and how to unwire them. */
  #wired: { client: QueryClient; stop: () => void } | undefined;

  constructor(auth: Auth) {
    this.#auth = auth;
  }

  /** The app's client, set by the provider on every render. */
  give(client: QueryClient | undefined): void {
    this.#given = client;
  }

  /** The client in use: the app's, else the one made (by `make`, once). */
  client(make: () => QueryClient): QueryClient {
    const client = this.#given ?? (this.#own ??= make());
    // A hook that makes the client after the provider mounted wires it here: the wiring belongs to the
    // provider's life (it must drop a signed-out user's data even once no hook is mounted), not the hook's.
    if (this.#mounted) this.#wire(client);
    return client;
  }

  /** While the provider is mounted: the client in use (once there is one) follows the engine. */
  mount(): () => void {
    this.#mounted = true;
    const current = this.#given ?? this.#own;
    if (current) this.#wire(current);
    return () => {
      this.#mounted = false;
      this.#wired?.stop();
      this.#wired = undefined;
    };
  }

  #wire(client: QueryClient): void {
    if (this.#wired?.client === client) return;
    this.#wired?.stop();
    this.#wired = { client, stop: followEngine(this.#auth, client) };
  }
}

/** `useAuthQueryClient`'s way to the provider's slot. */
export const QueryClientSlotContext = createContext<QueryClientSlot | null>(null);

/** Engine events that make cached data stale (new tokens, changed attributes) or someone else's (a new principal). */
function followEngine(auth: Auth, client: QueryClient): () => void {
  const stopTokens = auth.listen('tokenRefresh', () => void client.invalidateQueries({ queryKey: authQueryKeys.session() }));
  const stopUser = auth.listen('updateUserAttributes', () => void client.invalidateQueries({ queryKey: authQueryKeys.user() }));
  // Cached credentials, tokens and attributes belong to one principal. When the user signs in,
  // out or changes, drop them all: a signed-out user's AWS keys must not stay readable in the
  // cache, and the guest credentials cached before a sign-in are ones the engine has dropped.
  let principal = principalOf(auth.getState());
  const stopPrincipal = auth.subscribe(() => {
    const next = principalOf(auth.getState());
    if (next === principal) return;
    principal = next;
    client.removeQueries({ queryKey: authQueryKeys.all });
  });
  return () => {
    stopTokens();
    stopUser();
    stopPrincipal();
  };
}

/** Whose data the cache may hold: the signed-in user's id, or null (guest, loading). */
function principalOf(state: AuthState): string | null {
  return state.status === 'signedIn' ? state.user.userId : null;
}
