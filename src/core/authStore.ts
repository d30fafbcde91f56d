import type { AuthState } from './types';
import { initialState, reduce, type AuthAction } from './reducer';

/**
 * The engine's one source of truth: a frozen `AuthState` snapshot changed only by `dispatch`
 * (the reducer owns the transition rules), and the listeners told of each change.
 */
export class AuthStore {
  #state: AuthState = initialState;
  readonly #listeners = new Set<() => void>();

  getState = (): AuthState => this.#state;

  dispatch(action: AuthAction): void {
    const next = reduce(this.#state, action);
    if (next === this.#state) return;
    this.#state = next;
    // Copy first: a listener may unsubscribe (or subscribe) while we iterate.
    for (const listener of [...this.#listeners]) {
      // A throwing listener must not break the flow that changed the state (a sign-in half done),
      // nor the other listeners; its error is re-thrown where error reporting sees it.
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Adds a listener; the returned function removes it (once, however often it is called). */
  subscribe(listener: () => void): () => void {
    // Wrapped, so the same function subscribed twice is two subscriptions, each removed once.
    const entry = () => listener();
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }
}
