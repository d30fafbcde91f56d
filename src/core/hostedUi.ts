import type { AuthStore } from './authStore';
import type { CognitoClient } from './cognitoClient';
import type { ConfiguredPool } from './configuredPool';
import type { BrowserEnvironment } from './environment';
import type { AuthEvents } from './events';
import type { AuthError } from './errors';
import type { HostedUiFlow } from './hostedUiFlow';
import { lazy, type Lazy } from './lazyService';
import { toAuthError } from './normalizeError';
import { flowAnsweredBy } from './oauth/flowRecord';
import { HOSTED_UI_FLAG } from './oauth/hostedUiFlag';
import { callbackParams, sameEndpoint } from './oauth/hostedUiUrls';
import type { OpenAuthSession } from './oauth/openAuthSession';
import { OPENED_POPUP, openPopup, POPUP_STATE, type PopupOptions, type PopupWindow } from './oauth/popupWindow';
import type { PageCoordinator } from './pageCoordinator';
import type { AuthSession } from './session/authSession';
import type { SessionManager } from './sessionManager';
import type { Timers } from './timers';
import type { SignInResult } from './types';

export type HostedUiProvider = 'COGNITO' | 'Google' | 'Facebook' | 'LoginWithAmazon' | 'SignInWithApple';

export interface FederatedSignInOptions {
  /** A built-in provider; omit to show the hosted UI's own page with every provider. */
  provider?: HostedUiProvider;
  /** A custom OIDC or SAML provider name as configured in the user pool. */
  customProvider?: string;
  /** Handed back after the redirect in the `customOAuthState` event. Never sent to Cognito. */
  customState?: string;
  /** Prefills the sign-in page's username (`login_hint`). */
  loginHint?: string;
  /** The managed login page's language (`lang`), e.g. `fr` or `pt-BR`. */
  lang?: string;
  /** `login` asks for credentials again; `none` never shows a page (fails when signed out); also `consent`, `select_account`. */
  prompt?: 'login' | 'none' | 'consent' | 'select_account';
  /** Picks the federated provider by an identifier the pool maps to it (e.g. the user's email domain). */
  idpIdentifier?: string;
  /** The id token must carry this nonce (default: a fresh random one when `openid` is in scope). */
  nonce?: string;
  /** Sign in in a popup window (call from the click's handler): the page stays, the call resolves signed in. Default false (the page leaves for the hosted UI). */
  popup?: boolean | PopupOptions;
}

/** `federatedSignIn` in a popup window: it resolves signed in. */
export type PopupSignInOptions = FederatedSignInOptions & { popup: true | PopupOptions };

/** `federatedSignIn`'s options as given, refusing names it does not know (a generic parameter alone would let a typo such as `custmState` through). */
export type FederatedSignInInput<O> = O & { [K in Exclude<keyof O, keyof FederatedSignInOptions>]: never };

/** What `federatedSignIn(options)` resolves with: the sign-in's result in a popup; nothing when the page leaves for the hosted UI. */
export type FederatedSignInResult<O extends FederatedSignInOptions> = O extends { popup: true | PopupOptions }
  ? SignInResult
  : O extends { popup: boolean | PopupOptions } // known at run time only (a `popup: false` included)
    ? SignInResult | void
    : void;

export interface HostedUiDeps {
  pool: () => ConfiguredPool;
  store: AuthStore;
  events: AuthEvents;
  sessions: SessionManager;
  client: CognitoClient;
  environment: BrowserEnvironment;
  now: () => number;
  random: (size: number) => Uint8Array;
  timers: Timers;
  coordinator: PageCoordinator;
  openAuthSession: OpenAuthSession | undefined;
}

/**
 * Hosted UI and social sign-in: what every page needs (is this our callback? did the session come from
 * the hosted UI?); the redirect out, the callback back and the sign-out through it are `HostedUiFlow`,
 * loaded when used.
 */
export class HostedUi {
  readonly #deps: HostedUiDeps;
  readonly #flow: Lazy<HostedUiFlow>;

  constructor(deps: HostedUiDeps) {
    this.#deps = deps;
    this.#flow = lazy(() => import('./hostedUiFlow').then((m) => new m.HostedUiFlow({ ...deps, refused: (thrown) => this.#refused(thrown) })));
  }

