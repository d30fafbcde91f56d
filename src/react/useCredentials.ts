'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthError, AwsCredentials, EssentialCredentials } from '../core/index';
import { useAuth } from './useAuth';
import { useAuthEngine } from './context';
import { useAuthQueryClient } from './useAuthQueryClient';
import { authQueryKeys } from './queryKeys';

/**
 * AWS credentials from the identity pool (the `essentialCredentials` shape plus `expiration`), as a
 * query: fresh until shortly before they expire, refetched when the user signs in, out or changes,
 * and never fetched for guests when `mandatorySignIn` is on.
 */
/** What `useCredentials()` returns. */
export type CredentialsQueryResult = UseQueryResult<EssentialCredentials & { expiration: Date }, AuthError>;

export function useCredentials(): CredentialsQueryResult {
  const auth = useAuthEngine();
  const client = useAuthQueryClient();
  const status = useAuth((s) => s.status);
  const principal = useAuth((s) => s.user?.userId ?? 'guest');
  const config = auth.configure();
  const enabled =
    status !== 'loading' && config.identityPoolId !== undefined && !(config.mandatorySignIn && status !== 'signedIn');
  return useQuery<AwsCredentials, AuthError, EssentialCredentials & { expiration: Date }>({
    queryKey: authQueryKeys.credentials(principal),
    queryFn: () => auth.currentCredentials(),
    enabled,
    // Fresh until the engine's credentials cache would fetch new ones (its margin, its clock).
    staleTime: (query) => (query.state.data ? auth.credentialsFreshFor(query.state.data) : 0),
    // The engine already retries what is safe to retry (network faults, 5xx; backoff, 3 tries): one layer only.
    retry: false,
    select: (credentials) => ({ ...auth.essentialCredentials(credentials), expiration: credentials.expiration }),
  }, client);
}

