import type { AccountApi } from './accountApi';
import type { AuthStore } from './authStore';
import type { AuthEvents } from './events';
import type { HostedUi } from './hostedUi';
import type { SessionManager } from './sessionManager';

export interface SignOutFlowDeps {
  store: AuthStore;
  events: AuthEvents;
  sessions: SessionManager;
  hostedUi: HostedUi;
  /** Loaded on first use. */
  account: () => Promise<AccountApi>;
  /** Drops unfinished sign-in and sign-up steps. */
  forgetSteps: () => void;
}

/** Ending the session: signing out (here, everywhere, or at the hosted UI too) and deleting the user. */
export class SignOutFlow {
  readonly #deps: SignOutFlowDeps;

  constructor(deps: SignOutFlowDeps) {
    this.#deps = deps;
  }

  async signOut(global: boolean): Promise<void> {
    const { sessions, hostedUi, store, events } = this.#deps;
    this.#deps.forgetSteps();
    const session = sessions.session;
    const viaHostedUi = session !== null && hostedUi.signedInHere;
    if (session) await sessions.revoke(session, global, viaHostedUi);
    const state = store.getState();
    if (sessions.session || state.status !== 'signedOut' || state.nextStep) sessions.end();
    events.emit('signOut', undefined, 'A user has been signed out');
    // Last: it navigates away. The hosted UI keeps its own session cookie until /logout clears it.
    if (viaHostedUi) await hostedUi.signOut(global ? null : session);
  }

  async deleteUser(): Promise<'SUCCESS'> {
    await (await this.#deps.account()).deleteUser();
    this.#deps.forgetSteps();
    this.#deps.sessions.end(null, { forgetDevice: true });
    this.#deps.events.emit('userDeleted', undefined, 'The authenticated user has been deleted.');
    return 'SUCCESS';
  }
}
