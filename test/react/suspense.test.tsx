// @vitest-environment jsdom
// The Suspense hooks in the DOM, on React 19 (`default` project) and React 18 (`react18`), against
// the real test backend: the nearest <Suspense> shows its fallback while the engine or a query is
// loading, then the data; sign-in and sign-out switch between the user and null; a failed read
// reaches the nearest error boundary as a typed AuthError.
import { act, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { Component, Suspense, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type AuthConfig } from '../../src/core/index';
import { useAuthEngine, useSession, whenReady, type SettledAuthState, useSuspenseAuth, useSuspenseCredentials, useSuspenseSession, useSuspenseUser } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { createFaultInjector } from '../backend/faults';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { heldFetch, Provider, providerSetup, RenderLog, renderWithProvider, storeSession } from './support';

const HOUR = 3_600_000;

/** Records every error it catches and shows the last one's name. */
class Boundary extends Component<{ log: RenderLog<unknown>; children?: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown) {
    this.props.log.record(error);
  }
  override render() {
    return this.state.error ? <p>boundary: {(this.state.error as Error).name}</p> : this.props.children;
  }
}

/** A fallback that counts how often it rendered. */
function fallback(log: RenderLog<string>) {
  function Fallback() {
    log.record('fallback');
    return <p>fallback</p>;
  }
  return <Fallback />;
}

function identityPool(k: EngineTestKit): Partial<AuthConfig> {
  return { identityPoolId: k.backend.config.identityPool.identityPoolId, identityPoolEndpoint: k.url };
}

