import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { tally } from './tally';

// Device clocks that are far off, or that move while a session lives. The backend's clock is the
// truth (k.clock); the engine's `now` is the device clock; `monotonicNow` is the clock that never
// jumps (performance.now in a browser). A token the server considers expired must never be handed
// out, and a valid one must not be refreshed for nothing.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('clocks that move', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let k: EngineTestKit;
  let skewMs = 0;

  beforeEach(async () => {
    k = kit();
    k.storage = new RecordingStorage();
    skewMs = 0;
    if (!k.backend.getUser('tick')) await k.backend.createUser({ username: 'tick', password });
  });

  /** An engine (a page load) on a device whose clock reads the truth plus `skewMs`. */
  const page = (): Auth =>
    k.auth({
      config: { authenticationFlowType: 'USER_PASSWORD_AUTH' },
      engine: { now: () => k.clock.now() + skewMs, monotonicNow: () => k.clock.now(), autoRefresh: false },
    });

  /** The server accepts this access token now (GetUser with it succeeds). */
  const serverAccepts = async (auth: Auth): Promise<boolean> =>
    auth.currentAuthenticatedUser({ bypassCache: true }).then(
      () => true,
      () => false,
    );

  it.each([
    ['40 days behind', -40 * DAY],
    ['40 days ahead', 40 * DAY],
  ])('device clock %s: a reload restores with no refresh, and after expiry refreshes instead of handing out the expired token', async (_, skew) => {
    tally('faultsInjected');
    skewMs = skew;
    await page().signIn('tick', password);
    k.backend.resetCounts();

    const reloaded = page();
    expect(reloaded.getState().status).toBe('signedIn');
    await reloaded.currentSession();
    expect(k.backend.count()).toBe(0); // still fresh: no refresh on every reload

    k.clock.advance(2 * HOUR);
    const later = page();
    const session = await later.currentSession();
    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(session.isValidAt(k.clock.now())).toBe(true);
    expect(await serverAccepts(later)).toBe(true);
    tally('faultsHandled');
  });

  it.each([
    ['12 h fast, then set right (back 12 h)', 12 * HOUR],
    ['12 h slow, then set right (forward 12 h)', -12 * HOUR],
  ])('device clock %s while the page is open: expiry follows the server, not the jump', async (_, skew) => {
    tally('faultsInjected');
    skewMs = skew;
    const auth = page();
    await auth.signIn('tick', password);
    k.backend.resetCounts();

    skewMs = 0; // NTP corrects the device clock
    await auth.currentSession();
    expect(k.backend.count()).toBe(0); // the tokens are as fresh as before the jump

    k.clock.advance(2 * HOUR);
    const session = await auth.currentSession();
    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(session.isValidAt(k.clock.now())).toBe(true);
    expect(await serverAccepts(auth)).toBe(true);
    tally('faultsHandled');
  });
});

describe('a device clock under a minute off, with 10 s tokens', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 10, idTokenSeconds: 10 } });
  const password = strongPassword();

  it.each([
    ['59.5 s behind', -59_500],
    ['59.5 s ahead', 59_500],
  ])('%s: expiry is judged to the second, not within the minute the SRP stamp tolerates', async (_, skew) => {
    tally('faultsInjected');
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('brief')) await k.backend.createUser({ username: 'brief', password });
    const auth = k.auth({
      config: { authenticationFlowType: 'USER_PASSWORD_AUTH' },
      engine: { now: () => k.clock.now() + skew, monotonicNow: () => k.clock.now(), autoRefresh: false },
    });
    await auth.signIn('brief', password);
    k.backend.resetCounts();

    await auth.currentSession(); // 10 s left, 5 s margin: fresh
    expect(k.backend.count()).toBe(0);
    k.clock.advance(6_000); // 4 s left: due
    const session = await auth.currentSession();

    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(session.isValidAt(k.clock.now(), 5)).toBe(true);
    tally('faultsHandled');
  });
});
