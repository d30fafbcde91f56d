import type { AccountApi } from './accountApi';
import type { ResolvedAuthOptions } from './authOptions';
import { AuthStore } from './authStore';
import type { CognitoClient } from './cognitoClient';
import type { ConfiguredPool } from './configuredPool';
import type { IdentityCredentials } from './credentials/identityCredentials';
import { defaultEnvironment, type BrowserEnvironment } from './environment';
import { AuthEvents } from './events';
import { HostedUi } from './hostedUi';
import { lazy, lazyFlow, once, type Lazy, type LazyFlow } from './lazyService';
import type { PasskeyApi } from './passkeyApi';
import type { PasswordResetFlow } from './passwordResetFlow';
import { SessionManager } from './sessionManager';
import type { SignInFlow } from './signInFlow';
import { SignOutFlow } from './signOutFlow';
import type { SignUpFlow } from './signUpFlow';
import type { SrpClient } from './srp/srpClient';

/** The services behind the `Auth` façade, each handed only what it needs. */
export interface AuthServices {
  events: AuthEvents;
  store: AuthStore;
  sessions: SessionManager;
  /** The signed-out flows, each a chunk loaded on first use (sign-in also when its form shows: `prepareSignIn`). */
  signIn: LazyFlow<SignInFlow>;
  signUp: LazyFlow<SignUpFlow>;
  passwordReset: LazyFlow<PasswordResetFlow>;
  hostedUi: HostedUi;
  /** What a signed-in user does to their account, loaded on first use. */
  account: () => Promise<AccountApi>;
  /** Identity-pool credentials, loaded on first use. */
  credentials: Lazy<IdentityCredentials>;
  signOut: SignOutFlow;
  /** Passkey management, loaded on first use. */
  passkeys: () => Promise<PasskeyApi>;
}

export interface AuthServicesInput {
  options: ResolvedAuthOptions;
  client: CognitoClient;
  /** The current pool: `configure()` replaces it, services read it on each use. */
  pool: () => ConfiguredPool;
  environment: Partial<BrowserEnvironment> | undefined;
}

/** Builds the services (allocation only: nothing is requested or scheduled here). */
export function composeServices({ options, client, pool, environment }: AuthServicesInput): AuthServices {
  const shared = { pool, store: new AuthStore(), events: new AuthEvents(), persisted: () => pool().persisted() };
  // Credentials and callbacks belong to one principal: a sign-in, sign-out or user switch drops them.
  const onPrincipalChange = (): void => {
    credentials.loaded?.clear();
    if (!sessions.session) hostedUi.forgetCallbacks();
  };
  const sessions = new SessionManager({ ...shared, options, onPrincipalChange });
  const signIn = lazyFlow(shared, () => import('./signInFlow').then((m) => new m.SignInFlow({ ...shared, sessions })));
  const signUp = lazyFlow(shared, () => import('./signUpFlow').then((m) => new m.SignUpFlow({ ...shared, signIn: signIn.load, options })));
  const account = once(() => import('./accountApi').then((m) => new m.AccountApi({ ...shared, sessions })));
  const hostedUi = new HostedUi({ ...shared, ...options, sessions, client, environment: defaultEnvironment(environment) });
  const credentials = lazy(() => import('./credentials/identityCredentials').then((m) => new m.IdentityCredentials({ pool, client, now: options.now, sessions })));
  const forgetSteps = (): void => {
    signIn.loaded?.reset();
    signUp.loaded?.reset();
  };
  return {
    ...shared,
    sessions,
    signIn,
    signUp,
    passwordReset: lazyFlow(shared, () => import('./passwordResetFlow').then((m) => new m.PasswordResetFlow(shared))),
    hostedUi,
    account,
    credentials,
    signOut: new SignOutFlow({ ...shared, sessions, hostedUi, account, forgetSteps }),
    passkeys: once(() => import('./passkeyApi').then((m) => new m.PasskeyApi({ pool, sessions, passkeys: options.passkeys }))),
  };
}

/** A config in place: restore its stored session, show loading on a callback page (until start() completes it). */
export function applyConfig(s: AuthServices): void {
  s.sessions.restore();
  s.hostedUi.configured();
  if (s.hostedUi.onCallbackPage) s.store.dispatch({ type: 'loading' });
  s.events.emit('configured', undefined, 'The Auth category has been configured successfully');
}

/** The background work `start()` begins: refresh timers, a hosted-UI callback. */
export function startServices(s: AuthServices): void {
  s.sessions.start();
  s.hostedUi.start();
}

/**
 * Starts what a sign-in form needs, so the first click waits for neither: the sign-in chunk, and the
 * password-independent SRP math (`a`, `A`). Safe to call often; nothing to do without a user pool.
 */
export function prepareSignIn(s: AuthServices, pool: ConfiguredPool, srp: SrpClient): void {
  if (!pool.config.userPoolId) return;
  // Only optimisations: a failure here resurfaces, typed, when signIn needs the chunk or computes A itself.
  s.signIn.load().catch(() => undefined);
  if (pool.config.authenticationFlowType !== 'USER_PASSWORD_AUTH') srp.prepare?.().catch(() => undefined);
}

/** Drops an unfinished sign-in (or sign-up confirmation, password reset) without a request; nothing happens unless signed out. */
export function cancelSignIn(s: AuthServices): void {
  if (s.store.getState().status !== 'signedOut') return;
  s.signIn.loaded?.reset();
  s.store.dispatch({ type: 'step', nextStep: null });
}
