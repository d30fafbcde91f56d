import type { AuthStore } from './authStore';
import type { AuthError } from './errors';
import type { AuthEventName, AuthEvents } from './events';
import { toAuthError } from './normalizeError';

/** Events that carry a flow's failure. */
export type FailureEventName = Extract<AuthEventName, `${string}_failure`>;

export interface FlowRunnerDeps {
  store: AuthStore;
  events: AuthEvents;
}

/**
 * Runs one signed-out flow (sign-in, sign-up, password reset): anything thrown becomes an
 * `AuthError` attributed to `source`, shown in the state and in the failure event, then rethrown.
 * `ended` says whether the error ended the pending sign-in step (the state then drops it).
 */
export async function runFlow<T>(
  deps: FlowRunnerDeps,
  source: string,
  failureEvent: FailureEventName | undefined,
  run: () => Promise<T>,
  ended: (error: AuthError) => AuthError | undefined = () => undefined,
): Promise<T> {
  try {
    return await run();
  } catch (thrown) {
    const cause = toAuthError(thrown, source);
    const stepEnded = ended(cause);
    const error = stepEnded ?? cause;
    deps.store.dispatch({ type: stepEnded ? 'stepEnded' : 'failed', error });
    if (failureEvent) deps.events.emit(failureEvent, error);
    throw error;
  }
}
