import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { stubStorageEvents, TabStorage } from '../support/tabStorage';
import { tally } from './tally';

// Refresh-token rotation with no grace period: presenting any refresh token but the newest is a
// reuse, and the backend then revokes the whole family (every tab signed out). Tabs here are
// engines on their own views of one localStorage, with writes delivered between them piece by piece.
const HOUR = 3_600_000;
const rotating = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const, refreshTokenRotation: true };

describe('refresh-token rotation across tabs (0 s grace)', () => {
  const kit = useEngineBackend({ refreshTokenRotation: { retryGracePeriodSeconds: 0 } });
  const password = strongPassword();
  let k: EngineTestKit;
  let tabA: TabStorage;
  let tabB: TabStorage;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    stubStorageEvents();
    k = kit();
    [tabA, tabB] = TabStorage.linked(2) as [TabStorage, TabStorage];
    if (!k.backend.getUser('rosa')) await k.backend.createUser({ username: 'rosa', password });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** Both tabs signed in as rosa (A signed in, B adopted it), started as a mounted app is. */
  async function twoTabs(marginSeconds = { a: 300, b: 300 }): Promise<{ a: Auth; b: Auth; stop: () => void }> {
    const a = k.auth({ storage: tabA, config: rotating, engine: { autoRefresh: false, refreshMarginSeconds: marginSeconds.a } });
    const stopA = a.subscribe(() => undefined);
    await a.signIn('rosa', password);
    await vi.advanceTimersByTimeAsync(10);
    const b = k.auth({ storage: tabB, config: rotating, engine: { autoRefresh: false, refreshMarginSeconds: marginSeconds.b } });
    const stopB = b.subscribe(() => undefined);
    expect(b.getState().status).toBe('signedIn');
    k.backend.resetCounts();
    return { a, b, stop: () => (stopA(), stopB()) };
  }

  const storedRefresh = (tab: TabStorage) => tab.getItem(`CognitoIdentityServiceProvider.${k.backend.config.clientId}.rosa.refreshToken`);

  it('a session delivered in pieces (access token first, refresh token 300 ms later) is never refreshed with the old refresh token', async () => {
    tally('faultsInjected');
    const { a, b, stop } = await twoTabs();
    k.clock.advance(HOUR);
    // A refreshes; B's view gets the new access and id tokens at once, the refresh token (and
    // anything written after it) 300 ms later.
    tabA.delayFor = (key) => (/\.(refreshToken|sessionStamp)$/.test(key) ? 300 : 0);
    const fromA = await a.currentSession();
    await vi.advanceTimersByTimeAsync(1);
    expect(storedRefresh(tabB)).not.toBe(fromA.refreshToken); // the piece still on its way

    // B needs a session now, in the gap.
    const pending = b.currentSession();
    await vi.advanceTimersByTimeAsync(400);
    const fromB = await pending;

    expect(fromB.accessToken).toBe(fromA.accessToken);
    expect(fromB.refreshToken).toBe(fromA.refreshToken);
    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(1);

    // An hour later each tab refreshes in turn; each presents the newest refresh token.
    tabA.delayFor = () => 0;
    k.clock.advance(HOUR);
    await b.currentSession();
    await vi.advanceTimersByTimeAsync(10);
    k.clock.advance(HOUR);
    await a.currentSession();
    stop();

    expect(k.backend.refreshTokenReuses()).toBe(0);
    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(3);
    expect([a.getState().status, b.getState().status]).toEqual(['signedIn', 'signedIn']);
    tally('faultsHandled');
  });

  it('a rotated refresh token arriving alone (access token unchanged, no stamp: a writer that does not stamp) is adopted and presented next', async () => {
    tally('faultsInjected');
    // A refreshes 10 min before expiry, B 1 min before: at 55 min only A is due.
    const { a, b, stop } = await twoTabs({ a: 600, b: 60 });
    // Of A's next write, B's view receives only the refresh token.
    tabA.delayFor = (key) => (key.endsWith('.refreshToken') ? 0 : 1e9);
    k.clock.advance(55 * 60_000);
    const fromA = await a.currentSession();
    await vi.advanceTimersByTimeAsync(1100);
    expect(storedRefresh(tabB)).toBe(fromA.refreshToken);

    const adopted = await b.currentSession(); // still fresh for B: no request
    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(1);
    expect(adopted.refreshToken).toBe(fromA.refreshToken);

    k.clock.advance(HOUR);
    const refreshing = b.currentSession();
    await vi.advanceTimersByTimeAsync(1100); // B's view never completes A's write: read as it is after 1 s
    await refreshing;
    stop();

    expect(k.backend.count('GetTokensFromRefreshToken')).toBe(2);
    expect(k.backend.refreshTokenReuses()).toBe(0);
    expect(b.getState().status).toBe('signedIn');
    tally('faultsHandled');
  });
});
