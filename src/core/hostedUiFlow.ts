import type { ResolvedOAuthConfig } from './config/types';
import type { AuthError } from './errors';
import { completeSignIn } from './flows/completeSignIn';
import type { FlowContext } from './flows/context';
import type { FederatedSignInOptions, HostedUiDeps } from './hostedUi';
import { authError, toAuthError } from './normalizeError';
import { flowAnsweredBy, saveFlow, takeFlow, type OAuthFlowRecord } from './oauth/flowRecord';
import { HOSTED_UI_FLAG } from './oauth/hostedUiFlag';
import { callbackParams, cleanCallbackUrl, hostedUiOrigin, pickRedirect, sameEndpoint } from './oauth/hostedUiUrls';
import { checkIdToken } from './oauth/idTokenChecks';
import { relayPopupCallback } from './oauth/popupRelay';
import { POPUP_STATE, type PopupWindow } from './oauth/popupWindow';
import type { AuthSession } from './session/authSession';
import { decodeJwtPayload } from './session/jwt';
import type { SignInResult } from './types';

/** What a completed callback hands every engine of the page. */
interface Completion {
  username: string;
  session: AuthSession;
  customState?: string;
}

export interface HostedUiFlowDeps extends HostedUiDeps {
  /** A refused callback: says why in the state and the events; the error to throw. */
  refused: (thrown: unknown) => AuthError;
}

/**
 * The hosted UI's work (authorization code + PKCE): the redirect out, the callback back, the sign-out
 * through it. A chunk of its own, loaded by `HostedUi` when a page leaves for it or comes back from it.
 */
export class HostedUiFlow {
  readonly #deps: HostedUiFlowDeps;
  /** This engine's outcome per callback URL, so asking twice announces once. */
  #adopted = new Map<string, Promise<SignInResult | null>>();

  constructor(deps: HostedUiFlowDeps) {
    this.#deps = deps;
  }

  /** A new config or principal: a callback URL handled before must start over, not answer from the cache. */
  forget(): void {
    this.#adopted = new Map();
  }

