'use client';
import { useSuspenseQuery, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { AuthError, AuthSession } from '../core/index';
import { useAuthEngine } from './context';
import { authQueryKeys } from './queryKeys';
import { NO_DATA } from './suspenseQueries';
import { useAuthQueryClient } from './useAuthQueryClient';
import { useSuspenseAuth } from './useSuspenseAuth';

/** What `useSuspenseSession()` returns: `data` is the session, or null when signed out. */
export type SuspenseSessionQueryResult = UseSuspenseQueryResult<AuthSession | null, AuthError>;

/**
 * `useSession()` for `<Suspense>`: suspends until the engine and the session are known, then
 * `data` is the session (same query key and cache as `useSession`), or null when signed out (no
 * request, as `useSession` is disabled then). Errors go to the nearest error boundary.
 */
export function useSuspenseSession(): SuspenseSessionQueryResult {
  const auth = useAuthEngine();
  const principal = useSuspenseAuth((s) => (s.status === 'signedIn' ? s.user.userId : null));
  const client = useAuthQueryClient();
  return useSuspenseQuery<AuthSession | null, AuthError>({
    queryKey: authQueryKeys.session(principal ?? NO_DATA),
    queryFn: () => (principal === null ? null : auth.currentSession()),
    // Signed out: null at once, so signing out never shows the fallback.
    initialData: principal === null ? null : undefined,
    staleTime: (query) => (query.state.data ? auth.sessionFreshFor(query.state.data) : Infinity),
    retry: false, // the engine retries (see useCredentials)
  }, client);
}
