// @vitest-environment jsdom
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useAuthQueryClient } from '../../src/react/useAuthQueryClient';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  authQueryKeys,
  RequireAuth,
  useAuth,
  useAuthAction,
  useAuthEngine,
  useCredentials,
  useSession,
  useUser,
} from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { PASSWORD_AUTH, providerSetup, RenderLog, renderWithProvider, storeSession } from './support';

describe('AuthProvider', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('paula')) await k.backend.createUser({ username: 'paula', password, attributes: { email: 'paula@example.com' } });
    k.backend.resetCounts();
  });

  it('with `config`, creates the engine once: re-renders (even with a new config object) keep the same engine', () => {
    const k = kit();
    // Counts renders (StrictMode would call each twice); strictMode.test.tsx checks one engine under StrictMode.
    const view = renderWithProvider(<p>app</p>, providerSetup(k), { strictMode: false });

    for (let i = 0; i < 3; i++) view.rerenderWith(<p>app {i}</p>, providerSetup(k));

    expect(view.engines.renders).toBe(4);
    expect(new Set(view.engines.values).size).toBe(1);
    expect(screen.getByText('app 2')).toBeTruthy();
  });

  it('with `auth`, hands that very engine to the hooks', () => {
    const k = kit();
    const engine = k.auth({ config: PASSWORD_AUTH });

    // One engine per render, in order: StrictMode would call each render twice.
    const view = renderWithProvider(null, { auth: engine }, { strictMode: false });
    view.rerenderWith(null);

    expect(view.engines.values).toEqual([engine, engine]);
  });

  it('uses the `queryClient` it is given: the hooks’ queries land in that client’s cache', async () => {
    const k = kit();
    await storeSession(k, 'paula', password);
    const queryClient = new QueryClient();
    const clients = new RenderLog<QueryClient>();
    function UserEmail() {
      clients.record(useQueryClient());
      const user = useUser();
      return <p>{user.data?.attributes['email'] ?? 'no user yet'}</p>;
    }

    const view = renderWithProvider(<UserEmail />, { ...providerSetup(k), queryClient });

    expect(await screen.findByText('paula@example.com')).toBeTruthy();
    expect(new Set(clients.values)).toEqual(new Set([queryClient]));
    const userId = view.engine.getState().user?.userId ?? '';
    expect(queryClient.getQueryData(authQueryKeys.user(userId))).toMatchObject({ username: 'paula', userId });
  });

  it('without `queryClient`, makes its own, one per provider, kept across re-renders', () => {
    const k = kit();
    const clients = new RenderLog<QueryClient>();
    function Client() {
      clients.record(useAuthQueryClient()); // what useSession / useUser / useCredentials / useAuthAction use
      return null;
    }
    const elsewhere = new QueryClient();

    // Counts renders: StrictMode would call each twice.
    const first = renderWithProvider(<Client />, providerSetup(k), { strictMode: false });
    first.rerenderWith(<Client />);
    renderWithProvider(<Client />, providerSetup(k), { strictMode: false });

    expect(clients.renders).toBe(3);
    const [a, b, c] = clients.values;
    expect(a).toBeInstanceOf(QueryClient);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a).not.toBe(elsewhere);
  });

  it('without `queryClient`, provides no client to the app (TanStack Query stays unloaded until a query hook asks): the app’s own queries need its own QueryClientProvider', () => {
    const k = kit();
    let said = '';
    function AppQuery() {
      try {
        useQueryClient();
      } catch (error) {
        said = (error as Error).message;
      }
      return null;
    }
    renderWithProvider(<AppQuery />, providerSetup(k), { strictMode: false });
    expect(said).toMatch(/No QueryClient set/);
  });

  it('the client a hook made still drops a signed-out user’s cached data after every hook unmounted', async () => {
    const k = kit();
    await storeSession(k, 'paula', password);
    let client: QueryClient | undefined;
    function UserEmail() {
      client = useAuthQueryClient();
      const user = useUser();
      return <p>{user.data?.attributes['email'] ?? 'no user yet'}</p>;
    }
    const view = renderWithProvider(<UserEmail />, providerSetup(k));
    expect(await screen.findByText('paula@example.com')).toBeTruthy();
    expect(client?.getQueryCache().findAll({ queryKey: authQueryKeys.all }).length).toBeGreaterThan(0);

    view.rerenderWith(null); // no query hook mounted any more; the provider stays
    await view.engine.signOut();

    await waitFor(() => expect(client?.getQueryCache().findAll({ queryKey: authQueryKeys.all })).toEqual([]));
  });

  describe('outside a provider', () => {
    let errors: ReturnType<typeof vi.spyOn>;
    // React also reports the render error (console.error; React 18 through jsdom's window error
    // event): the thrown error asserted below is what matters, so keep the output quiet.
    const quiet = (event: ErrorEvent) => event.preventDefault();
    beforeEach(() => {
      errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      window.addEventListener('error', quiet);
    });
    afterEach(() => {
      errors.mockRestore();
      window.removeEventListener('error', quiet);
    });

    const hooks: [string, () => ReactNode][] = [
      ['useAuthEngine', () => void useAuthEngine()],
      ['useAuth', () => void useAuth()],
      ['useAuth(selector)', () => void useAuth((s) => s.status)],
      ['useAuthAction', () => void useAuthAction('signIn')],
      ['useCredentials', () => void useCredentials()],
      ['useSession', () => void useSession()],
      ['useUser', () => void useUser()],
    ];

    it.each(hooks)('%s throws an error that names AuthProvider', (_name, useHook) => {
      function Orphan() {
        useHook();
        return null;
      }
      expect(() => render(<Orphan />)).toThrow(/<AuthProvider>/);
    });

    it('<RequireAuth> throws an error that names AuthProvider', () => {
      expect(() => render(<RequireAuth>secret</RequireAuth>)).toThrow(/<AuthProvider>/);
    });
  });

  it('after unmounting, engine events no longer reach the provider’s query client', async () => {
    const k = kit();
    await storeSession(k, 'paula', password);
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const view = renderWithProvider(null, { ...providerSetup(k), queryClient });
    const engine = view.engine;

    await engine.updateUserAttributes({ name: 'Paula' });
    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(1));
    view.unmount();
    await engine.updateUserAttributes({ name: 'Paula P.' });

    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
