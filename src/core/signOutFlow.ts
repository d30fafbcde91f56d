import type { AccountApi } from './accountApi';
import type { AuthStore } from './authStore';
import type { ConfiguredPool } from './configuredPool';
import type { AuthEvents } from './events';
import type { HostedUi } from './hostedUi';
import { toAuthError } from './normalizeError';
import type { AuthSession } from './session/authSession';
import { endsSession } from './session/refreshPolicy';
import type { SessionManager } from './sessionManager';

export interface SignOutFlowDeps {
  pool: () => ConfiguredPool;
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
    if (sessions.hydrating) await sessions.hydrating;
    const session = sessions.session;
    const viaHostedUi = session !== null && hostedUi.signedInHere;
    if (session) await this.#revoke(session, global, viaHostedUi);
    const state = store.getState();
    if (sessions.session || state.status !== 'signedOut' || state.nextStep) sessions.end();
    events.emit('signOut', undefined, 'A user has been signed out');
    // An async store (AsyncStorage) no longer has the session before this resolves.
    await this.#deps.pool().persisted();
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

  /** Revoke what signing out should (global: every token; else this refresh token), where Cognito allows. */
  async #revoke(session: AuthSession, global: boolean, viaHostedUi: boolean): Promise<void> {
    try {
      const ctx = this.#deps.pool().ctx('signOut');
      if (global) {
        // Not withAccessToken: on a dead session that would end it and announce signOut itself,
        // and signOut's own announcement would be the second one.
        const { accessToken } = await this.#deps.sessions.currentSession();
        await ctx.call('GlobalSignOut', { AccessToken: accessToken });
      } else if (!viaHostedUi && session.refreshToken && session.accessTokenPayload['origin_jti']) {
        // Token revocation is on for this client (origin_jti present): revoke, as Amplify does.
        // (A hosted-UI session is revoked at /oauth2/revoke, with the hosted UI's own logout.)
        await ctx.call('RevokeToken', { Token: session.refreshToken, ClientId: ctx.clientId });
      }
      // The server holds the refresh token: it revokes it and clears its cookie.
      if (ctx.sessionEndpoint) await (await ctx.sessionEndpoint()).signOut();
    } catch (thrown) {
      const error = toAuthError(thrown, 'signOut');
      const dead = error.name === 'NoCurrentUser' || error.name === 'NotAuthorizedException' || endsSession(error);
      // A global sign-out that did not reach Cognito did not happen: say so and stay signed in.
      if (global && this.#deps.sessions.session && !dead) throw error;
      // A failed revoke of a local sign-out must not keep the user signed in here.
    }
  }
}