  /**
   * Whether this page is our callback: on a configured redirectSignIn, answering the flow pending in
   * this tab (its state). The state shows loading until `start()` completes it. Any other URL with
   * `code` or `state` in it (a promo code, a search page) is the app's own business.
   */
  get onCallbackPage(): boolean {
    const { config } = this.#deps.pool();
    const url = this.#deps.environment.currentUrl();
    const state = (url && config.oauth ? callbackParams(url, config.oauth.responseType) : undefined)?.get('state');
    return (
      !!state &&
      !!config.userPoolWebClientId &&
      !!config.oauth?.redirectSignIn.some((candidate) => sameEndpoint(candidate, url!)) &&
      // A popup sign-in's answer is only relayed from here, to the page that opened the popup and checks it.
      (state.startsWith(POPUP_STATE) ? !!(globalThis as { opener?: unknown }).opener : !!flowAnsweredBy(this.#deps.environment.transientStorage, config.userPoolWebClientId, state))
    );
  }

  /** A new config: forget this engine's callbacks, warn about the implicit flow once. */
  configured(): void {
    this.#flow.loaded?.forget();
    if (this.#deps.pool().config.oauth?.responseType === 'token') {
      this.#deps.coordinator.warnOnce('implicit-flow', 'cognito-react-kit: oauth.responseType "token" (implicit flow) is deprecated by RFC 9700; use "code".');
    }
  }

  /** Complete the callback this page is on, if it is one (started engines only). */
  start(): void {
    if (!this.onCallbackPage) return;
    this.handleRedirect().catch(() => undefined /* reported through state and signIn_failure */);
  }

  /** Signed out: a callback URL handled before (back button, a shared link) must start over, not answer from the cache. */
  forgetCallbacks(): void {
    this.#flow.loaded?.forget();
    this.#deps.coordinator.forget(`${this.#deps.pool().config.userPoolWebClientId} `);
  }

  federatedSignIn(options: FederatedSignInOptions = {}): Promise<SignInResult | void> {
    // Before any await: browsers allow a popup only in the task of the user's click (null: blocked).
    const opened = (options as { [OPENED_POPUP]?: PopupWindow | null } | undefined)?.[OPENED_POPUP];
    const popup = options?.popup ? (opened !== undefined ? opened : openPopup(options.popup)) : undefined;
    return this.#flow.load().then(
      (flow) => flow.federatedSignIn(options, popup),
      (thrown: unknown) => {
        popup?.close();
        const error = toAuthError(thrown, 'federatedSignIn');
        this.#deps.events.emit('signIn_failure', error);
        throw error;
      },
    );
  }

  /** Finish a hosted-UI sign-in on the redirect page; null when `url` does not answer the flow pending in this tab. */
  handleRedirect(url: string | undefined = this.#deps.environment.currentUrl()): Promise<SignInResult | null> {
    const oauth = this.#deps.pool().config.oauth;
    const params = url === undefined || !oauth ? undefined : callbackParams(url, oauth.responseType);
    if (!url || !params) return Promise.resolve(null);
    const loaded = this.#flow.loaded;
    if (loaded) return loaded.handleRedirect(url, params);
    return this.#flow.load().then(
      (flow) => flow.handleRedirect(url, params),
      (thrown: unknown) => Promise.reject(this.#refused(thrown)),
    );
  }

  /** True when the current session came from the hosted UI. */
  get signedInHere(): boolean {
    try {
      return this.#deps.pool().storage.getItem(HOSTED_UI_FLAG) === 'true';
    } catch {
      return false;
    }
  }

  /** Revoke at `/oauth2/revoke` and leave through the hosted UI's `/logout`, which ends its own session too. */
  signOut(session: AuthSession | null): Promise<void> {
    return this.#flow.load().then((flow) => flow.signOut(session));
  }

  /** A refused callback: the state says why (keeping a session this page already had), and so do the events. */
  #refused(thrown: unknown): AuthError {
    const { store, events, sessions } = this.#deps;
    const error = toAuthError(thrown, 'handleRedirect');
    if (store.getState().status !== 'signedIn') {
      if (sessions.session) {
        // The session this page already had survives a refused callback: say so, with the error.
        sessions.restore();
        const user = store.getState().user;
        if (user) store.dispatch({ type: 'signedIn', user, error });
      } else {
        store.dispatch({ type: 'signedOut', error });
      }
    }
    events.emit('signIn_failure', error);
    events.emit('cognitoHostedUI_failure', error);
    return error;
  }
}
