import type { AuthStore } from './authStore';
import type { AuthEvents } from './events';
import { runFlow, type FailureEventName } from './flowRunner';
import { authError } from './normalizeError';
import { whenWritten } from './storage/whenWritten';

/**
 * A service in a chunk of its own, loaded on first use, so the chunk every page loads at start carries
 * only what a page needs before anyone acts.
 */
export interface Lazy<T> {
  /** Loads it once; a chunk that did not arrive fails with a `NetworkError`, and the next call tries again. */
  load: () => Promise<T>;
  /** It, once loaded: work such as forgetting a pending step or a cache has nothing to do before. */
  readonly loaded: T | undefined;
}

/** A signed-out flow (sign-in, sign-up, password reset) in a chunk of its own. */
export interface LazyFlow<F> extends Lazy<F> {
  /** `use` on it; a chunk that does not arrive fails as the flow would: the typed error in the state and the event. */
  run<T>(source: string, failureEvent: FailureEventName | undefined, use: (flow: F) => Promise<T>): Promise<T>;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let loaded: T | undefined;
  const loadOnce = once(() =>
    load().then(
      (service) => (loaded = service),
      (cause: unknown) => {
        throw authError('NetworkError', 'Code this step needs could not be loaded: check the network connection, then retry.', 'load', { cause });
      },
    ),
  );
  return {
    load: loadOnce,
    get loaded() {
      return loaded;
    },
  };
}

export interface LazyFlowDeps {
  store: AuthStore;
  events: AuthEvents;
  /** Resolves once an async store holds what the flow wrote (undefined: a synchronous store, nothing to wait for). */
  persisted?: () => Promise<void> | undefined;
}

export function lazyFlow<F>(deps: LazyFlowDeps, load: () => Promise<F>): LazyFlow<F> {
  const flow = lazy(load);
  const persisted = <T>(result: Promise<T>): Promise<T> => (deps.persisted ? whenWritten(result, deps.persisted) : result);
  return {
    load: flow.load,
    get loaded() {
      return flow.loaded;
    },
    // Once loaded, `use` runs in the caller's task, as it did when the flows were in the main chunk.
    run: (source, failureEvent, use) => {
      const loaded = flow.loaded;
      if (loaded) return persisted(use(loaded));
      return persisted(
        flow.load().then(use, (error: unknown) =>
          runFlow(deps, source, failureEvent, () => {
            throw error;
          }),
        ),
      );
    },
  };
}

/** `load` runs once; a failure (a chunk that did not arrive) lets the next call try again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
