import type { AuthError } from './errors';

/** Hub events, named as Amplify v5's `Hub.listen('auth', …)` names them. */
export type AuthEventName =
  | 'configured'
  | 'signUp'
  | 'signUp_failure'
  | 'confirmSignUp'
  | 'signIn'
  | 'signIn_failure'
  | 'signOut'
  | 'tokenRefresh'
  | 'tokenRefresh_failure'
  | 'autoSignIn'
  | 'autoSignIn_failure'
  | 'forgotPassword'
  | 'forgotPassword_failure'
  | 'forgotPasswordSubmit'
  | 'forgotPasswordSubmit_failure'
  | 'updateUserAttributes'
  | 'updateUserAttributes_failure'
  | 'completeNewPassword_failure'
  | 'verify'
  | 'userDeleted'
  | 'cognitoHostedUI'
  | 'cognitoHostedUI_failure'
  | 'customOAuthState';

export interface AuthEvent {
  event: AuthEventName;
  /** The user, result or `AuthError` the event is about; never a password, code or token. */
  data?: unknown;
  message: string;
}

export type AuthEventListener = (event: AuthEvent) => void;

/** Hub-style emitter: `listen('signIn', cb)` or `listen('*', cb)`; returns an unsubscribe. */
export class AuthEvents {
  readonly #listeners = new Map<AuthEventName | '*', Set<AuthEventListener>>();

  listen(event: AuthEventName | '*', listener: AuthEventListener): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit(event: AuthEventName, data?: unknown, message = defaultMessage(event, data)): void {
    const payload: AuthEvent = { event, data, message };
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
