import { mergeConfig, normalizeConfigInput, resolveConfig } from './config';
import type { AuthConfig, ResolvedAuthConfig } from './config/types';
import type { AuthError } from './errors';
import { AuthEvents, type AuthEventListener, type AuthEventName } from './events';
import type { FlowContext } from './flows/context';
import { authError, toAuthError } from './normalizeError';
import { initialState, reduce, type AuthAction } from './reducer';
import type { AuthSession } from './session/authSession';
import { SessionStore } from './session/sessionStore';
import { selectStorage } from './storage/selectStorage';
import { Store } from './store';
import { createServiceCall, DEFAULT_REQUEST_TIMEOUT_MS, type ServiceCall } from './transport';
import { defaultEnvironment, type BrowserEnvironment } from './environment';
import type { StorageLike } from './config/types';
import { MemoryStorage } from './storage/memoryStorage';
import { HOSTED_UI_FLAG } from './oauth/hostedUiFlag';
import { waitFor, watchOtherTabs, withCrossTabLock } from './session/crossTab';
import { ServerClock } from './session/serverClock';
import { resolveAuthOptions, type CreateAuthOptions, type ResolvedAuthOptions } from './authOptions';
import { endsSession, sharedRefresh } from './session/refreshPolicy';
import { keepsSessionAfterRefreshFailure } from './refreshFailure';
import type { AuthState, AuthUser } from './types';
import { userFromSession } from './user';

export type { CreateAuthOptions } from './authOptions';

/**
 * The session core: config, state, storage, refresh. Flow methods live in `SignInEngine` (engine.ts),
 * `HostedUiEngine` and `Auth` (authEngine.ts), which extend this, one concern per file.
 */
export class AuthCore {
  protected readonly events = new AuthEvents();
  protected readonly options: ResolvedAuthOptions;
  protected readonly environment: BrowserEnvironment;
  /** The server's clock as Cognito's `Date` headers tell it (SRP TIMESTAMP, hosted-UI token checks). */
  protected readonly serverClock: ServerClock;
  /** Where sessions (and identity ids) are kept, per the config. */
  protected storage: StorageLike = new MemoryStorage();
  readonly #store: Store<AuthState>;
  #rawConfig: AuthConfig;
  #config: ResolvedAuthConfig;
  #ctx: FlowContext | undefined;
  #session: AuthSession | null = null;
  #username: string | null = null;
  #refreshing: Promise<AuthSession> | null = null;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #stopWatchingTabs: (() => void) | undefined;
  #aborter = new AbortController();

