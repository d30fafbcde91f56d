import type { AuthError } from './errors';
import type { AuthNextStep, AuthUser, SignUpResult, UpdateAttributesResult } from './types';

/**
 * Hub events, named as Amplify v5's `Hub.listen('auth', …)` names them, with what each carries.
 * Never a password, code or token.
 */
export interface AuthEventMap {
  configured: undefined;
  signUp: SignUpResult;
  signUp_failure: AuthError;
  confirmSignUp: { username: string };
  signIn: AuthUser;
  signIn_failure: AuthError;
  signOut: undefined;
  tokenRefresh: undefined;
  tokenRefresh_failure: AuthError;
  /** The signed-in user, or the step the auto sign-in stopped at (MFA). */
  autoSignIn: AuthUser | AuthNextStep;
  autoSignIn_failure: AuthError;
  forgotPassword: { username: string };
  forgotPassword_failure: AuthError;
  forgotPasswordSubmit: { username: string };
  forgotPasswordSubmit_failure: AuthError;
  updateUserAttributes: UpdateAttributesResult;
  updateUserAttributes_failure: AuthError;
  completeNewPassword_failure: AuthError;
  verify: { status: 'SUCCESS' };
  userDeleted: undefined;
  cognitoHostedUI: AuthUser;
  cognitoHostedUI_failure: AuthError;
  /** The `customState` given to `federatedSignIn`, back from the hosted UI. */
  customOAuthState: string;
}

/** Amplify v6's names for some of the same events, heard by listeners of these names (`*` hears v5's). */
export interface AuthV6EventMap {
  /** v6's name of `signIn`. */
  signedIn: AuthUser;
  /** v6's name of `signOut`. */
  signedOut: undefined;
  /** v6's name of `cognitoHostedUI`. */
  signInWithRedirect: AuthUser;
  /** v6's name of `cognitoHostedUI_failure`. */
  signInWithRedirect_failure: AuthError;
}

/** Amplify v6 renamed some Hub events; apps migrating from either listen by their names. */
const V6_NAMES: Readonly<Partial<Record<AuthEventName, keyof AuthV6EventMap>>> = Object.freeze({
  signIn: 'signedIn',
  signOut: 'signedOut',
  cognitoHostedUI: 'signInWithRedirect',
  cognitoHostedUI_failure: 'signInWithRedirect_failure',
});

export type AuthEventName = keyof AuthEventMap;

/** Every name `listen` takes: v5's and v6's. */
export type AuthListenableEventName = AuthEventName | keyof AuthV6EventMap;

type AllEvents = AuthEventMap & AuthV6EventMap;

/** One event; for a union of names, a union that narrows on `event`. */
export type AuthEvent<K extends AuthListenableEventName = AuthEventName> = {
  [E in K]: { event: E; data: AllEvents[E]; message: string };
}[K];

export type AuthEventListener<K extends AuthListenableEventName = AuthEventName> = (event: AuthEvent<K>) => void;

/** Hub-style emitter: `listen('signIn', cb)` or `listen('*', cb)`; returns an unsubscribe. */
export class AuthEvents {
  readonly #listeners = new Map<AuthListenableEventName | '*', Set<(event: AuthEvent<AuthListenableEventName>) => void>>();

  /** `*` hears every event once, by its v5 name; a v6 name is heard by its own listeners. */
  listen(event: '*', listener: AuthEventListener): () => void;
  listen<K extends AuthListenableEventName>(event: K, listener: AuthEventListener<K>): () => void;
  listen(event: AuthListenableEventName | '*', listener: (event: never) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    const stored = listener as (event: AuthEvent<AuthListenableEventName>) => void;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  emit<K extends AuthEventName>(event: K, data: AuthEventMap[K], message: string = defaultMessage(event, data)): void {
    this.#deliver({ event, data, message } as AuthEvent, [event, '*']);
    const v6 = V6_NAMES[event];
    // Once per happening for `*`: the v6 name goes to its own listeners only.
    if (v6) this.#deliver({ event: v6, data, message } as AuthEvent<AuthListenableEventName>, [v6]);
  }

  #deliver(payload: AuthEvent<AuthListenableEventName>, keys: (AuthListenableEventName | '*')[]): void {
    for (const key of keys) {
      for (const listener of [...(this.#listeners.get(key) ?? [])]) {
        // A throwing listener must not break the flow that emitted, nor the other listeners.
        try {
          listener(payload);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }
}

function defaultMessage(event: AuthEventName, data: unknown): string {
  if (event.endsWith('_failure')) {
    const error = data as AuthError | undefined;
    return `${event.replace('_failure', '')} failed${error?.name ? `: ${error.name}` : ''}`;
  }
  return event;
}
