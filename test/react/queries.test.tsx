// @vitest-environment jsdom
import { QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthConfig, AuthError, AuthSession, AuthUser } from '../../src/core/index';
import { authQueryKeys, useCredentials, useSession, useUser } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { trackRequests, type RequestTracker } from '../support/requestTracker';
import { providerSetup, refreshRequests, RenderLog, renderWithProvider, storeSession } from './support';

/** What a component read from a query result during render (react-query notifies only on fields read). */
interface QuerySnapshot<T> {
  status: UseQueryResult<T, AuthError>['status'];
  fetchStatus: UseQueryResult<T, AuthError>['fetchStatus'];
  isSuccess: boolean;
  isFetching: boolean;
  data: T | undefined;
  error: AuthError | null;
}

function identityPool(k: EngineTestKit, extra: Partial<AuthConfig> = {}): Partial<AuthConfig> {
  return { identityPoolId: k.backend.config.identityPool.identityPoolId, identityPoolEndpoint: k.url, ...extra };
}

/** A component that records, on every render, what it read from `useQueryHook()`. */
function recorder<T>(useQueryHook: () => UseQueryResult<T, AuthError>) {
  const log = new RenderLog<QuerySnapshot<T>>();
  function Probe() {
    const { status, fetchStatus, isSuccess, isFetching, data, error } = useQueryHook();
    log.record({ status, fetchStatus, isSuccess, isFetching, data, error });
    return null;
  }
  return { log, Probe };
}

/**
 * Resolves once every request the engine sent is answered, so the backend has logged it: what a
 * "no more requests" count is asserted after. A refetch starts inside the act() of the render that
 * causes it, so it is in flight (and waited for) by the time this is called.
 */
const answered = (requests: RequestTracker) => act(() => requests.idle());

describe('useCredentials', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('cora')) await k.backend.createUser({ username: 'cora', password });
    k.backend.resetCounts();
  });

  it('is the essentialCredentials shape plus expiration, as the identity pool issued them', async () => {
    const k = kit();
    const { log, Probe } = recorder(useCredentials);
    renderWithProvider(<Probe />, providerSetup(k, identityPool(k)));

    await waitFor(() => expect(log.last?.isSuccess).toBe(true));

    const data = log.last!.data!;
    expect(Object.keys(data).sort()).toEqual(['accessKeyId', 'authenticated', 'expiration', 'identityId', 'secretAccessKey', 'sessionToken']);
    const issued = k.backend.credentialsFor(data.accessKeyId);
    expect(issued).toBeDefined();
    // Compared as booleans, so a failure never prints the secret key or session token.
    expect({
      secretAccessKey: data.secretAccessKey === issued!.secretAccessKey,
      sessionToken: data.sessionToken === issued!.sessionToken,
      identityId: data.identityId,
      authenticated: data.authenticated,
      expiration: data.expiration,
    }).toEqual({ secretAccessKey: true, sessionToken: true, identityId: issued!.identityId, authenticated: false, expiration: new Date(issued!.expiration) });
  });

  it('mount, 5 re-renders, unmount, remount within staleTime: 1 GetId and 1 GetCredentialsForIdentity in all', async () => {
    const k = kit();
    const { log, Probe } = recorder(useCredentials);
    const requests = trackRequests();
    const view = renderWithProvider(<Probe />, providerSetup(k, identityPool(k), { fetch: requests.fetch }));
    await waitFor(() => expect(log.last?.isSuccess).toBe(true));
    const first = log.last!.data;

    for (let i = 0; i < 5; i++) view.rerenderWith(<Probe />);
    view.rerenderWith(null);
    await answered(requests);
    view.rerenderWith(<Probe />);
    await answered(requests);

    expect(log.last?.data?.accessKeyId).toBe(first?.accessKeyId);
    await waitFor(() => expect(log.last?.isFetching).toBe(false));
    expect(k.backend.count('GetId')).toBe(1);
    expect(k.backend.count('GetCredentialsForIdentity')).toBe(1);
  });

  it('is fetched again on sign-in and on sign-out: guest → user → guest, each with its own credentials', async () => {
    const k = kit();
    const { log, Probe } = recorder(useCredentials);
    const view = renderWithProvider(<Probe />, providerSetup(k, identityPool(k)));
    await waitFor(() => expect(log.last?.isSuccess).toBe(true));
    const guest = log.last!.data!;

    await act(() => view.engine.signIn('cora', password));
    await waitFor(() => expect(log.last?.data?.authenticated).toBe(true));
    const user = log.last!.data!;

    await act(() => view.engine.signOut());
    await waitFor(() => expect(log.last?.data?.authenticated).toBe(false));
    const guestAgain = log.last!.data!;

    expect(user.identityId).not.toBe(guest.identityId);
    expect(k.backend.credentialsFor(user.accessKeyId)).toMatchObject({ authenticated: true, identityId: user.identityId });
    // Guest again: the guest identity (kept in storage), with credentials fetched after the sign-out.
    expect(guestAgain.identityId).toBe(guest.identityId);
    expect(guestAgain.accessKeyId).not.toBe(guest.accessKeyId);
    expect(k.backend.count('GetCredentialsForIdentity')).toBe(3);
    expect(k.backend.count('GetId')).toBe(2);
  });

  it('after sign-out, the signed-out user’s credentials are no longer in the query cache', async () => {
    const k = kit();
    await storeSession(k, 'cora', password);
    const queryClient = new QueryClient();
    const { log, Probe } = recorder(useCredentials);
    const view = renderWithProvider(<Probe />, { ...providerSetup(k, identityPool(k)), queryClient });
    await waitFor(() => expect(log.last?.data?.authenticated).toBe(true));
    const userId = view.engine.getState().user!.userId;
    const cached = () => queryClient.getQueryData(authQueryKeys.credentials(userId)) !== undefined;
    expect(cached()).toBe(true);

    await act(() => view.engine.signOut());

    expect(cached()).toBe(false);
    // Let the guest credentials that replace them arrive inside this test.
    await waitFor(() => expect(log.last?.data?.authenticated).toBe(false));
  });

  it('with mandatorySignIn, guests never fetch (0 requests, idle); signing in fetches the user’s', async () => {
    const k = kit();
    const { log, Probe } = recorder(useCredentials);
    const requests = trackRequests();
    const view = renderWithProvider(<Probe />, providerSetup(k, identityPool(k, { mandatorySignIn: true }), { fetch: requests.fetch }));
    await answered(requests);
    expect(k.backend.count()).toBe(0);
    expect(log.values.every((result) => result.fetchStatus === 'idle' && result.data === undefined)).toBe(true);

    await act(() => view.engine.signIn('cora', password));
    await waitFor(() => expect(log.last?.data?.authenticated).toBe(true));
    expect(k.backend.count('GetCredentialsForIdentity')).toBe(1);

    await act(() => view.engine.signOut());
    await waitFor(() => expect(log.last).toMatchObject({ fetchStatus: 'idle', data: undefined }));
    await answered(requests);
    expect(k.backend.count('GetCredentialsForIdentity')).toBe(1);
  });
});