  constructor(config: unknown, options: CreateAuthOptions = {}) {
    const now = options.now ?? Date.now;
    this.serverClock = new ServerClock(now);
    this.options = resolveAuthOptions(options, now, this.serverClock);
    this.environment = defaultEnvironment(options.environment);
    this.#store = new Store<AuthState>(initialState, {
      onActive: () => {
        this.#scheduleRefresh();
        const clientId = this.#config.userPoolWebClientId;
        if (clientId) this.#stopWatchingTabs = watchOtherTabs(this.storage, `CognitoIdentityServiceProvider.${clientId}.`, this.#syncFromOtherTab);
        // Background tabs throttle timers for minutes: re-check the session when the tab is shown.
        globalThis.document?.addEventListener?.('visibilitychange', this.#onVisible);
      },
      onIdle: () => {
        clearTimeout(this.#refreshTimer);
        this.#stopWatchingTabs?.();
        this.#stopWatchingTabs = undefined;
        globalThis.document?.removeEventListener?.('visibilitychange', this.#onVisible);
      },
    });
    this.#rawConfig = normalizeConfigInput(config);
    this.#config = resolveConfig(this.#rawConfig);
    this.#applyConfig();
  }

  /** With no argument: the current resolved config. With one: merge, re-validate, apply. */
  configure(partial?: unknown): ResolvedAuthConfig {
    if (partial === undefined) return this.#config;
    const raw = mergeConfig(this.#rawConfig, partial);
    const resolved = resolveConfig(raw);
    this.#rawConfig = raw;
    this.#config = resolved;
    this.#applyConfig();
    return resolved;
  }

  getState = (): AuthState => this.#store.get();

  subscribe = (listener: () => void): (() => void) => this.#store.subscribe(listener);

  /** Hub-style events (`signIn`, `signOut`, `tokenRefresh`, … or `*`); returns an unsubscribe. */
  listen(event: AuthEventName | '*', listener: AuthEventListener): () => void {
    return this.events.listen(event, listener);
  }

  /** The session, refreshed first when its tokens expire within the margin. One refresh for all concurrent callers. */
  async currentSession(): Promise<AuthSession> {
    const session = this.#session;
    if (!session) throw authError('NoCurrentUser', 'No current user', 'currentSession');
    if (session.isValid(this.options.now(), this.#marginFor(session))) return session;
    return this.#refresh();
  }

  /** Abort every request in flight: calls reject with an `AbortError` AuthError, the state stays (a session too). */
  abort(): void {
    const aborter = this.#aborter;
    this.#aborter = new AbortController();
    aborter.abort();
  }

  /** The transport for one Cognito service: config timeout, retry policy, this engine's abort. */
  protected serviceCall(endpoint: string, service: string): ServiceCall {
    const timeoutMs = this.#config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
    return createServiceCall({ endpoint, service, fetch: this.options.fetch, timeoutMs, retry: this.options.retry, signal: () => this.#aborter.signal });
  }

  protected get config(): ResolvedAuthConfig {
    return this.#config;
  }

  /** The flow context; throws when the config has no user pool. */
  protected ctx(source: string): FlowContext {
    if (!this.#ctx) throw authError('NoUserPool', 'No user pool is configured (userPoolId, userPoolWebClientId).', source);
    return this.#ctx;
  }

  protected get username(): string | null {
    return this.#username;
  }

  protected dispatch(action: AuthAction): void {
    this.#store.set(reduce(this.#store.get(), action));
  }

  /** A new session from a sign-in: keep it, announce it. */
  protected startSession(username: string, session: AuthSession): AuthUser {
    this.#forgetHostedUi();
    this.#setSession(username, session);
    const user = userFromSession(session, username);
    this.dispatch({ type: 'signedIn', user });
    return user;
  }

  /** Drop the session locally (storage included) and go to signedOut. */
  protected endSession(error: AuthError | null = null, options: { forgetDevice?: boolean } = {}): void {
    const username = this.#username;
    if (this.#ctx) {
      this.#ctx.store.clear(username);
      if (options.forgetDevice && username) this.#ctx.store.clearDevice(username);
    }
    this.#forgetHostedUi();
    this.#setSession(null, null);
    this.dispatch({ type: 'signedOut', error });
  }

  #forgetHostedUi(): void {
    try {
      // Read first: removing an absent key still costs a write (an expired cookie, a storage event).
      if (this.storage.getItem(HOSTED_UI_FLAG) !== null) this.storage.removeItem(HOSTED_UI_FLAG);
    } catch {
      /* storage that throws: nothing stored either */
    }
  }

  /** Run a user-scoped call with a fresh access token; a dead session ends locally. */
  protected async withAccessToken<T>(source: string, run: (ctx: FlowContext, accessToken: string) => Promise<T>): Promise<T> {
    try {
      const ctx = this.ctx(source);
      const session = await this.currentSession();
      try {
        return await run(ctx, session.accessToken);
      } catch (thrown) {
        // The server says expired while our clock said valid (unknown drift, edge timing):
        // refresh once and retry, rather than signing the user out.
        const error = toAuthError(thrown, source);
        if (error.name !== 'NotAuthorizedException' || error.message !== 'Access Token has expired' || this.#session !== session) throw error;
        const fresh = await this.#refresh();
        return await run(ctx, fresh.accessToken);
      }
    } catch (thrown) {
      const error = toAuthError(thrown, source);
      if (this.#session && endsSession(error)) {
        this.endSession(error);
        this.events.emit('signOut', undefined, 'The session ended on the server.');
      }
      throw error;
    }
  }

  protected get session(): AuthSession | null {
    return this.#session;
  }

  /** Adopt whatever session storage holds now (another engine on this page may have written it). */
  protected restoreFromStorage(): void {
    this.#restore();
  }

  /** Run when the signed-in user changes (sign-in, sign-out, another user), not on refresh. */
  protected readonly userChangeListeners = new Set<() => void>();

  #applyConfig(): void {
    const config = this.#config;
    this.#setSession(null, null);
    this.storage = selectStorage(config);
    if (config.userPoolId && config.userPoolWebClientId) {
      const call = this.serviceCall(config.endpoint, 'AWSCognitoIdentityProviderService');
      const base = config.clientMetadata;
      this.#ctx = {
        userPoolId: config.userPoolId,
        clientId: config.userPoolWebClientId,
        call,
        srp: this.options.srp,
        store: new SessionStore(this.storage, config.userPoolWebClientId),
        now: this.options.now,
        serverNow: this.serverClock.now,
        metadata: (perCall) => {
          const merged = { ...base, ...perCall };
          return Object.keys(merged).length > 0 ? merged : undefined;
        },
      };
    } else {
      this.#ctx = undefined;
    }
    this.#restore();
    this.events.emit('configured', undefined, 'The Auth category has been configured successfully');
  }

  /** Synchronous restore from storage: no request for a valid session. */
  #restore(): void {
    const stored = this.#ctx?.store.load(this.options.now());
    if (!stored) {
      this.dispatch({ type: 'signedOut' });
      return;
    }
    this.#setSession(stored.username, stored.session);
    const now = this.options.now();
    if (stored.session.isValid(now, this.#marginFor(stored.session))) {
      this.dispatch({ type: 'signedIn', user: userFromSession(stored.session, stored.username) });
      return;
    }
    if (!stored.session.refreshToken) {
      this.endSession();
      return;
    }
    // Expired tokens with a refresh token: the user may still be signed in, but we cannot say yet.
    this.dispatch({ type: 'loading' });
    this.#refresh().catch(() => {
      /* state and events already report it */
    });
  }

  #refresh(): Promise<AuthSession> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #doRefresh(): Promise<AuthSession> {
    const startedWith = this.#session;
    const username = this.#username;
    if (!startedWith || !username) throw authError('NoCurrentUser', 'No current user', 'currentSession');
    if (!startedWith.refreshToken) {
      const error = authError('NoCurrentUser', 'The session expired and there is no refresh token.', 'currentSession');
      this.endSession(error);
      this.events.emit('tokenRefresh_failure', error);
      throw error;
    }
    try {
      const ctx = this.ctx('currentSession');
      const next = await withCrossTabLock(`cognito-react-kit.refresh.${ctx.clientId}`, async (contended) => {
        // Another tab may have refreshed while this one waited for the lock: use its tokens. They
        // can reach this tab's storage a moment after the lock does, so after a wait look again
        // briefly. Not matched on the refresh token: with rotation the other tab's refresh replaced
        // it, and refreshing again with ours would spend its grace period (or trip reuse detection).
        const refreshedElsewhere = () => {
          const stored = ctx.store.load();
          const same = stored?.username === username && stored.session.accessToken !== startedWith.accessToken;
          return same && this.#isFresh(stored.session) ? stored.session : undefined;
        };
        // Up to 1 s: usually milliseconds, but a busy machine can be slower, and with rotation a
        // second refresh is what must not happen. Only a failed refresh in the other tab waits it out.
        const adopted = contended ? await waitFor(refreshedElsewhere, 1000) : refreshedElsewhere();
        if (adopted) return adopted;
        const refreshed = await sharedRefresh(ctx, username, startedWith, this.#config.refreshTokenRotation === true);
        // Signed out (or in as someone else) while the request was in flight: its result is stale.
        if (!this.#stillSignedIn(startedWith, username)) throw authError('NoCurrentUser', 'Signed out during the refresh.', 'currentSession');
        ctx.store.save(username, refreshed); // inside the lock, so the next tab finds it
        return refreshed;
      });
      if (!this.#stillSignedIn(startedWith, username)) throw authError('NoCurrentUser', 'Signed out during the refresh.', 'currentSession');
      if (this.#session !== startedWith && this.#session && this.#isFresh(this.#session)) {
        return this.#session; // another tab's refresh, adopted through a storage event meanwhile
      }
      this.#setSession(username, next);
      this.dispatch({ type: this.getState().status === 'signedIn' ? 'userChanged' : 'signedIn', user: userFromSession(next, username) });
      this.events.emit('tokenRefresh');
      return next;
    } catch (thrown) {
      const error = toAuthError(thrown, 'currentSession');
      // Signed out while the request was in flight: nothing failed that anyone still cares about.
      if (!this.#stillSignedIn(startedWith, username)) throw error;
      if (this.#session !== startedWith) return this.#session!; // another tab refreshed meanwhile
      if (!keepsSessionAfterRefreshFailure(error)) {
        // Revoked, expired or unknown refresh token: retrying cannot help. Fail fast, once.
        this.endSession(error);
      } else if (this.getState().status === 'loading') {
        // Offline at start: keep the stored session (nothing lost) and report the error.
        this.dispatch({ type: 'signedIn', user: userFromSession(startedWith, username) });
        this.dispatch({ type: 'failed', error });
      }
      this.events.emit('tokenRefresh_failure', error);
      throw error;
    }
  }

  readonly #onVisible = (): void => {
    if (globalThis.document?.visibilityState === 'visible') this.#scheduleRefresh();
  };

  #setSession(username: string | null, session: AuthSession | null): void {
    const userChanged = username !== this.#username || (session === null) !== (this.#session === null);
    this.#username = username;
    this.#session = session;
    this.#scheduleRefresh();
    if (userChanged) for (const listener of this.userChangeListeners) listener();
  }

  /** Same user still signed in: the session we started with, or one adopted from another tab. */
  #stillSignedIn(startedWith: AuthSession, username: string): boolean {
    return this.#session === startedWith || (this.#session !== null && this.#username === username);
  }

  #isFresh(session: AuthSession): boolean {
    return session.isValid(this.options.now(), this.#marginFor(session));
  }

  /** Another tab signed in, out, or refreshed: adopt what storage holds now. */
  readonly #syncFromOtherTab = (): void => {
    const ctx = this.#ctx;
    if (!ctx) return;
    const stored = ctx.store.load();
    if (!stored) {
      if (!this.#session) return;
      this.#setSession(null, null);
      this.dispatch({ type: 'signedOut' });
      this.events.emit('signOut', undefined, 'Signed out in another tab');
      return;
    }
    if (stored.username === this.#username && stored.session.accessToken === this.#session?.accessToken) return;
    const wasSignedIn = this.#session !== null;
    const sameUser = wasSignedIn && stored.username === this.#username;
    this.#setSession(stored.username, stored.session);
    this.dispatch({ type: 'signedIn', user: userFromSession(stored.session, stored.username) });
    if (!wasSignedIn) this.events.emit('signIn', this.getState().user, 'Signed in in another tab');
    // Same user, new tokens (another tab refreshed): announce them as this tab's own refresh would,
    // or whatever caches them (the React layer's useSession) keeps the old, expiring ones.
    else if (sameUser) this.events.emit('tokenRefresh');
  };

  #marginFor(session: AuthSession): number {
    const lifetime = session.lifetime;
    return lifetime > 0 ? Math.min(this.options.refreshMarginSeconds, lifetime / 2) : this.options.refreshMarginSeconds;
  }

  /** Background refresh just before expiry, only while someone listens (first subscriber starts it). */
  #scheduleRefresh(): void {
    clearTimeout(this.#refreshTimer);
    const session = this.#session;
    if (!session?.refreshToken || !this.options.autoRefresh || this.#store.listenerCount === 0) return;
    const dueMs = (session.expiresAt + session.clockDrift - this.#marginFor(session)) * 1000 - this.options.now();
    this.#refreshTimer = setTimeout(
      () => {
        this.currentSession().then(
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
      Math.min(Math.max(dueMs, 0), 2_147_483_647),
    );
  }
}
