import type { Auth, AuthConfigInput, AuthState, CreateAuthOptions, ResolvedAuthConfig } from '../core/index';
import { mergeConfig, normalizeConfigInput, resolveConfig } from '../core/config/index';
import { OPENED_POPUP, openPopup } from '../core/oauth/popupWindow';
import { INSPECT, type RefreshListener, type SessionInspection } from '../core/session/sessionInspection';
import { afterPaint } from './afterPaint';
import { surelySignedOut } from './storedSessionPeek';

/** Loads the engine's code: `createAuth`, from a chunk loaded on demand. */
export type LoadEngine = () => Promise<(config: AuthConfigInput, options: CreateAuthOptions | undefined) => Auth>;

const SIGNED_OUT: AuthState = Object.freeze({ status: 'signedOut', user: null, nextStep: null, error: null });
const LOADING: AuthState = Object.freeze({ status: 'loading', user: null, nextStep: null, error: null });
/** After a load nobody's action asked for failed (a lost network): tried again after these waits, the last repeated, while mounted. */
const RETRY_MS = [1000, 2000, 4000, 8000, 10_000];

/**
 * How each of the engine's members behaves before the engine is there: `own` ones are answered here
 * (state, subscriptions, config); `later` ones wait for the engine and forward (every action returns a
 * promise already); `engine` ones need a session or credentials, which only the engine can have handed out.
 * Typed against `keyof Auth`, so a member added to the engine must be placed here.
 */
const MEMBERS = {
  start: 'own', stop: 'own', getState: 'own', subscribe: 'own', listen: 'own', configure: 'own', prepareSignIn: 'own', supportsPasskeys: 'own', abort: 'own',
  sessionFreshFor: 'engine', credentialsFreshFor: 'engine', essentialCredentials: 'engine',
  currentSession: 'later', signIn: 'later', confirmSignIn: 'later', completeNewPassword: 'later', sendCustomChallengeAnswer: 'later', resendSignInCode: 'later',
  cancelSignIn: 'later', handleRedirect: 'later', federatedSignIn: 'own', signOut: 'later', signUp: 'later', confirmSignUp: 'later', autoSignIn: 'later',
  resendSignUp: 'later', forgotPassword: 'later', forgotPasswordSubmit: 'later', currentAuthenticatedUser: 'later', currentUserInfo: 'later', userAttributes: 'later',
  updateUserAttributes: 'later', deleteUserAttributes: 'later', verifyCurrentUserAttribute: 'later', verifyCurrentUserAttributeSubmit: 'later', verifyUserAttribute: 'later',
  verifyUserAttributeSubmit: 'later', changePassword: 'later', setupTOTP: 'later', verifyTotpToken: 'later', setPreferredMFA: 'later', getPreferredMFA: 'later',
  fetchMFAPreference: 'later', updateMFAPreference: 'later', associateWebAuthnCredential: 'later', listWebAuthnCredentials: 'later', deleteWebAuthnCredential: 'later',
  rememberDevice: 'later', forgetDevice: 'later', fetchDevices: 'later', deleteUser: 'later', currentCredentials: 'later', credentialsProvider: 'later',
} as const satisfies Record<Exclude<keyof Auth, typeof INSPECT>, 'own' | 'later' | 'engine'>;

type Member = keyof typeof MEMBERS;
/** A member of the engine as the function it is (overloaded members: their last form). */
type Method<K extends Member> = Extract<Auth[K], (...args: never[]) => unknown>;
type AnyListen = (event: string, listener: (event: never) => void) => () => void;

/**
 * An `Auth` that exists before its engine does: the first frame renders from a synchronous peek at storage
 * (signed out for sure, else loading), and the engine's code loads and runs after that frame is painted
 * (at once when a session may be stored, or on the first action). Every subscription, `start()`, event
 * listener and `configure()` made before is handed to the engine when it arrives; then everything forwards.
 * The config is resolved (and checked, throwing the same `ConfigError`s) here, synchronously: the form's
 * fields depend on it.
 */
