import type { AuthStore } from './authStore';
import type { ResolvedAuthOptions } from './authOptions';
import type { ConfiguredPool } from './configuredPool';
import type { AuthError } from './errors';
import type { AuthEvents } from './events';
import type { FlowContext } from './flows/context';
import { authError, toAuthError } from './normalizeError';
import { forgetHostedUiFlag, HOSTED_UI_FLAG } from './oauth/hostedUiFlag';
import { sameTokens, type AuthSession } from './session/authSession';
import { watchOtherTabs } from './session/crossTab';
import { whenWritten } from './storage/whenWritten';
import { refreshUnderLock } from './session/lockedRefresh';
import { restoredSessionForged } from './session/restoredSessionCheck';
import type { RefreshCause, RefreshListener, SessionInspection } from './session/sessionInspection';
import { endsSession, keepsSessionAfterRefreshFailure, refreshDueAt, refreshMarginFor } from './session/refreshPolicy';
import type { AuthUser } from './types';
import { userFromSession } from './user';

export interface SessionManagerDeps {
  store: AuthStore;
  events: AuthEvents;
  pool: () => ConfiguredPool;
  options: Pick<ResolvedAuthOptions, 'now' | 'timers' | 'refreshMarginSeconds' | 'autoRefresh' | 'coordinator' | 'sessionEndpoint'>;
  /** The signed-in principal changed (sign-in, sign-out, another user); not called on a refresh. */
  onPrincipalChange: () => void;
}

// setTimeout's largest delay; a longer one fires at once.
const MAX_TIMER_MS = 2_147_483_647;
// Answers to a user call that a fresh access token may fix: refresh once, then retry.
const REFRESH_AND_RETRY: readonly string[] = Object.freeze(['Access Token has expired', 'Invalid Access Token']);
// The longest wait between refreshes that keep answering with expired tokens.
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The signed-in user's session: restored from storage without a request, refreshed once for all
 * concurrent callers (and across tabs), refreshed in the background while started, and kept in
 * step with other tabs. Every refresh rule lives here.
 */
export class SessionManager implements SessionInspection {
  readonly #deps: SessionManagerDeps;
  #session: AuthSession | null = null;
  #username: string | null = null;
  #refreshing: Promise<AuthSession> | null = null;
  #refreshTimer: unknown;
  #running = false;
  #stopWatchingTabs: (() => void) | undefined;
  #partialTimer: unknown;
  /** An async store's first read, until done (what needs the stored session waits for it). */
  hydrating: Promise<void> | undefined;
  /** The session `restore()` read from storage, until `start()` has had its signature checked. */
  #restored: AuthSession | undefined;
  /** After a refresh returned expired tokens: no new attempt before `until`. */
  #backoff: { attempt: number; until: number; error: AuthError } | undefined;
  #expired: AuthSession | null = null; // marked stale by the devtools' "expire": the next read or timer refreshes
  onRefresh: RefreshListener | undefined;

  constructor(deps: SessionManagerDeps) {
    this.#deps = deps;
  }

  get session(): AuthSession | null {
    return this.#session;
  }

  get username(): string | null {
    return this.#username;
  }

