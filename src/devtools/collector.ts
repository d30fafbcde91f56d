import type { Auth, AuthEvent, AuthSession } from '../core/index';
import { lockHolder, refreshLockName } from '../core/session/crossTab';
import { INSPECT, type RefreshCause, type RefreshListener, type SessionInspection } from '../core/session/sessionInspection';
import { maskedClaims, maskedJson } from './mask';
import type { DevtoolsActions, DevtoolsSnapshot, EventRecord, RefreshRecord, TokenClaims } from './snapshot';

/** How often the cross-tab lock is looked at while the panel is open. */
const LOCK_POLL_MS = 1000;
const KEEP_EVENTS = 50;
const KEEP_REFRESHES = 20;

export interface CollectorOptions {
  /** The device clock, for timestamps. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Watches one engine for the devtools: its state, Hub events (`listen('*')`), each refresh with its
 * cause and outcome (the engine's inspection channel), and the cross-tab refresh lock; hands out
 * immutable, serializable snapshots. Watches only while subscribed (the first subscriber starts it,
 * the last one's leaving stops it), like the engine itself.
 */
export class DevtoolsCollector {
  readonly #auth: Auth;
  readonly #inspection: SessionInspection;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  readonly #seen = new WeakSet<Promise<AuthSession>>();
  #snapshot: DevtoolsSnapshot;
  #refreshes: RefreshRecord[] = [];
  #events: EventRecord[] = [];
  #lock: DevtoolsSnapshot['lock'] = null;
  #nextId = 1;
  #stop: (() => void) | undefined;

  constructor(auth: Auth, options: CollectorOptions = {}) {
    this.#auth = auth;
    this.#inspection = auth[INSPECT]();
    this.#now = options.now ?? Date.now;
    this.#snapshot = this.#build();
  }

  getSnapshot = (): DevtoolsSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    const entry = () => listener();
    this.#listeners.add(entry);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(entry);
      if (this.#listeners.size === 0) this.#stop?.();
    };
  };

  readonly actions: DevtoolsActions = {
    forceRefresh: () => {
      this.#auth.currentSession({ forceRefresh: true }).catch(() => undefined /* the refresh log shows the outcome */);
    },
    expireAccessToken: () => {
      this.#inspection.expireAccessToken();
      this.#update();
    },
  };

  #start(): void {
    const unhook = hookRefreshes(this.#inspection, (cause, outcome) => this.#onRefresh(cause, outcome));
    const unsubscribe = this.#auth.subscribe(this.#update);
    const unlisten = this.#auth.listen('*', (event) => this.#onEvent(event));
    const poll = setInterval(() => void this.#pollLock(), LOCK_POLL_MS);
    void this.#pollLock();
    this.#stop = () => {
      this.#stop = undefined;
      unhook();
      unsubscribe();
      unlisten();
      clearInterval(poll);
    };
    this.#update();
  }

  #onRefresh(cause: RefreshCause, outcome: Promise<AuthSession>): void {
    if (this.#seen.has(outcome)) return; // a caller that joined a refresh already logged
    this.#seen.add(outcome);
    const id = this.#nextId++;
    this.#refreshes = [{ id, cause, startedAt: this.#now(), outcome: 'pending', endedAt: null }, ...this.#refreshes].slice(0, KEEP_REFRESHES);
    const settle = (result: string) => {
      this.#refreshes = this.#refreshes.map((entry) => (entry.id === id ? { ...entry, outcome: result, endedAt: this.#now() } : entry));
      this.#update();
      void this.#pollLock();
    };
    outcome.then(
      () => settle('ok'),
      (error: unknown) => settle(error instanceof Error ? error.name : 'Error'),
    );
    this.#update();
    void this.#pollLock();
  }

  #onEvent(event: AuthEvent): void {
    const { data } = event;
    const detail = data instanceof Error ? data.name : null;
    this.#events = [{ id: this.#nextId++, at: this.#now(), event: event.event, message: event.message, detail }, ...this.#events].slice(0, KEEP_EVENTS);
    this.#update();
  }

  async #pollLock(): Promise<void> {
    const clientId = this.#auth.configure().userPoolWebClientId;
    if (!clientId) return;
    const name = refreshLockName(clientId);
    try {
      const held = await lockHolder(name);
      const lock = { name, ...held };
      const before = this.#lock;
      if (before && before.name === lock.name && before.via === lock.via && before.holder === lock.holder && before.waiting === lock.waiting) return;
      this.#lock = lock;
      this.#update();
    } catch {
      /* no lock API to ask: the panel says so */
    }
  }

  readonly #update = (): void => {
    this.#snapshot = this.#build();
    for (const listener of [...this.#listeners]) listener();
  };

  #build(): DevtoolsSnapshot {
    const state = this.#auth.getState();
    const session = this.#inspection.session;
    return {
      status: state.status,
      username: state.user?.username ?? null,
      nextStep: state.nextStep ? maskedJson(state.nextStep) : null,
      error: state.error ? { name: state.error.name, message: state.error.message } : null,
      tokens: session ? [tokenClaims('id', session), tokenClaims('access', session)] : [],
      refreshes: this.#refreshes,
      events: this.#events,
      lock: this.#lock,
    };
  }
}

// The engine has one slot for a refresh listener; collectors on one engine (a page's panel and
// Storybook's tab) share it through one fan-out per engine.
const refreshListeners = /* @__PURE__ */ new WeakMap<SessionInspection, Set<RefreshListener>>();

function hookRefreshes(inspection: SessionInspection, listener: RefreshListener): () => void {
  let listeners = refreshListeners.get(inspection);
  if (!listeners) {
    const all = (listeners = new Set());
    refreshListeners.set(inspection, all);
    inspection.onRefresh = (cause, outcome) => {
      for (const each of [...all]) each(cause, outcome);
    };
  }
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function tokenClaims(token: 'id' | 'access', session: AuthSession): TokenClaims {
  const payload = token === 'id' ? session.idTokenPayload : session.accessTokenPayload;
  const exp = typeof payload.exp === 'number' ? payload.exp : null;
  return { token, claims: maskedClaims(payload), expiresAt: exp === null ? null : (exp + session.clockDrift) * 1000 };
}
