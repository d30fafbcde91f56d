'use client';
import { useSuspenseQuery, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { AuthError, AwsCredentials, EssentialCredentials } from '../core/index';
import { useAuthEngine } from './context';
import { authQueryKeys } from './queryKeys';
import { NO_DATA } from './suspenseQueries';
import { useAuthQueryClient } from './useAuthQueryClient';
import { useSuspenseAuth } from './useSuspenseAuth';

/** What `useSuspenseCredentials()` returns: `data` is the credentials, or null where `useCredentials` fetches none. */
export type SuspenseCredentialsQueryResult = UseSuspenseQueryResult<(EssentialCredentials & { expiration: Date }) | null, AuthError>;

/**
 * `useCredentials()` for `<Suspense>`: suspends until the engine and the identity pool's credentials
 * are known (same query key and cache as `useCredentials`: the user's, or a guest's). `data` is null,
 * with no request, without an identity pool or for a guest under `mandatorySignIn`.
 */
export function useSuspenseCredentials(): SuspenseCredentialsQueryResult {
  const auth = useAuthEngine();
  const principal = useSuspenseAuth((s) => (s.status === 'signedIn' ? s.user.userId : 'guest'));
  const client = useAuthQueryClient();
  const config = auth.configure();
  const available = config.identityPoolId !== undefined && !(config.mandatorySignIn && principal === 'guest');
  return useSuspenseQuery<AwsCredentials | null, AuthError, (EssentialCredentials & { expiration: Date }) | null>({
    queryKey: authQueryKeys.credentials(available ? principal : NO_DATA),
    queryFn: () => (available ? auth.currentCredentials() : null),
    initialData: available ? undefined : null,
    staleTime: (query) => (query.state.data ? auth.credentialsFreshFor(query.state.data) : Infinity),
    retry: false, // the engine retries what is safe to retry
    select: (credentials) => credentials && { ...auth.essentialCredentials(credentials), expiration: credentials.expiration },
  }, client);
}