describe('useSession and useUser', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('sol')) await k.backend.createUser({ username: 'sol', password, attributes: { email: 'sol@example.com' } });
    k.backend.resetCounts();
  });

  it('useSession is disabled while signed out (idle, no data, no request), then holds the session once signed in', async () => {
    const k = kit();
    const { log, Probe } = recorder<AuthSession>(useSession);
    const requests = trackRequests();
    const view = renderWithProvider(<Probe />, providerSetup(k, {}, { fetch: requests.fetch }));
    await answered(requests);
    expect(log.last).toMatchObject({ fetchStatus: 'idle', status: 'pending', data: undefined });

    await act(() => view.engine.signIn('sol', password));
    await waitFor(() => expect(log.last?.isSuccess).toBe(true));

    const session = await view.engine.currentSession();
    expect(log.last?.data?.accessToken).toBe(session.accessToken);
    expect(log.last?.data?.idToken).toBe(session.idToken);
    expect(k.backend.count()).toBe(1); // the sign-in; the session came from the engine, not from Cognito
  });

  it('useSession shows the new access token after a token refresh, without a manual refetch', async () => {
    const k = kit();
    await storeSession(k, 'sol', password);
    const { log, Probe } = recorder<AuthSession>(useSession);
    const view = renderWithProvider(<Probe />, providerSetup(k));
    await waitFor(() => expect(log.last?.isSuccess).toBe(true));
    const before = log.last!.data!.accessToken;

    k.clock.advance(3_600_000 + 1_000);
    await act(() => view.engine.currentSession());

    await waitFor(() => expect(log.last?.data?.accessToken).not.toBe(before));
    expect(refreshRequests(k)).toBe(1);
    expect(log.last?.data?.accessToken).toBe((await view.engine.currentSession()).accessToken);
  });

  it('useUser fetches fresh attributes with one GetUser and no refetch on re-render', async () => {
    const k = kit();
    await storeSession(k, 'sol', password);
    const { log, Probe } = recorder<AuthUser>(useUser);
    const requests = trackRequests();
    const view = renderWithProvider(<Probe />, providerSetup(k, {}, { fetch: requests.fetch }));

    await waitFor(() => expect(log.last?.isSuccess).toBe(true));
    view.rerenderWith(<Probe />);
    await answered(requests);
    await waitFor(() => expect(log.last?.isFetching).toBe(false));

    expect(log.last?.data).toMatchObject({ username: 'sol', attributes: { email: 'sol@example.com', sub: view.engine.getState().user?.userId } });
    expect(k.backend.count('GetUser')).toBe(1);
  });

  it('useUser shows an attribute changed with updateUserAttributes, without a manual refetch', async () => {
    const k = kit();
    await storeSession(k, 'sol', password);
    function Name() {
      const user = useUser();
      return <p>name: {user.data?.attributes['name'] ?? '(none)'}</p>;
    }
    const view = renderWithProvider(<Name />, providerSetup(k));
    expect(await screen.findByText('name: (none)')).toBeTruthy();

    await act(() => view.engine.updateUserAttributes({ name: 'Sol Updated' }));

    expect(await screen.findByText('name: Sol Updated')).toBeTruthy();
  });

  it('authQueryKeys work with queryClient.invalidateQueries: invalidating the user key fetches it again', async () => {
    const k = kit();
    await storeSession(k, 'sol', password);
    const queryClient = new QueryClient();
    const { log, Probe } = recorder<AuthUser>(useUser);
    renderWithProvider(<Probe />, { ...providerSetup(k), queryClient });
    await waitFor(() => expect(log.last?.isSuccess).toBe(true));
    expect(k.backend.count('GetUser')).toBe(1);
    // Changed at Cognito behind the engine's back: only a refetch can show it.
    const { accessToken } = await k.auth().currentSession();
    await k.backend.call('UpdateUserAttributes', { AccessToken: accessToken, UserAttributes: [{ Name: 'nickname', Value: 'solly' }] });

    // invalidateQueries resolves once the refetch it started has settled.
    await act(() => queryClient.invalidateQueries({ queryKey: authQueryKeys.user() }));

    await waitFor(() => expect(log.last?.data?.attributes['nickname']).toBe('solly'));
    expect(k.backend.count('GetUser')).toBe(2);
    expect(authQueryKeys.user('x')).toEqual([...authQueryKeys.all, 'user', 'x']);
  });
});
