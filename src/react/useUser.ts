'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthError, AuthUser } from '../core/index';
import { useAuthEngine } from './context';
import { useAuthQueryClient } from './useAuthQueryClient';
import { authQueryKeys } from './queryKeys';
import { useAuth } from './useAuth';

/**
 * The signed-in user with attributes fresh from Cognito (one GetUser), as a query; invalidated
 * after `updateUserAttributes`. For the attributes in the id token, with no request, use
 * `useAuth((s) => s.user)`.
 */
/** What `useUser()` returns. */
export type UserQueryResult = UseQueryResult<AuthUser, AuthError>;

export function useUser(): UserQueryResult {
  const auth = useAuthEngine();
  const client = useAuthQueryClient();
  const principal = useAuth((s) => (s.status === 'signedIn' ? s.user.userId : null));
  return useQuery<AuthUser, AuthError>({
    queryKey: authQueryKeys.user(principal ?? 'none'),
    queryFn: () => auth.currentAuthenticatedUser({ bypassCache: true }),
    enabled: principal !== null,
    staleTime: 5 * 60_000,
    retry: false, // the engine retries (see useCredentials)
  }, client);
}