  /** With `popup` (opened by the caller, still blank; null when the browser blocked it): the sign-in runs there and this resolves signed in. */
  async federatedSignIn(options: FederatedSignInOptions = {}, popup?: PopupWindow | null): Promise<SignInResult | void> {
    const source = 'federatedSignIn';
    const { environment, now, random } = this.#deps;
    let callback: { url: string; params: URLSearchParams };
    let pending: { clientId: string; state: string } | undefined;
    try {
      if (typeof options !== 'object' || options === null) {
        throw authError('InvalidArgument', 'federatedSignIn takes { provider, customProvider, customState }.', source);
      }
      if (popup === null) throw authError('OAuthPopupBlocked', 'The browser blocked the sign-in popup: open it from a click, before any await.', source);
      const oauth = this.#oauth(source);
      const ctx = this.#deps.pool().ctx(source);
      // Signing in as someone else would leave this user's tokens valid: sign out first.
      if (this.#deps.sessions.session) throw authError('UserAlreadyAuthenticatedException', 'There is already a signed in user: sign out first.', source);
      // Only a sign-in that leaves for the hosted UI needs this code: it loads on demand.
      const { authorizeRequest } = await import('./oauth/authorizeRequest');
      const { url, record } = await authorizeRequest({ oauth, clientId: ctx.clientId, options, currentUrl: environment.currentUrl(), random, now, source, popup: !!popup });
      saveFlow(environment.transientStorage, ctx.clientId, record);
      if (popup) {
        pending = { clientId: ctx.clientId, state: record.state };
        const { awaitPopupCallback } = await import('./oauth/awaitPopup');
        const { timeoutMs, windowFeatures } = typeof options.popup === 'object' ? options.popup : {};
        const wait = { popup, url, state: record.state, responseType: record.responseType, timers: this.#deps.timers, timeoutMs, ownFeatures: !!windowFeatures };
        callback = await awaitPopupCallback(wait);
      } else {
        if (!this.#deps.openAuthSession) return environment.navigate(url);
        callback = await this.#inAppBrowser(url, record, ctx.clientId);
      }
    } catch (thrown) {
      // A popup that gave no answer: nothing is left pending, and no window either.
      popup?.close();
      if (pending) takeFlow(environment.transientStorage, pending.clientId, pending.state, now());
      const error = toAuthError(thrown, source);
      this.#deps.events.emit('signIn_failure', error);
      throw error;
    }
    // The answer the popup relayed or the in-app browser came back with: the code exchange, as on a redirect page.
    const result = await this.handleRedirect(callback.url, callback.params, !popup);
    if (!popup) return;
    // Null only when another sign-in started in this tab meanwhile and took over its record.
    if (!result) throw this.#deps.refused(authError('OAuthFlowNotFound', 'Another sign-in took over this popup sign-in.', 'handleRedirect'));
    return result;
  }

  /** The hosted UI in the app's in-app browser, until it comes back to the redirect URL with an answer to this sign-in. */
  async #inAppBrowser(url: string, record: OAuthFlowRecord, clientId: string): Promise<{ url: string; params: URLSearchParams }> {
    const source = 'federatedSignIn';
    const { environment, now } = this.#deps;
    const result = await this.#deps.openAuthSession!(url, record.redirectUri);
    const params = result.type === 'success' && typeof result.url === 'string' ? callbackParams(result.url, record.responseType) : undefined;
    if (result.type === 'success' && params && flowAnsweredBy(environment.transientStorage, clientId, params.get('state'))) return { url: result.url, params };
    // Closed, or back without an answer to this sign-in: nothing is left pending.
    takeFlow(environment.transientStorage, clientId, record.state, now());
    if (result.type === 'success') throw authError('OAuthStateMismatch', 'The in-app browser came back without an answer to this sign-in.', source);
    throw authError('OAuthSignInCanceled', `The hosted-UI sign-in was closed before it finished (${result.type}).`, source);
  }

  /**
   * Finish a hosted-UI sign-in on the redirect page; null when `url` does not answer the flow pending
   * in this tab. `onThisPage` false: the answer came from a popup, so this page's address bar is not it.
   */
  handleRedirect(url: string, params: URLSearchParams, onThisPage = true): Promise<SignInResult | null> {
    // A popup sign-in's answer is exchanged by the page that opened the popup, never on the page it reached: relayed there.
    if (onThisPage && params.get('state')?.startsWith(POPUP_STATE)) {
      relayPopupCallback(url);
      return Promise.resolve(null);
    }
    const pool = this.#deps.pool();
    // One completion per callback URL for every engine sharing the coordinator: a code is exchanged once.
    const completion = this.#deps.coordinator.once(`${pool.ctx('handleRedirect').clientId} ${url}`, () => this.#complete(url, params));
    // Per URL: a later callback (a native shell's next deep link, a retry after a failure) is a new sign-in.
    let adopted = this.#adopted.get(url);
    if (!adopted) {
      adopted = this.#adopt(url, completion, onThisPage);
      this.#adopted.set(url, adopted);
    }
    return adopted;
  }

  /** Revoke at `/oauth2/revoke` and leave through the hosted UI's `/logout`, which ends its own session too. */
  async signOut(session: AuthSession | null): Promise<void> {
    const pool = this.#deps.pool();
    const oauth = pool.config.oauth;
    pool.storage.removeItem(HOSTED_UI_FLAG);
    if (!oauth) return;
    const clientId = pool.ctx('signOut').clientId;
    if (session?.refreshToken) {
      // The token endpoint's code is needed only on the callback page and at sign-out: loaded then.
      const { postForm } = await import('./oauth/tokenEndpoint');
      await postForm(this.#deps.client.fetch, `${hostedUiOrigin(oauth)}/oauth2/revoke`, { token: session.refreshToken, client_id: clientId }, 'signOut').catch(
        () => undefined, // a failed revoke must not keep anyone signed in here
      );
    }
    const logoutUri = pickRedirect(oauth.redirectSignOut, this.#deps.environment.currentUrl(), 'redirectSignOut', 'signOut');
    const logout = `${hostedUiOrigin(oauth)}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: logoutUri })}`;
    // In an in-app browser, the hosted UI's own session (its cookie there) ends the same way; closing it early changes nothing here.
    if (this.#deps.openAuthSession) await this.#deps.openAuthSession(logout, logoutUri).catch(() => undefined);
    else this.#deps.environment.navigate(logout);
  }

  /** This engine's view of a (possibly shared) completion: state, events, clean address bar. */
  async #adopt(url: string, completion: Promise<Completion | null>, onThisPage: boolean): Promise<SignInResult | null> {
    const { store, events, sessions } = this.#deps;
    let outcome: Completion | null;
    try {
      outcome = await completion;
      if (!outcome) {
        // Not our callback after all (another engine of this tab took the flow first): back to what storage says.
        if (store.getState().status === 'loading') sessions.restore();
        return null;
      }
    } catch (thrown) {
      if (onThisPage) this.#cleanAddressBar(url);
      throw this.#deps.refused(thrown);
    }
    // The session as checked, not re-read from storage: storage may judge it otherwise (a drift it
    // does not keep, a token within the leeway), and then the state would contradict this outcome.
    const user = sessions.begin(outcome.username, outcome.session);
    try {
      this.#deps.pool().storage.setItem(HOSTED_UI_FLAG, 'true');
    } catch {
      /* without the flag, signOut skips the hosted UI's /logout: no reason to refuse a sign-in */
    }
    if (onThisPage) this.#cleanAddressBar(url);
    events.emit('signIn', user, `${user.username} has signed in successfully`);
    events.emit('cognitoHostedUI', user, 'A user has signed in with the hosted UI');
    if (outcome.customState !== undefined) events.emit('customOAuthState', outcome.customState, 'State from the hosted-UI sign-in');
    // An async store (AsyncStorage) holds the session before this resolves.
    const written = this.#deps.pool().persisted();
    if (written) await written;
    return { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
  }

  /**
   * The work done once per callback: every check, the code exchange, the stored session. Null when
   * `url` answers no flow pending in this tab: then nothing is used up.
   */
  async #complete(url: string, params: URLSearchParams): Promise<Completion | null> {
    const source = 'handleRedirect';
    const pool = this.#deps.pool();
    const oauth = this.#oauth(source);
    const ctx = pool.ctx(source);
    const { transientStorage } = this.#deps.environment;
    // Before any await: engines sharing this tab's sessionStorage must not both take the record.
    if (!flowAnsweredBy(transientStorage, ctx.clientId, params.get('state'))) return null;
    const record = takeFlow(transientStorage, ctx.clientId, params.get('state'), this.#deps.now());
    if (!record) throw authError('OAuthFlowNotFound', 'This hosted-UI sign-in expired (or its record in this tab is damaged).', source);
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description');
      throw authError('OAuthSignInException', description ? `${error}: ${description}` : error, source);
    }
    if (!oauth.redirectSignIn.includes(record.redirectUri) || !sameEndpoint(url, record.redirectUri)) {
      throw authError('OAuthRedirectMismatch', 'The callback arrived at a URL that is not the configured redirectSignIn.', source);
    }
    const tokens = await this.#tokensFrom(ctx, oauth, params, record);
    checkIdToken(decodeJwtPayload(tokens.IdToken), {
      userPoolId: ctx.userPoolId,
      region: pool.config.region,
      clientId: ctx.clientId,
      // The server's clock: a device clock hours off must not make a fresh token look expired.
      nowMs: this.#deps.client.serverClock.now(),
      ...(pool.config.endpoint ? { endpoint: pool.config.endpoint } : {}),
      ...(record.nonce ? { nonce: record.nonce } : {}),
    });
    const previous = ctx.tokens.lastAuthUser();
    const { username, session } = await completeSignIn(ctx, tokens, '');
    // Another user's tokens must not linger: drop them only now, once the new session is stored.
    if (previous && previous !== username) ctx.tokens.clear(previous, { keepLastAuthUser: true });
    return { username, session, ...(record.customState === undefined ? {} : { customState: record.customState }) };
  }

  async #tokensFrom(ctx: FlowContext, oauth: ResolvedOAuthConfig, params: URLSearchParams, record: OAuthFlowRecord) {
    if (record.responseType === 'code') {
      const code = params.get('code');
      if (!code) throw authError('OAuthSignInException', 'The callback carries no authorization code.', 'handleRedirect');
      if (!record.verifier) throw authError('OAuthFlowNotFound', 'The PKCE verifier of this sign-in is missing.', 'handleRedirect');
      const { exchangeCode } = await import('./oauth/tokenEndpoint');
      const tokens = await exchangeCode(this.#deps.client.fetch, hostedUiOrigin(oauth), {
        clientId: ctx.clientId,
        code,
        redirectUri: record.redirectUri,
        verifier: record.verifier,
      });
      return { AccessToken: tokens.access_token, IdToken: tokens.id_token, ...(tokens.refresh_token ? { RefreshToken: tokens.refresh_token } : {}) };
    }
    const accessToken = params.get('access_token');
    const idToken = params.get('id_token');
    if (!accessToken || !idToken) throw authError('OAuthSignInException', 'The callback carries no tokens.', 'handleRedirect');
    // Tokens from a URL, not from the token endpoint: the pool must have signed them. (Fetching its
    // keys also teaches the server clock that checkIdToken judges exp and iat by.)
    const pool = this.#deps.pool();
    const { region, endpoint } = pool.config;
    const { verifyImplicitTokens } = await import('./oauth/idTokenSignature');
    await verifyImplicitTokens({ idToken, accessToken }, { region, userPoolId: ctx.userPoolId, ...(endpoint ? { endpoint } : {}) }, pool.signingKeys);
    return { AccessToken: accessToken, IdToken: idToken };
  }

  #cleanAddressBar(url: string): void {
    try {
      const clean = cleanCallbackUrl(url);
      if (clean !== url) this.#deps.environment.replaceUrl(clean);
    } catch {
      /* not a URL we can rewrite */
    }
  }

  #oauth(source: string): ResolvedOAuthConfig {
    const oauth = this.#deps.pool().config.oauth;
    if (!oauth) throw authError('OAuthNotConfigured', 'No `oauth` (hosted UI) config is set.', source);
    return oauth;
  }
}
