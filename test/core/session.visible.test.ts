// @vitest-environment jsdom
// A tab coming back to the foreground: its refresh timer may have been throttled while hidden, so the
// engine checks the session on `visibilitychange` and, when it fell due meanwhile, refreshes it at once,
// reported to the devtools as `visible`; a tab shown with a fresh session makes no request. Real test
// backend and engine; jsdom's document is the one whose visibility changes.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthSession } from '../../src/core/index';
import { INSPECT, type RefreshCause } from '../../src/core/session/sessionInspection';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

const TOKEN_SECONDS = 300;

function recordRefreshes(auth: Auth): { cause: RefreshCause; outcome: Promise<AuthSession> }[] {
  const seen: { cause: RefreshCause; outcome: Promise<AuthSession> }[] = [];
  auth[INSPECT]().onRefresh = (cause, outcome) => void seen.push({ cause, outcome });
  return seen;
}

/** The browser showing the tab again (jsdom keeps `visibilityState` at 'visible'; the event is what a browser fires). */
function showTab(): void {
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('a tab shown again', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('ines')) await k.backend.createUser({ username: 'ines', password });
  });

  it('refreshes a session that fell due while hidden, at once, as `visible`; a fresh one makes no request', async () => {
    const k = kit();
    const auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await auth.signIn('ines', password);
    expect(document.visibilityState).toBe('visible');
    auth.start();
    try {
      const seen = recordRefreshes(auth);
      const before = await auth.currentSession();
      k.backend.resetCounts();
      showTab();
      // Fresh: nothing to do.
      expect(seen).toEqual([]);
      expect(k.backend.requests()).toEqual([]);

      // Hidden past the refresh point (the page's timers did not run): shown again, it refreshes now.
      k.clock.advance(TOKEN_SECONDS * 1000);
      showTab();
      await expect.poll(() => seen.map(({ cause }) => cause)).toEqual(['visible']);
      expect((await seen[0]!.outcome).accessToken).not.toBe(before.accessToken);
      expect(k.backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth']);
    } finally {
      auth.stop();
    }
  });
});
