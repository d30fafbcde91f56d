// The engine's inspection channel (what cognito-react-kit/devtools reads): each refresh reports its
// cause once (joined callers share its promise), "expire" makes the current access token due, and the
// session is read without refreshing it. Real test backend, shared clock, no React.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthSession } from '../../src/core/index';
import { INSPECT, type RefreshCause } from '../../src/core/session/sessionInspection';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

const TOKEN_SECONDS = 300;

/** Every refresh `auth` reports: its cause and outcome promise, in order. */
function recordRefreshes(auth: Auth): { cause: RefreshCause; outcome: Promise<AuthSession> }[] {
  const seen: { cause: RefreshCause; outcome: Promise<AuthSession> }[] = [];
  auth[INSPECT]().onRefresh = (cause, outcome) => void seen.push({ cause, outcome });
  return seen;
}

describe('the session inspection channel', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();

  async function signedIn(k: EngineTestKit, engine: Parameters<EngineTestKit['auth']>[0] = {}): Promise<Auth> {
    const auth = k.auth({ ...engine, config: { authenticationFlowType: 'USER_PASSWORD_AUTH', ...engine.config } });
    await auth.signIn('ines', password);
    return auth;
  }

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('ines')) await k.backend.createUser({ username: 'ines', password });
  });

  it('reports a read that found the tokens due, and a forced refresh, each once for every caller that joined it', async () => {
    const k = kit();
    const auth = await signedIn(k, { engine: { autoRefresh: false } });
    const seen = recordRefreshes(auth);

    k.clock.advance(TOKEN_SECONDS * 1000);
    await Promise.all([auth.currentSession(), auth.currentSession()]);
    await auth.currentSession({ forceRefresh: true });

    expect(seen.map(({ cause }) => cause)).toEqual(['read', 'read', 'forced']);
    expect(seen[1]!.outcome).toBe(seen[0]!.outcome); // joined: the devtools log it once
    expect(seen[2]!.outcome).not.toBe(seen[0]!.outcome);
    await expect(seen[2]!.outcome).resolves.toBe(await auth.currentSession());
  });

  it('"expire" makes the next read refresh a token that was fresh; the session reads without a refresh', async () => {
    const k = kit();
    const auth = await signedIn(k, { engine: { autoRefresh: false } });
    const inspection = auth[INSPECT]();
    const seen = recordRefreshes(auth);
    const before = await auth.currentSession();
    expect(inspection.session).toBe(before);

    inspection.expireAccessToken();
    expect(inspection.session).toBe(before);
    expect(seen).toEqual([]);
    const after = await auth.currentSession();

    expect(seen.map(({ cause }) => cause)).toEqual(['read']);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await auth.currentSession()).toBe(after); // the new session is fresh: the mark was for the old one
  });

  it('with the engine started, "expire" has its refresh timer refresh at once, as `expired`', async () => {
    const k = kit();
    const auth = await signedIn(k);
    const seen = recordRefreshes(auth);
    auth.start();
    try {
      const before = await auth.currentSession();
      auth[INSPECT]().expireAccessToken();
      await expect.poll(() => seen.map(({ cause }) => cause), { timeout: 5000 }).toEqual(['expired']);
      expect((await seen[0]!.outcome).accessToken).not.toBe(before.accessToken);
    } finally {
      auth.stop();
    }
  });

  it('a session restored with expired tokens is refreshed at start, as `restore`', async () => {
    const k = kit();
    await signedIn(k);
    k.clock.advance(TOKEN_SECONDS * 1000);
    const restored = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    const seen = recordRefreshes(restored);
    restored.start();
    try {
      await expect.poll(() => seen.map(({ cause }) => cause), { timeout: 5000 }).toEqual(['restore']);
      await seen[0]!.outcome;
      expect(restored.getState().status).toBe('signedIn');
    } finally {
      restored.stop();
    }
  });

  it("another tab's refresh, adopted from the shared storage, is reported as `otherTab`", async () => {
    const k = kit();
    const config = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };
    const [one, two] = [k.auth({ config, engine: { autoRefresh: false } }), k.auth({ config, engine: { autoRefresh: false } })];
    one.start();
    two.start();
    try {
      await one.signIn('ines', password);
      await expect.poll(() => two.getState().status, { timeout: 5000 }).toBe('signedIn');
      const seen = recordRefreshes(two);
      const refreshed = await one.currentSession({ forceRefresh: true });
      await expect.poll(() => seen.map(({ cause }) => cause), { timeout: 5000 }).toEqual(['otherTab']);
      expect((await seen[0]!.outcome).accessToken).toBe(refreshed.accessToken);
    } finally {
      one.stop();
      two.stop();
    }
  });
});
