// @vitest-environment jsdom
/**
 * Retries happen in one layer: with Cognito unreachable, a query hook's read is the engine's read,
 * retried by the engine alone (3 tries with backoff), never multiplied by TanStack Query's own retries.
 * Real engine against the test backend, whose fault injector drops the connections.
 */
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSession, useUser } from '../../src/react/index';
import { createFaultInjector } from '../backend/faults';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { providerSetup, renderWithProvider, storeSession } from './support';

describe('query hooks over an unreachable Cognito', () => {
  const faults = createFaultInjector();
  const kit = useEngineBackend({ intercept: faults.intercept });
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage(); // each test stores its own session
  });
  afterEach(() => faults.disarm());

  it('useUser(): one failed read is at most 3 GetUser requests, then its NetworkError', async () => {
    const k = kit();
    if (!k.backend.getUser('uma')) await k.backend.createUser({ username: 'uma', password, attributes: { email: 'uma@example.com' } });
    await storeSession(k, 'uma', password);
    k.backend.resetCounts();
    faults.arm({ kind: 'reset', operation: 'GetUser', times: 1_000 });
    function UserEmail() {
      const user = useUser();
      return <p>{user.error ? `failed: ${user.error.name}` : (user.data?.attributes['email'] ?? 'loading')}</p>;
    }

    renderWithProvider(<UserEmail />, providerSetup(k), { strictMode: false });

    expect(await screen.findByText('failed: NetworkError', {}, { timeout: 10_000 })).toBeTruthy();
    expect(k.backend.count('GetUser')).toBe(3);
  });

  it('useSession(): a refresh that cannot reach Cognito is at most 3 refresh requests', async () => {
    const k = kit();
    if (!k.backend.getUser('ulf')) await k.backend.createUser({ username: 'ulf', password });
    await storeSession(k, 'ulf', password);
    k.clock.advance(2 * 60 * 60 * 1000); // the stored tokens have expired: reading the session refreshes
    k.backend.resetCounts();
    faults.arm({ kind: 'reset', operation: 'InitiateAuth', times: 1_000 });
    function Session() {
      const session = useSession();
      return <p>{session.error ? `failed: ${session.error.name}` : session.data ? 'fresh' : 'loading'}</p>;
    }

    renderWithProvider(<Session />, providerSetup(k), { strictMode: false });

    expect(await screen.findByText(/^failed: /, {}, { timeout: 10_000 })).toBeTruthy();
    expect(k.backend.count('InitiateAuth')).toBeLessThanOrEqual(3);
  });
});
