import type { AccountApi } from './accountApi';
import type { ResolvedAuthOptions } from './authOptions';
import { AuthStore } from './authStore';
import type { CognitoClient } from './cognitoClient';
import type { ConfiguredPool } from './configuredPool';
import { IdentityCredentials } from './credentials/identityCredentials';
import { defaultEnvironment, type BrowserEnvironment } from './environment';
import { AuthEvents } from './events';
import { HostedUi } from './hostedUi';
import type { PasskeyApi } from './passkeyApi';
import { PasswordResetFlow } from './passwordResetFlow';
import { SessionManager } from './sessionManager';
import { SignInFlow } from './signInFlow';
import { SignOutFlow } from './signOutFlow';
import { SignUpFlow } from './signUpFlow';

/** The services behind the `Auth` façade, each handed only what it needs. */
export interface AuthServices {
  events: AuthEvents;
  store: AuthStore;
  sessions: SessionManager;
  signIn: SignInFlow;
  signUp: SignUpFlow;
  passwordReset: PasswordResetFlow;
  hostedUi: HostedUi;
  /** What a signed-in user does to their account, loaded on first use. */
  account: () => Promise<AccountApi>;
  credentials: IdentityCredentials;
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
  const shared = { pool, store: new AuthStore(), events: new AuthEvents() };
  // Credentials and callbacks belong to one principal: a sign-in, sign-out or user switch drops them.
  const onPrincipalChange = (): void => {
    credentials.clear();
    if (!sessions.session) hostedUi.forgetCallbacks();
  };
  const sessions = new SessionManager({ ...shared, options, onPrincipalChange });
  const signIn = new SignInFlow({ ...shared, sessions, srp: options.srp });
  const signUp = new SignUpFlow({ ...shared, signIn, options });
  const account = once(() => import('./accountApi').then((m) => new m.AccountApi({ ...shared, sessions })));
  const hostedUi = new HostedUi({ ...shared, ...options, sessions, client, environment: defaultEnvironment(environment) });
  const credentials = new IdentityCredentials({ pool, client, now: options.now, sessions });
  const forgetSteps = (): void => {
    signIn.reset();
    signUp.reset();
  };
  return {
    ...shared,
    sessions,
    signIn,
    signUp,
    passwordReset: new PasswordResetFlow(shared),
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

/** `load` runs once; a failure (a chunk that did not arrive) lets the next call try again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
