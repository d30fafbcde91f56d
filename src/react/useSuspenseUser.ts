'use client';
import { useSuspenseQuery, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { AuthError, AuthUser } from '../core/index';
import { useAuthEngine } from './context';
import { authQueryKeys } from './queryKeys';
import { NO_DATA } from './suspenseQueries';
import { useAuthQueryClient } from './useAuthQueryClient';
import { useSuspenseAuth } from './useSuspenseAuth';

/** What `useSuspenseUser()` returns: `data` is the user, or null when signed out. */
export type SuspenseUserQueryResult = UseSuspenseQueryResult<AuthUser | null, AuthError>;

/**
 * `useUser()` for `<Suspense>`: suspends until the engine and the user (one GetUser) are known, then
 * `data` is the user (same query key and cache as `useUser`, invalidated after
 * `updateUserAttributes`), or null when signed out, with no request. Errors go to the nearest error boundary.
 */
export function useSuspenseUser(): SuspenseUserQueryResult {
  const auth = useAuthEngine();
  const principal = useSuspenseAuth((s) => (s.status === 'signedIn' ? s.user.userId : null));
  const client = useAuthQueryClient();
  return useSuspenseQuery<AuthUser | null, AuthError>({
    queryKey: authQueryKeys.user(principal ?? NO_DATA),
    queryFn: () => (principal === null ? null : auth.currentAuthenticatedUser({ bypassCache: true })),
    initialData: principal === null ? null : undefined,
    staleTime: principal === null ? Infinity : 5 * 60_000,
    retry: false, // the engine retries (see useCredentials)
  }, client);
}
