'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthError, AuthSession } from '../core/index';
import { useAuthEngine } from './context';
import { useAuthQueryClient } from './useAuthQueryClient';
import { authQueryKeys } from './queryKeys';
import { useAuth } from './useAuth';

/**
 * The signed-in user's tokens (`idToken`, `accessToken`, …) as a query, refreshed by the engine
 * when they near expiry. Disabled while signed out.
 */
/** What `useSession()` returns. */
export type SessionQueryResult = UseQueryResult<AuthSession, AuthError>;

export function useSession(): SessionQueryResult {
  const auth = useAuthEngine();
  const client = useAuthQueryClient();
  const principal = useAuth((s) => (s.status === 'signedIn' ? s.user.userId : null));
  return useQuery<AuthSession, AuthError>({
    // The provider invalidates this key on every tokenRefresh, so refreshed tokens show up.
    queryKey: authQueryKeys.session(principal ?? 'none'),
    queryFn: () => auth.currentSession(),
    enabled: principal !== null,
    // Fresh until the engine would refresh it (its margin, its clock).
    staleTime: (query) => (query.state.data ? auth.sessionFreshFor(query.state.data) : 0),
    retry: false, // the engine retries (see useCredentials)
  }, client);
}
