/**
 * Start-up under faults: an app opens with expired tokens in storage, so the engine starts in
 * `loading` and refreshes. Whatever the refresh meets, the engine leaves `loading`, and the stored
 * session is never lost to a fault (it is refreshed now, or kept for a later try).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { createFaultInjector, FAULT_KINDS, type FaultKind } from '../backend/faults';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { tally } from './tally';
import { settle, trackUnhandledRejections } from './unhandled';

const PAST_EXPIRY_MS = 3_700_000;
const REFRESHED_AT_ONCE: ReadonlySet<FaultKind> = new Set(['http500', 'http503', 'reset', 'hang', 'slow']);
const faults = createFaultInjector({ hangMs: 5_000 });
const unhandled = trackUnhandledRejections();

describe('restoring an expired session at start-up, under every fault', () => {
  const kit = useEngineBackend({ intercept: faults.intercept });
  const password = strongPassword();
  let injected = 0;
  let handled = 0;

  afterEach(() => {
    faults.disarm();
    faults.release();
  });

  afterAll(() => {
    tally('faultsInjected', injected);
    tally('faultsHandled', handled);
    expect(unhandled()).toEqual([]);
  });

  it.each(FAULT_KINDS.map((kind) => [kind]))('%s: leaves loading, keeps the session', async (kind) => {
    injected += 1;
    const k = kit();
    k.storage = new RecordingStorage();
    const username = uniqueName('restore');
    await k.backend.createUser({ username, password });
    await k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } }).signIn(username, password);
    const refreshKey = `CognitoIdentityServiceProvider.${k.backend.config.clientId}.${username}.refreshToken`;
    const refreshToken = k.storage.getItem(refreshKey);
    k.clock.advance(PAST_EXPIRY_MS);
    faults.arm({ kind, operation: 'InitiateAuth' });

    // A short timeout only where a hang is injected: elsewhere a slow machine must not fail the test.
    const auth = k.auth({ config: kind === 'hang' ? { requestTimeout: 1000 } : {}, engine: { retry: { baseDelayMs: 1 } } });
    expect(auth.getState().status).toBe('loading');
    await leftLoading(auth);
    await settle();

    expect(faults.fired()[kind]).toBeGreaterThan(0);
    const state = auth.getState();
    expect(state).toMatchObject({ status: 'signedIn', user: { username } });
    expect(k.storage.getItem(refreshKey)).toBe(refreshToken);
    if (REFRESHED_AT_ONCE.has(kind)) {
      // Refreshed despite the fault (a retry went through, or the answer was only slow).
      expect(state.error).toBeNull();
      expect((await auth.currentSession()).isValid(k.clock.now())).toBe(true);
    } else {
      // Kept for a later try, with the reason in state for the UI.
      expect(state.error?.name).toBe(kind === 'malformedJson' ? 'UnknownError' : kind === 'tooManyRequests' ? 'TooManyRequestsException' : 'LimitExceededException');
      faults.disarm();
      expect((await auth.currentSession()).isValid(k.clock.now())).toBe(true);
    }
    expect(unhandled()).toEqual([]);
    handled += 1;
  });
});

async function leftLoading(auth: Auth): Promise<void> {
  if (auth.getState().status !== 'loading') return;
  await new Promise<void>((resolve) => {
    const stop = auth.subscribe(() => {
      if (auth.getState().status !== 'loading') {
        stop();
        resolve();
      }
    });
  });
}
