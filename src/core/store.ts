export type Listener = () => void;

/**
 * A tiny subscribable value. `onActive`/`onIdle` let the owner start timers and window listeners
 * with the first subscriber and stop them with the last, so an engine nobody watches holds no
 * timers (and a Node process can exit).
 */
export class Store<T> {
  #state: T;
  readonly #listeners = new Set<Listener>();
  readonly #onActive: () => void;
  readonly #onIdle: () => void;

  constructor(initial: T, hooks: { onActive?: () => void; onIdle?: () => void } = {}) {
    this.#state = initial;
    this.#onActive = hooks.onActive ?? noop;
    this.#onIdle = hooks.onIdle ?? noop;
  }

  get = (): T => this.#state;

  set(next: T): void {
    if (Object.is(next, this.#state)) return;
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

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#onActive();
    return () => {
      if (!this.#listeners.delete(listener)) return;
      if (this.#listeners.size === 0) this.#onIdle();
    };
  };

  get listenerCount(): number {
    return this.#listeners.size;
  }
}

function noop(): void {}