export function deferredAuth(config: AuthConfigInput, options: CreateAuthOptions | undefined, loadEngine: LoadEngine): Auth {
  let raw = normalizeConfigInput(config);
  let resolved: ResolvedAuthConfig = resolveConfig(raw);
  const initial = surelySignedOut(resolved, options) ? SIGNED_OUT : LOADING;
  const reconfigured: AuthConfigInput[] = [];
  const subscriptions = new Set<{ listener: () => void; release?: () => void }>();
  const listeners = new Set<{ event: string; listener: (event: never) => void; release?: () => void }>();
  let starts = 0;
  let onRefresh: RefreshListener | undefined;
  let engine: Auth | undefined;
  let loading: Promise<Auth> | undefined;
  let scheduled: (() => void) | undefined;
  let retry: { cancel(): void } | undefined;
  let failures = 0;
  /** What `createAuth` threw (options it refuses): thrown by `getState()`, so it reaches the app's error boundary as <AuthProvider>'s does. */
  let refused: { error: unknown } | undefined;

  const adopt = (built: Auth): Auth => {
    for (const partial of reconfigured) built.configure(partial);
    for (const entry of listeners) entry.release = (built.listen as AnyListen)(entry.event, entry.listener);
    for (const entry of subscriptions) entry.release = built.subscribe(entry.listener);
    if (onRefresh) built[INSPECT]().onRefresh = onRefresh;
    // Before starting it: a state change start() makes is read from the engine, not the first frame's.
    engine = built;
    for (let i = 0; i < starts; i++) built.start();
    // What the first frame showed may not be what the engine restored: subscribers read again.
    if (built.getState() !== initial) for (const entry of [...subscriptions]) entry.listener();
    return built;
  };
  /** The engine, loaded now; a failed load (a lost network) is tried again by the next call. */
  const load = (): Promise<Auth> => {
    scheduled?.();
    scheduled = undefined;
    if (engine) return Promise.resolve(engine);
    if (refused) return Promise.reject(refused.error);
    loading ??= loadEngine().then(
      (createAuth) => {
        let built: Auth;
        try {
          built = createAuth(config, options);
        } catch (error) {
          refused = { error };
          for (const entry of [...subscriptions]) entry.listener();
          throw error;
        }
        return adopt(built);
      },
      (error: unknown) => {
        loading = undefined; // the chunk did not load (a lost network): the next call tries again
        throw error;
      },
    );
    return loading;
  };
  const inUse = () => starts > 0 || subscriptions.size > 0;
  /** A load no action waits for. When it fails it is tried again: a returning user's loading screen must not stay forever. */
  const background = (): void => {
    void load().catch(() => {
      if (engine || retry || !inUse()) return;
      const timers = options?.timers ?? globalThis;
      const handle = timers.setTimeout(
        () => {
          retry = undefined;
          if (!engine && inUse()) background();
        },
        RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!,
      );
      retry = { cancel: () => timers.clearTimeout(handle as ReturnType<typeof setTimeout>) };
    });
  };
  /** Signed out for sure: nothing is urgent, so the engine's code never competes with the first frame. */
  const wanted = (): void => {
    if (engine || loading || scheduled || retry) return;
    if (initial === LOADING) background();
    else scheduled = afterPaint(background);
  };

  const own: { [K in Member as (typeof MEMBERS)[K] extends 'own' ? K : never]: Auth[K] } = {
    start: () => {
      starts++;
      if (engine) engine.start();
      else wanted();
    },
    stop: () => {
      if (engine) return engine.stop();
      if (starts > 0) starts--;
      // Unmounted before the engine was wanted for anything: it need not load at all.
      if (!inUse()) {
        scheduled?.();
        scheduled = undefined;
        retry?.cancel();
        retry = undefined;
      }
    },
    getState: () => {
      if (refused) throw refused.error;
      return engine ? engine.getState() : initial;
    },
    subscribe: (listener) => {
      if (engine) return engine.subscribe(listener);
      const entry: { listener: () => void; release?: () => void } = { listener };
      subscriptions.add(entry);
      wanted();
      return () => {
        subscriptions.delete(entry);
        entry.release?.();
      };
    },
    listen: ((event: string, listener: (event: never) => void) => {
      if (engine) return (engine.listen as AnyListen)(event, listener);
      const entry: { event: string; listener: (event: never) => void; release?: () => void } = { event, listener };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
        entry.release?.();
      };
    }) as Auth['listen'],
    configure: (partial) => {
      if (engine) return engine.configure(partial);
      if (partial === undefined) return resolved;
      const next = mergeConfig(raw, partial);
      resolved = resolveConfig(next);
      raw = next;
      reconfigured.push(partial);
      return resolved;
    },
    prepareSignIn: () => {
      if (engine) return engine.prepareSignIn();
      void load().then((built) => built.prepareSignIn(), () => undefined);
    },
    // As the engine answers: an injected passkey client, or a browser with WebAuthn.
    supportsPasskeys: () => (engine ? engine.supportsPasskeys() : options?.passkeys !== undefined || typeof (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential === 'function'),
    abort: () => engine?.abort(),
    // A popup opens now, in the click's task (a browser allows it nowhere else); the engine, once here, uses it.
    federatedSignIn: ((input) => {
      if (engine) return engine.federatedSignIn(input);
      const popup = input?.popup ? openPopup(input.popup) : undefined;
      return load().then(
        (built) => built.federatedSignIn(popup === undefined ? input : Object.assign({}, input, { [OPENED_POPUP]: popup })),
        (error: unknown) => {
          popup?.close();
          throw error;
        },
      );
    }) as Auth['federatedSignIn'],
  };
  const inspection: SessionInspection = {
    get session() {
      return engine ? engine[INSPECT]().session : null;
    },
    get onRefresh() {
      return onRefresh;
    },
    set onRefresh(listener) {
      onRefresh = listener;
      if (engine) engine[INSPECT]().onRefresh = listener;
    },
    expireAccessToken: () => engine?.[INSPECT]().expireAccessToken(),
  };

  const forwarders = new Map<PropertyKey, unknown>();
  /** `target[name](...args)`, typed by the member's own parameters. */
  const call = <K extends Member>(target: Auth, name: K, args: Parameters<Method<K>>): ReturnType<Method<K>> => Reflect.apply(target[name] as Method<K>, target, args);
  const forwarder = <K extends Member>(name: K) => {
    if (MEMBERS[name] === 'engine') {
      return (...args: Parameters<Method<K>>) => {
        if (!engine) throw new Error(`cognito-react-kit: ${name}() needs a session or credentials from this engine, and it has handed none out yet`);
        return call(engine, name, args);
      };
    }
    return (...args: Parameters<Method<K>>) => (engine ? call(engine, name, args) : load().then((built) => call(built, name, args)));
  };


  return new Proxy({} as Auth, {
    get(_, name) {
      if (name === INSPECT) return () => inspection;
      if (typeof name !== 'string' || !Object.hasOwn(MEMBERS, name)) return undefined;
      if (name in own) return own[name as keyof typeof own];
      let method = forwarders.get(name);
      if (!method) forwarders.set(name, (method = forwarder(name as Member)));
      return method;
    },
    has: (_, name) => name === INSPECT || (typeof name === 'string' && Object.hasOwn(MEMBERS, name)),
  });
}