  /**
   * Adopt what storage holds without a request (an async store is read first; loading till then): a valid
   * session signs in, none signs out, expired tokens with a refresh token wait (loading) for `start()` or `currentSession()`.
   */
  restore(): void {
    const pool = this.#deps.pool();
    const hydrating = pool.maybeCtx?.tokens.hydrate([HOSTED_UI_FLAG]);
    if (!hydrating) return void this.#adopt();
    this.#setSession(null, null);
    this.#deps.store.dispatch({ type: 'loading' });
    this.hydrating = hydrating.catch(() => undefined).then(() => {
      this.hydrating = undefined;
      // A configure() since replaced the pool, or a sign-in that waited for this read already finished.
      if (this.#deps.pool() !== pool || this.#session || this.#deps.store.getState().status !== 'loading') return;
      this.#adopt();
      if (this.#running) this.#resume();
    });
  }

  #adopt(): void {
    const stored = this.#deps.pool().maybeCtx?.tokens.load();
    if (!stored) {
      this.#setSession(null, null);
      return this.#deps.store.dispatch({ type: 'signedOut' });
    }
    this.#setSession(stored.username, stored.session);
    this.#restored = stored.session;
    if (this.#isFresh(stored.session)) {
      this.#deps.store.dispatch({ type: 'signedIn', user: userFromSession(stored.session, stored.username) });
    } else if (stored.session.refreshToken ?? this.#deps.options.sessionEndpoint) {
      // The user may still be signed in, but we cannot say until a refresh: not before start().
      this.#deps.store.dispatch({ type: 'loading' });
    } else {
      this.end();
    }
  }

  /** Background work: the refresh a restore left pending, refresh timers, other tabs, tab visibility. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const pool = this.#deps.pool();
    const clientId = pool.config.userPoolWebClientId;
    if (clientId && pool.sharedWithOtherTabs) {
      this.#stopWatchingTabs = watchOtherTabs(pool.storage, `CognitoIdentityServiceProvider.${clientId}.`, () => this.#syncFromOtherTab(), this.#deps.options.timers);
    }
    // Background tabs throttle timers for minutes: re-check the session when the tab is shown.
    globalThis.document?.addEventListener?.('visibilitychange', this.#onVisible);
    this.#scheduleRefresh();
    if (!this.hydrating) this.#resume();
  }

  /** What `start()` does with a restored session: check it, refresh it when it restored stale. */
  #resume(): void {
    const restored = this.#restored;
    this.#restored = undefined;
    if (restored) void restoredSessionForged(restored, this.#deps.pool()).then((forged) => forged && this.#session === restored && this.#endForged(), () => false);
    if (this.#deps.store.getState().status === 'loading' && this.#session && !this.#isFresh(this.#session)) {
      this.#refresh('restore').catch(() => undefined /* state and events report it */);
    }
  }

  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#deps.options.timers.clearTimeout(this.#refreshTimer);
    this.#stopWatchingTabs?.();
    this.#stopWatchingTabs = undefined;
    this.#deps.options.timers.clearTimeout(this.#partialTimer);
    globalThis.document?.removeEventListener?.('visibilitychange', this.#onVisible);
  }

  /** The session, refreshed first when due (or `force`d). One refresh for all concurrent callers and tabs. */
  async currentSession(force = false, cause: RefreshCause = force ? 'forced' : 'read'): Promise<AuthSession> {
    if (this.hydrating) await this.hydrating;
    const session = this.#session;
    if (!session) throw authError('NoCurrentUser', 'No current user', 'currentSession');
    if (!force && this.#isFresh(session)) return session;
    const backoff = this.#backoff;
    if (backoff && this.#deps.options.now() < backoff.until) throw backoff.error;
    return this.#refresh(cause);
  }

  /** How long (ms, on the engine's clock) until this session is due for a refresh; 0 when due. */
  freshFor(session: AuthSession): number {
    return Math.max(0, this.#msUntilDue(session));
  }

  expireAccessToken(): void {
    this.#expired = this.#session;
    this.#scheduleRefresh('expired');
  }

  /** A new session from a sign-in: keep it, announce it in the state. */
  begin(username: string, session: AuthSession): AuthUser {
    forgetHostedUiFlag(this.#deps.pool().storage);
    this.#setSession(username, session);
    const user = userFromSession(session, username);
    this.#deps.store.dispatch({ type: 'signedIn', user });
    return user;
  }

  #endForged(): void {
    this.end(authError('SessionSignatureInvalid', 'The stored session is not signed by the user pool.', 'currentSession'));
    this.#deps.events.emit('signOut', undefined, 'The stored session is not signed by the user pool.');
  }

  /** Drop the session locally (storage included) and go to signedOut. */
  end(error: AuthError | null = null, options: { forgetDevice?: boolean } = {}): void {
    const username = this.#username;
    const ctx = this.#deps.pool().maybeCtx;
    if (ctx) {
      ctx.tokens.clear(username);
      if (options.forgetDevice && username) ctx.tokens.clearDevice(username);
    }
    forgetHostedUiFlag(this.#deps.pool().storage);
    this.#setSession(null, null);
    this.#deps.store.dispatch({ type: 'signedOut', error });
  }

  /** Forget the session in memory only (a new config: its storage is another). */
  forget(): void {
    this.#setSession(null, null);
  }

  /** Run a user-scoped call with a fresh access token; a dead session ends locally. */
  async withAccessToken<T>(source: string, run: (ctx: FlowContext, accessToken: string) => Promise<T>): Promise<T> {
    try {
      const ctx = this.#deps.pool().ctx(source);
      const session = await this.currentSession();
      try {
        return await run(ctx, session.accessToken);
      } catch (thrown) {
        // The server refuses a token our clock calls valid (unknown drift, edge timing, a token it
        // no longer knows): refresh once and retry. Refused again, the session is over (below).
        const error = toAuthError(thrown, source);
        if (error.name !== 'NotAuthorizedException' || !REFRESH_AND_RETRY.includes(error.message) || this.#session !== session) throw error;
        const fresh = await this.#refresh('retry');
        return await run(ctx, fresh.accessToken);
      }
    } catch (thrown) {
      const error = toAuthError(thrown, source);
      if (this.#session && endsSession(error)) {
        this.end(error);
        this.#deps.events.emit('signOut', undefined, 'The session ended on the server.');
      }
      throw error;
    }
  }

  #refresh(cause: RefreshCause): Promise<AuthSession> {
    this.#refreshing ??= whenWritten(this.#doRefresh(), () => this.#deps.pool().persisted()).finally(() => {
      this.#refreshing = null;
    });
    this.onRefresh?.(cause, this.#refreshing); // the devtools tell a joined refresh by its promise
    return this.#refreshing;
  }

  async #doRefresh(): Promise<AuthSession> {
    const { store, events } = this.#deps;
    const startedWith = this.#session;
    const username = this.#username;
    if (!startedWith || !username) throw authError('NoCurrentUser', 'No current user', 'currentSession');
    if (!(startedWith.refreshToken ?? this.#deps.options.sessionEndpoint)) {
      const error = authError('NoCurrentUser', 'The session expired and there is no refresh token.', 'currentSession');
      this.end(error);
      events.emit('tokenRefresh_failure', error);
      throw error;
    }
    let next: AuthSession;
    try {
      const { coordinator, now, timers } = this.#deps.options;
      next = await refreshUnderLock({
        ctx: this.#deps.pool().ctx('currentSession'),
        username,
        startedWith,
        rotation: this.#deps.pool().config.refreshTokenRotation === true,
        coordinator,
        clock: { now, timers },
        isFresh: (session) => this.#isFresh(session),
        stillSignedIn: () => this.#stillSignedIn(startedWith, username),
      });
      if (!this.#stillSignedIn(startedWith, username)) throw authError('NoCurrentUser', 'Signed out during the refresh.', 'currentSession');
    } catch (thrown) {
      const error = toAuthError(thrown, 'currentSession');
      // Signed out while the request was in flight: nothing failed that anyone still cares about.
      if (!this.#stillSignedIn(startedWith, username)) throw error;
      if (this.#session !== startedWith) return this.#session!; // another tab refreshed meanwhile
      if (!keepsSessionAfterRefreshFailure(error)) {
        // Revoked, expired or unknown refresh token: retrying cannot help. Fail fast, once.
        this.end(error);
      } else if (store.getState().status === 'loading') {
        // Offline at start: keep the stored session (nothing lost) and report the error.
        store.dispatch({ type: 'signedIn', user: userFromSession(startedWith, username), error });
      }
      events.emit('tokenRefresh_failure', error);
      throw error;
    }
    if (this.#session !== startedWith && this.#session && this.#isFresh(this.#session)) {
      return this.#session; // another tab's refresh, adopted through a storage event meanwhile
    }
    this.#setSession(username, next);
    if (!next.isValidAt(this.#serverNow(next))) return this.#expiredOnArrival(next, username);
    this.#backoff = undefined;
    store.dispatch({ type: 'signedIn', user: userFromSession(next, username) });
    events.emit('tokenRefresh', undefined);
    return next;
  }

  /**
   * The refresh answered with tokens already expired (or without `exp`): a server or proxy that
   * would have every caller and timer refresh again at once, hundreds of times a second. Keep the
   * new tokens (a rotated refresh token replaced the old one), refuse to hand them out, and back
   * off: 1 s, 2 s, 4 s, … up to 5 min, during which `currentSession` fails at once, with no request.
   */
  #expiredOnArrival(next: AuthSession, username: string): never {
    const { store, events, options } = this.#deps;
    const attempt = (this.#backoff?.attempt ?? 0) + 1;
    const error = authError('TokenExpiredOnArrival', 'The refresh returned tokens that have already expired.', 'currentSession');
    this.#backoff = { attempt, error, until: options.now() + Math.min(1000 * 2 ** (attempt - 1), MAX_BACKOFF_MS) };
    if (store.getState().status === 'loading') store.dispatch({ type: 'signedIn', user: userFromSession(next, username), error });
    this.#scheduleRefresh();
    events.emit('tokenRefresh_failure', error);
    throw error;
  }

  readonly #onVisible = (): void => {
    if (globalThis.document?.visibilityState === 'visible') this.#scheduleRefresh('visible');
  };

  #setSession(username: string | null, session: AuthSession | null): void {
    const principalChanged = username !== this.#username || (session === null) !== (this.#session === null);
    this.#username = username;
    this.#session = session;
    this.#scheduleRefresh();
    if (principalChanged) this.#deps.onPrincipalChange();
  }

  /** Same user still signed in: the session we started with, or one adopted from another tab. */
  #stillSignedIn(startedWith: AuthSession, username: string): boolean {
    return this.#session === startedWith || (this.#session !== null && this.#username === username);
  }

  #isFresh(session: AuthSession): boolean {
    return session !== this.#expired && session.isValidAt(this.#serverNow(session), this.#marginFor(session));
  }

  /**
   * Another tab signed in, out, or refreshed: adopt what storage holds now. A write seen halfway
   * (stamp not matching yet) is left for the event its last piece brings; one that never completes
   * (a writer that does not stamp) is taken as it is a second later.
   */
  readonly #syncFromOtherTab = (acceptPartial = false): void => {
    const { store, events, options } = this.#deps;
    const ctx = this.#deps.pool().maybeCtx;
    if (!ctx) return;
    options.timers.clearTimeout(this.#partialTimer);
    const stored = ctx.tokens.load();
    if (!stored) {
      if (!this.#session) return;
      this.#setSession(null, null);
      store.dispatch({ type: 'signedOut' });
      events.emit('signOut', undefined, 'Signed out in another tab');
      return;
    }
    if (!stored.complete && !acceptPartial) {
      this.#partialTimer = options.timers.setTimeout(() => this.#syncFromOtherTab(true), 1000);
      return;
    }
    const current = this.#session;
    if (stored.username === this.#username && current && sameTokens(stored.session, current)) return;
    const wasSignedIn = current !== null;
    const sameUser = wasSignedIn && stored.username === this.#username;
    const tokensChanged = stored.session.accessToken !== current?.accessToken;
    const user = userFromSession(stored.session, stored.username);
    this.#setSession(stored.username, stored.session);
    if (sameUser && tokensChanged) this.onRefresh?.('otherTab', Promise.resolve(stored.session));
    // Another user's session replaced ours: say so, as if this tab had signed out and in.
    if (wasSignedIn && !sameUser) events.emit('signOut', undefined, 'Another user signed in in another tab');
    store.dispatch({ type: 'signedIn', user });
    if (!sameUser) events.emit('signIn', store.getState().user ?? user, 'Signed in in another tab');
    // Same user, new tokens (another tab refreshed): announce them as this tab's own refresh would,
    // or whatever caches them (the React layer's useSession) keeps the old, expiring ones. A rotated
    // refresh token alone is adopted silently: nothing a reader sees changed.
    else if (tokensChanged) events.emit('tokenRefresh', undefined);
  };

  #marginFor(session: AuthSession): number {
    return refreshMarginFor(session, this.#deps.options.refreshMarginSeconds);
  }

  /** Ms until `session` is due for a refresh (negative when overdue), on the server's clock. */
  #msUntilDue(session: AuthSession): number {
    return session === this.#expired ? 0 : refreshDueAt(session, this.#deps.options.refreshMarginSeconds) - this.#serverNow(session);
  }

  /**
   * The server's time: the device clock less the drift measured when the session was issued, unless
   * Cognito's clock as measured in this page (its `Date`, carried on a monotonic clock) disagrees by
   * more than the two whole-second readings can: then the device clock moved since, and it wins.
   */
  #serverNow(session: AuthSession): number {
    const byDrift = this.#deps.options.now() - session.clockDrift * 1000;
    const measured = this.#deps.pool().maybeCtx?.measuredServerNow();
    return measured !== undefined && Math.abs(measured - byDrift) > 3000 ? measured : byDrift;
  }

  /** Background refresh just before expiry, only while started. */
  #scheduleRefresh(cause: RefreshCause = 'timer'): void {
    const { timers, autoRefresh, now } = this.#deps.options;
    timers.clearTimeout(this.#refreshTimer);
    const session = this.#session;
    if (!session || !(session.refreshToken ?? this.#deps.options.sessionEndpoint) || !autoRefresh || !this.#running) return;
    const dueMs = Math.max(this.#msUntilDue(session), (this.#backoff?.until ?? 0) - now());
    this.#refreshTimer = timers.setTimeout(
      () => {
        this.currentSession(false, dueMs > 0 ? 'timer' : cause).then(
          (current) => {
            // Fired before the session was due (timers may fire a little early, the wall clock may
            // step back, long delays are capped): nothing was refreshed, so nothing re-armed us.
            if (current === session && current === this.#session) this.#scheduleRefresh();
          },
          () => {
            /* reported through state and tokenRefresh_failure */
          },
        );
      },
      Math.min(Math.max(dueMs, 0), MAX_TIMER_MS),
    );
  }
}