describe('Suspense hooks', () => {
  const faults = createFaultInjector();
  const kit = useEngineBackend({ intercept: faults.intercept });
  const password = strongPassword();
  afterEach(() => faults.disarm());

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('suki')) await k.backend.createUser({ username: 'suki', password, attributes: { email: 'suki@example.com' } });
    k.backend.resetCounts();
  });

  it('useSuspenseAuth suspends while a stored session is refreshed (fallback shown), then renders signedIn, never loading', async () => {
    const k = kit();
    await storeSession(k, 'suki', password);
    k.clock.advance(2 * HOUR); // stored tokens expired: the engine is loading until its refresh answers
    const held = heldFetch();
    const seen = new RenderLog<string>();
    function Status() {
      const status = useSuspenseAuth((s) => `${s.status}:${s.user?.username ?? '-'}`);
      seen.record(status);
      return <p>status: {status}</p>;
    }
    const fallbacks = new RenderLog<string>();

    renderWithProvider(<Suspense fallback={fallback(fallbacks)}><Status /></Suspense>, providerSetup(k, {}, { fetch: held.fetch }));

    await waitFor(() => expect(held.started()).toBe(1)); // the refresh is on its way, held
    expect(screen.getByText('fallback')).toBeTruthy();
    expect(seen.renders).toBe(0);
    held.release();
    expect(await screen.findByText('status: signedIn:suki')).toBeTruthy();
    expect(screen.queryByText('fallback')).toBeNull();
    expect(new Set(seen.values)).toEqual(new Set(['signedIn:suki']));
  });

  it('useSuspenseAuth renders a signed-out engine at once, with no fallback and no request', async () => {
    const k = kit();
    const fallbacks = new RenderLog<string>();
    function Status() {
      return <p>status: {useSuspenseAuth().status}</p>;
    }

    renderWithProvider(<Suspense fallback={fallback(fallbacks)}><Status /></Suspense>, providerSetup(k));

    expect(screen.getByText('status: signedOut')).toBeTruthy();
    expect(fallbacks.renders).toBe(0);
    expect(k.backend.count()).toBe(0);
  });

  it('useSuspenseUser: fallback during GetUser, then the user; sign-out shows null with no fallback; sign-in suspends for the new user', async () => {
    const k = kit();
    await storeSession(k, 'suki', password);
    k.backend.resetCounts();
    const fallbacks = new RenderLog<string>();
    function Who() {
      const { data } = useSuspenseUser();
      return <p>user: {data === null ? 'signed out' : `${data.username} ${data.attributes['email']}`}</p>;
    }

    const view = renderWithProvider(<Suspense fallback={fallback(fallbacks)}><Who /></Suspense>, providerSetup(k));

    expect(screen.getByText('fallback')).toBeTruthy();
    expect(await screen.findByText('user: suki suki@example.com')).toBeTruthy();
    expect(k.backend.count('GetUser')).toBe(1);
    const fallbacksBefore = fallbacks.renders;

    await act(() => view.engine.signOut());
    expect(screen.getByText('user: signed out')).toBeTruthy();
    expect(fallbacks.renders).toBe(fallbacksBefore); // null at once: nothing to wait for
    expect(k.backend.count('GetUser')).toBe(1);

    await act(() => view.engine.signIn('suki', password));
    expect(await screen.findByText('user: suki suki@example.com')).toBeTruthy();
    expect(k.backend.count('GetUser')).toBe(2); // the new sign-in's user, not the cached one
  });

  it('useSuspenseSession shares useSession’s query: the same session object, no request', async () => {
    const k = kit();
    await storeSession(k, 'suki', password);
    k.backend.resetCounts();
    const sessions = new RenderLog<unknown>();
    function Both() {
      const suspended = useSuspenseSession().data;
      const plain = useSession().data;
      sessions.record(plain === suspended);
      return <p>token: {suspended ? 'yes' : 'none'}</p>;
    }

    const view = renderWithProvider(<Suspense fallback={<p>fallback</p>}><Both /></Suspense>, providerSetup(k));

    expect(await screen.findByText('token: yes')).toBeTruthy();
    expect(sessions.last).toBe(true);
    expect((await view.engine.currentSession()).accessToken).toBeTruthy();
    expect(k.backend.count()).toBe(0);
  });

  it('a failed read reaches the nearest error boundary as a typed AuthError', async () => {
    const k = kit();
    await storeSession(k, 'suki', password);
    faults.arm({ kind: 'tooManyRequests', operation: 'GetUser', times: 1_000 }); // surfaced, never retried nor a sign-out
    const caught = new RenderLog<unknown>();
    function Who() {
      return <p>user: {useSuspenseUser().data?.username}</p>;
    }

    renderWithProvider(
      <Boundary log={caught}>
        <Suspense fallback={<p>fallback</p>}><Who /></Suspense>
      </Boundary>,
      providerSetup(k),
      { strictMode: false }, // React logs a caught error once per render attempt; one attempt keeps the log exact
    );

    expect(await screen.findByText(/^boundary: /)).toBeTruthy();
    expect(caught.last).toBeInstanceOf(AuthError);
    expect((caught.last as AuthError).name).toBe('TooManyRequestsException');
    expect((caught.last as AuthError).source).toBeTruthy();
  });

  it('useSuspenseCredentials: a guest’s credentials from the identity pool; null without an identity pool (no request)', async () => {
    const k = kit();
    function Creds() {
      const { data } = useSuspenseCredentials();
      return <p>credentials: {data === null ? 'none' : `authenticated=${data.authenticated}`}</p>;
    }

    renderWithProvider(<Suspense fallback={<p>fallback</p>}><Creds /></Suspense>, providerSetup(k, identityPool(k)));
    expect(await screen.findByText('credentials: authenticated=false')).toBeTruthy();
    expect(k.backend.count('GetCredentialsForIdentity')).toBe(1);
    k.backend.resetCounts();

    renderWithProvider(<Suspense fallback={<p>fallback</p>}><Creds /></Suspense>, providerSetup(k));
    expect(screen.getByText('credentials: none')).toBeTruthy();
    expect(k.backend.count()).toBe(0);
  });

  it('whenReady(auth) is one promise while loading and settles with the signed-in state; React 19’s use() suspends on it', async () => {
    const k = kit();
    await storeSession(k, 'suki', password);
    k.clock.advance(2 * HOUR);
    const held = heldFetch();
    const use = (React as { use?: <T>(promise: Promise<T>) => T }).use;
    const promises = new RenderLog<Promise<SettledAuthState>>();
    function Ready() {
      const ready = whenReady(useAuthEngine());
      promises.record(ready);
      // React 18 has no use(): the same gate with the Suspense hook.
      const status = use ? use(ready).status : useSuspenseAuth().status;
      return <p>ready: {status}</p>;
    }

    const engine = k.auth({ engine: { fetch: held.fetch } });
    // In an async act, as React 19 wants for a render that suspends on use().
    await act(async () => {
      render(<Provider setup={{ auth: engine }}><Suspense fallback={<p>fallback</p>}><Ready /></Suspense></Provider>);
    });

    await waitFor(() => expect(held.started()).toBe(1));
    expect(screen.getByText('fallback')).toBeTruthy();
    expect(new Set(promises.values).size).toBe(1); // one promise across every render while loading
    // Inside act: React 19 parks a render suspended by use() until the promise settles, and act flushes it.
    await act(async () => {
      held.release();
      await whenReady(engine);
    });
    expect(await screen.findByText('ready: signedIn')).toBeTruthy();
    const settled = await whenReady(engine);
    expect(settled.status === 'signedIn' && settled.user.username).toBe('suki');
    expect(whenReady(engine)).toBe(whenReady(engine)); // settled: one promise per state
  });

  it('whenReady starts an engine nobody started (as when a render suspends before any provider effect ran)', async () => {
    const k = kit();
    await storeSession(k, 'suki', password);
    k.clock.advance(2 * HOUR);
    k.backend.resetCounts();
    const engine = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    expect(engine.getState().status).toBe('loading'); // and nothing refreshes until the engine starts

    const settled = await whenReady(engine);

    expect(settled.status).toBe('signedIn');
    expect(k.backend.count('InitiateAuth')).toBe(1); // the refresh the wait started
  });
});
