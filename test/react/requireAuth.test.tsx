// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireAuth } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { heldFetch, providerSetup, refreshRequests, RenderLog, renderWithProvider, storeSession } from './support';

type Shown = 'children' | 'fallback' | 'loading';

/**
 * `<RequireAuth>` whose three slots record which one rendered, in order. Every render is recorded,
 * so the tests that compare the log render without StrictMode (which calls each render twice).
 */
function guarded(log: RenderLog<Shown>) {
  function Slot({ name }: { name: Shown }) {
    log.record(name);
    return <p>{name}</p>;
  }
  return (
    <RequireAuth fallback={<Slot name="fallback" />} loading={<Slot name="loading" />}>
      <Slot name="children" />
    </RequireAuth>
  );
}

describe('<RequireAuth>', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('rhea')) await k.backend.createUser({ username: 'rhea', password });
    k.backend.resetCounts();
  });

  it('signed out: renders the fallback, never the children', () => {
    const k = kit();
    const log = new RenderLog<Shown>();

    renderWithProvider(guarded(log), providerSetup(k), { strictMode: false });

    expect(screen.getByText('fallback')).toBeTruthy();
    expect(screen.queryByText('children')).toBeNull();
    expect(log.values).toEqual(['fallback']);
  });

  it('signed in: renders the children from the first render, never the fallback', async () => {
    const k = kit();
    await storeSession(k, 'rhea', password);
    const log = new RenderLog<Shown>();

    renderWithProvider(guarded(log), providerSetup(k), { strictMode: false });

    expect(screen.getByText('children')).toBeTruthy();
    expect(log.values).toEqual(['children']);
  });

  it('while a stored expired session is being refreshed: loading, then the children', async () => {
    const k = kit();
    await storeSession(k, 'rhea', password);
    k.clock.advance(3_600_000 + 1_000);
    k.backend.resetCounts();
    const held = heldFetch();
    const log = new RenderLog<Shown>();

    const view = renderWithProvider(guarded(log), providerSetup(k, {}, { fetch: held.fetch }), { strictMode: false });

    expect(view.engine.getState().status).toBe('loading');
    expect(screen.getByText('loading')).toBeTruthy();
    expect(screen.queryByText('fallback')).toBeNull();
    expect(screen.queryByText('children')).toBeNull();

    await act(async () => held.release());

    expect(await screen.findByText('children')).toBeTruthy();
    expect(refreshRequests(k)).toBe(1);
    expect(log.values).toEqual(['loading', 'children']);
  });

  it('follows sign-in and sign-out: fallback → children → fallback', async () => {
    const k = kit();
    const log = new RenderLog<Shown>();
    const view = renderWithProvider(guarded(log), providerSetup(k), { strictMode: false });

    await act(() => view.engine.signIn('rhea', password));
    expect(screen.getByText('children')).toBeTruthy();
    await act(() => view.engine.signOut());

    expect(screen.getByText('fallback')).toBeTruthy();
    expect(log.values).toEqual(['fallback', 'children', 'fallback']);
  });

  it('renders nothing by default while signed out or loading (no sign-in form flashes)', async () => {
    const k = kit();
    const signedOut = renderWithProvider(<RequireAuth>secret</RequireAuth>, providerSetup(k));
    expect(signedOut.container.textContent).toBe('');
    signedOut.unmount();

    await storeSession(k, 'rhea', password);
    k.clock.advance(3_600_000 + 1_000);
    const held = heldFetch();
    const loading = renderWithProvider(<RequireAuth>secret</RequireAuth>, providerSetup(k, {}, { fetch: held.fetch }));
    expect(loading.engine.getState().status).toBe('loading');
    expect(loading.container.textContent).toBe('');

    await act(async () => held.release());
    await waitFor(() => expect(loading.container.textContent).toBe('secret'));
  });
});
