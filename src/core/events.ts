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

export type AuthEventName = keyof AuthEventMap;

/** One event; for a union of names, a union that narrows on `event`. */
export type AuthEvent<K extends AuthEventName = AuthEventName> = {
  [E in K]: { event: E; data: AuthEventMap[E]; message: string };
}[K];

export type AuthEventListener<K extends AuthEventName = AuthEventName> = (event: AuthEvent<K>) => void;

/** Hub-style emitter: `listen('signIn', cb)` or `listen('*', cb)`; returns an unsubscribe. */
export class AuthEvents {
  readonly #listeners = new Map<AuthEventName | '*', Set<(event: AuthEvent) => void>>();

  listen<K extends AuthEventName>(event: K | '*', listener: AuthEventListener<K>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    const stored = listener as (event: AuthEvent) => void;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  emit<K extends AuthEventName>(event: K, data: AuthEventMap[K], message: string = defaultMessage(event, data)): void {
    const payload = { event, data, message } as AuthEvent;
    for (const key of [event, '*'] as const) {
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
