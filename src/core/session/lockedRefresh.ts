import { refreshSession } from '../flows/refreshSession';
import type { FlowContext } from '../flows/context';
import { authError } from '../normalizeError';
import type { PageCoordinator } from '../pageCoordinator';
import type { Timers } from '../timers';
import type { AuthSession } from './authSession';
import { refreshLockName, waitFor, withCrossTabLock } from './crossTab';
import type { StoredSession } from './tokenStorage';

export interface LockedRefresh {
  ctx: FlowContext;
  username: string;
  /** The session the caller found due. */
  startedWith: AuthSession;
  rotation: boolean;
  coordinator: PageCoordinator;
  clock: { now: () => number; timers: Timers };
  isFresh: (session: AuthSession) => boolean;
  /** False once the user signed out (or another signed in) during the request: its result is stale. */
  stillSignedIn: () => boolean;
}

/**
 * The refresh request itself, under a lock all tabs share. Storage is read again inside it: another
 * tab may have refreshed (use its tokens) or rotated the refresh token (present only the newest one:
 * with rotation an older one is a reuse, which revokes every tab's session).
 */
export function refreshUnderLock(job: LockedRefresh): Promise<AuthSession> {
  const { ctx, username, startedWith, clock } = job;
  // Each tab has its own session (token isolation): no lock, no waiting on other tabs.
  const lock: typeof withCrossTabLock = ctx.tokens.tabLocal ? (_name, work) => work(false) : withCrossTabLock;
  return lock(
    refreshLockName(ctx.clientId),
    async (contended) => {
      const refreshedElsewhere = () => {
        const stored = ctx.tokens.load();
        const other = stored?.complete && stored.username === username ? stored.session : undefined;
        return other && other.accessToken !== startedWith.accessToken && job.isFresh(other) ? other : undefined;
      };
      // The other tab's tokens can reach this tab's storage a moment after the lock does (Chromium
      // syncs localStorage between processes asynchronously), and a write seen halfway is not
      // complete yet: look again for up to 1 s. Only a failed refresh in the other tab waits it out.
      const adopted = contended ? await waitFor(refreshedElsewhere, 1000, clock) : refreshedElsewhere();
      if (adopted) return adopted;
      // Storage may hold a newer refresh token for this user (rotated by another tab): refresh with
      // that one. A write seen halfway settles within 1 s; a writer that does not stamp never does.
      const settled = (stored: StoredSession | null) => !stored || stored.username !== username || stored.complete;
      const stored = (await waitFor(() => nullable(ctx.tokens.load(), settled), 1000, clock)) ?? ctx.tokens.load();
      const mine = stored?.username === username ? stored.session : undefined;
      if (mine && mine.accessToken !== startedWith.accessToken && job.isFresh(mine)) return mine;
      const base = mine?.refreshToken ? mine : startedWith;
      // One request per refresh token for every engine sharing the coordinator.
      const key = `${ctx.clientId} ${username} ${base.refreshToken ?? ''}`;
      const refreshed = await job.coordinator.shareWhileRunning(key, () => refreshSession(ctx, username, base, job.rotation));
      if (!job.stillSignedIn()) throw authError('NoCurrentUser', 'Signed out during the refresh.', 'currentSession');
      ctx.tokens.save(username, refreshed); // inside the lock, so the next tab finds it
      return refreshed;
    },
    clock,
  );
}

/** `value` when `ready(value)`, else undefined (what `waitFor` polls for); null stays null. */
function nullable<T>(value: T | null, ready: (value: T | null) => boolean): T | null | undefined {
  return ready(value) ? value : undefined;
}
