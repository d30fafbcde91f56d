import type { CreateAuthOptions } from './auth';
import type { ResolvedAuthConfig, ResolvedOAuthConfig } from './config/types';
import { SignInEngine } from './engine';
import { completeSignIn } from './flows/completeSignIn';
import type { FlowContext } from './flows/context';
import { authError, toAuthError } from './normalizeError';
import { saveFlow, takeFlow, type OAuthFlowRecord } from './oauth/flowRecord';
import { HOSTED_UI_FLAG } from './oauth/hostedUiFlag';
import { callbackParams, cleanCallbackUrl, hostedUiOrigin, pickRedirect, sameEndpoint } from './oauth/hostedUiUrls';
import { checkIdToken } from './oauth/idTokenChecks';
import { constantTimeEqual, pkceChallenge, randomToken } from './oauth/pkce';
import { exchangeCode, postForm } from './oauth/tokenEndpoint';
import type { AuthSession } from './session/authSession';
import { decodeJwtPayload } from './session/jwt';
import type { SignInResult } from './types';

export type HostedUiProvider = 'COGNITO' | 'Google' | 'Facebook' | 'LoginWithAmazon' | 'SignInWithApple';

export interface FederatedSignInOptions {
  /** A built-in provider; omit to show the hosted UI's own page with every provider. */
  provider?: HostedUiProvider;
  /** A custom OIDC or SAML provider name as configured in the user pool. */
  customProvider?: string;
  /** Handed back after the redirect in the `customOAuthState` event. Never sent to Cognito. */
  customState?: string;
}


// One completion per callback URL per page, shared by every engine on it: React StrictMode
// builds the provider's engine twice, and a code can be exchanged only once.
const completions = new Map<string, Promise<{ customState?: string }>>();
let warnedImplicit = false;

/** Hosted UI and social sign-in (authorization code + PKCE), on top of the sign-in flows. */
export class HostedUiEngine extends SignInEngine {
  constructor(config: unknown, options?: CreateAuthOptions) {
    super(config, options);
    // Signed out: a callback URL handled before (back button, history, a shared link) must not
    // answer from the cache as if it had signed in again; it starts over and finds no flow.
    this.userChangeListeners.add(() => {
      if (!this.session) this.#forgetCallbacks();
    });
    this.#onConfigured();
  }

  override configure(partial?: unknown): ResolvedAuthConfig {
    const resolved = super.configure(partial);
    if (partial !== undefined) this.#onConfigured();
    return resolved;
  }

  /** Go to the hosted UI (or straight to a social provider through it). Resolves as the page starts to leave. */
  async federatedSignIn(options: FederatedSignInOptions = {}): Promise<void> {
    const source = 'federatedSignIn';
    try {
      if (typeof options !== 'object' || options === null) {
        throw authError('InvalidArgument', 'federatedSignIn takes { provider, customProvider, customState }.', source);
      }
      const oauth = this.#oauth(source);
      const ctx = this.ctx(source);
      const redirectUri = pickRedirect(oauth.redirectSignIn, this.environment.currentUrl(), 'redirectSignIn', source);
      const record: OAuthFlowRecord = {
        state: randomToken(),
        redirectUri,
        responseType: oauth.responseType,
        createdAt: this.options.now(),
        ...(oauth.responseType === 'code' ? { verifier: randomToken(48) } : {}),
        ...(oauth.scope.includes('openid') ? { nonce: randomToken() } : {}),
        ...(options.customState === undefined ? {} : { customState: String(options.customState) }),
      };
      const params = new URLSearchParams({
        response_type: oauth.responseType,
        client_id: ctx.clientId,
        redirect_uri: redirectUri,
        scope: oauth.scope.join(' '),
        state: record.state,
      });
      const provider = options.customProvider ?? options.provider;
      if (provider) params.set('identity_provider', provider);
      if (record.verifier) {
        params.set('code_challenge', await pkceChallenge(record.verifier));
        params.set('code_challenge_method', 'S256');
      }
      if (record.nonce) params.set('nonce', record.nonce);
      saveFlow(this.environment.transientStorage, ctx.clientId, record);
      this.environment.navigate(`${hostedUiOrigin(oauth)}/oauth2/authorize?${params.toString()}`);
    } catch (thrown) {
      const error = toAuthError(thrown, source);
      this.events.emit('signIn_failure', error);
      throw error;
    }
  }

  /**
   * Finish a hosted-UI sign-in on the redirect page: checks, code exchange, session, clean URL.
   * Runs by itself when the engine starts on a callback URL; call it to await the outcome.
   * Resolves null when `url` is not a callback.
   */
  handleRedirect(url: string | undefined = this.environment.currentUrl()): Promise<SignInResult | null> {
    const params = url === undefined ? undefined : callbackParams(url);
    if (!url || !params || !this.config.oauth) return Promise.resolve(null);
    const key = `${this.ctx('handleRedirect').clientId} ${url}`;
    let completion = completions.get(key);
    if (!completion) {
      completion = this.#complete(url, params);
      completions.set(key, completion);
    }
    // Per URL: a later callback (a native shell's next deep link, a retry after a failure) is a new sign-in.
    let adopted = this.#adopted.get(url);
    if (!adopted) {
      adopted = this.#adopt(url, completion);
      this.#adopted.set(url, adopted);
    }
    return adopted;
  }

  /** This engine's outcome per callback URL, so asking twice announces once. */
  #adopted = new Map<string, Promise<SignInResult | null>>();

  /** True when the current session came from the hosted UI. */
  protected get signedInWithHostedUi(): boolean {
    try {
      return this.storage.getItem(HOSTED_UI_FLAG) === 'true';
    } catch {
      return false;
    }
  }

  /** Revoke at `/oauth2/revoke` and leave through the hosted UI's `/logout`, which ends its own session too. */
  protected async hostedUiSignOut(session: AuthSession | null): Promise<void> {
    const oauth = this.config.oauth;
    this.storage.removeItem(HOSTED_UI_FLAG);
    if (!oauth) return;
    const clientId = this.ctx('signOut').clientId;
    if (session?.refreshToken) {
      await postForm(this.options.fetch, `${hostedUiOrigin(oauth)}/oauth2/revoke`, { token: session.refreshToken, client_id: clientId }, 'signOut').catch(
        () => undefined, // a failed revoke must not keep anyone signed in here
      );
    }
    const logoutUri = pickRedirect(oauth.redirectSignOut, this.environment.currentUrl(), 'redirectSignOut', 'signOut');
    this.environment.navigate(`${hostedUiOrigin(oauth)}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: logoutUri })}`);
  }

  #forgetCallbacks(): void {
    this.#adopted = new Map();
    const clientId = this.config.userPoolWebClientId;
    for (const key of completions.keys()) if (key.startsWith(`${clientId} `)) completions.delete(key);
  }

  #onConfigured(): void {
    this.#adopted = new Map();
    const oauth = this.config.oauth;
    if (oauth?.responseType === 'token' && !warnedImplicit) {
      warnedImplicit = true;
      // eslint-disable-next-line no-console -- the one deprecation notice; it never includes a token
      console.warn('cognito-react-kit: oauth.responseType "token" (implicit flow) is deprecated by RFC 9700; use "code".');
    }
    const url = this.environment.currentUrl();
    if (!oauth || !url || !callbackParams(url) || !oauth.redirectSignIn.some((candidate) => sameEndpoint(candidate, url))) return;
    this.dispatch({ type: 'loading' });
    this.handleRedirect(url).catch(() => undefined /* reported through state and signIn_failure */);
  }

  /** This engine's view of a (possibly shared) completion: state, events, clean address bar. */
  async #adopt(url: string, completion: Promise<{ customState?: string }>): Promise<SignInResult> {
    try {
      const { customState } = await completion;
      this.restoreFromStorage();
      const user = this.getState().user;
      if (!user) throw authError('OAuthSignInException', 'The hosted-UI session could not be stored.', 'handleRedirect');
      this.events.emit('signIn', user, `${user.username} has signed in successfully`);
      this.events.emit('cognitoHostedUI', user, 'A user has signed in with the hosted UI');
      if (customState !== undefined) this.events.emit('customOAuthState', customState, 'State from the hosted-UI sign-in');
      return { isSignedIn: true, nextStep: this.getState().nextStep ?? { signInStep: 'DONE' } };
    } catch (thrown) {
      const error = toAuthError(thrown, 'handleRedirect');
      if (this.getState().status !== 'signedIn') {
        if (this.session) {
          // The session this page already had survives a refused callback: say so, with the error.
          this.restoreFromStorage();
          if (this.getState().status === 'signedIn') this.dispatch({ type: 'failed', error });
        } else {
          this.dispatch({ type: 'signedOut', error });
        }
      }
      this.events.emit('signIn_failure', error);
      this.events.emit('cognitoHostedUI_failure', error);
      throw error;
    } finally {
      this.#cleanAddressBar(url);
    }
  }

  /** The work done once per callback: every check, the code exchange, the stored session. */
  async #complete(url: string, params: URLSearchParams): Promise<{ customState?: string }> {
    const source = 'handleRedirect';
    const oauth = this.#oauth(source);
    const ctx = this.ctx(source);
    const record = takeFlow(this.environment.transientStorage, ctx.clientId, this.options.now());
    if (!record) throw authError('OAuthFlowNotFound', 'No hosted-UI sign-in was started from this browser (or it expired).', source);
    // State first, even for an error callback: a forged link must not get its text into our errors.
    if (!constantTimeEqual(params.get('state') ?? '', record.state)) {
      throw authError('OAuthStateMismatch', 'The hosted UI answered a sign-in this page did not start.', source);
    }
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
      region: this.config.region,
      clientId: ctx.clientId,
      // The server's clock: a device clock hours off must not make a fresh token look expired.
      nowMs: this.serverClock.now(),
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
      ...(record.nonce ? { nonce: record.nonce } : {}),
    });
    const previous = ctx.store.lastAuthUser();
    const { username } = await completeSignIn(ctx, tokens, '');
    // Another user's tokens must not linger: drop them only now, once the new session is stored.
    if (previous && previous !== username) ctx.store.clear(previous, { keepLastAuthUser: true });
    this.storage.setItem(HOSTED_UI_FLAG, 'true');
    return record.customState === undefined ? {} : { customState: record.customState };
  }

  async #tokensFrom(ctx: FlowContext, oauth: ResolvedOAuthConfig, params: URLSearchParams, record: OAuthFlowRecord) {
    if (record.responseType === 'code') {
      const code = params.get('code');
      if (!code) throw authError('OAuthSignInException', 'The callback carries no authorization code.', 'handleRedirect');
      if (!record.verifier) throw authError('OAuthFlowNotFound', 'The PKCE verifier of this sign-in is missing.', 'handleRedirect');
      const tokens = await exchangeCode(this.options.fetch, hostedUiOrigin(oauth), {
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
    return { AccessToken: accessToken, IdToken: idToken };
  }

  #cleanAddressBar(url: string): void {
    try {
      const clean = cleanCallbackUrl(url);
      if (clean !== url) this.environment.replaceUrl(clean);
    } catch {
      /* not a URL we can rewrite */
    }
  }

  #oauth(source: string): ResolvedOAuthConfig {
    const oauth = this.config.oauth;
    if (!oauth) throw authError('OAuthNotConfigured', 'No `oauth` (hosted UI) config is set.', source);
    return oauth;
  }
}
