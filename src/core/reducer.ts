import type { AuthError } from './errors';
import type { AuthNextStep, AuthState, AuthUser, DoneStep } from './types';

/** Everything that can happen to the state; the reducer decides what each means in each status. */
export type AuthAction =
  /** A stored session is being refreshed, or a hosted-UI callback completed: nothing to show yet. */
  | { type: 'loading' }
  /** A session: a sign-in, a restore, a refresh, another tab. With `error`: kept despite a failure to report. */
  | { type: 'signedIn'; user: AuthUser; error?: AuthError }
  /** New attributes for the signed-in user; ignored when nobody is signed in. */
  | { type: 'userChanged'; user: AuthUser }
  | { type: 'signedOut'; error?: AuthError | null }
  /** The sign-in's next step, or none; ignored while signed in (signing up someone else keeps the session). */
  | { type: 'step'; nextStep: AuthNextStep | null }
  /** A flow failed: reported while signed out or loading; a signed-in user's state does not change. */
  | { type: 'failed'; error: AuthError }
  /** Cognito ended the pending sign-in step (expired, used up): back to the start, saying why. */
  | { type: 'stepEnded'; error: AuthError };

const DONE: DoneStep = Object.freeze({ signInStep: 'DONE' });

export const initialState: AuthState = Object.freeze({ status: 'loading', user: null, nextStep: null, error: null });

/** Every state change goes through here; the result is frozen so snapshots can be shared safely. */
export function reduce(state: AuthState, action: AuthAction): AuthState {
  switch (action.type) {
    case 'loading':
      return initialState;
    case 'signedIn': {
      const error = action.error ?? null;
      // A token refresh usually changes nothing about the user: keep the snapshot, skip the re-render.
      if (state.status === 'signedIn' && state.error === error && sameUser(state.user, action.user)) return state;
      return freeze({ status: 'signedIn', user: freezeUser(action.user), nextStep: DONE, error });
    }
    case 'userChanged':
      if (state.status !== 'signedIn' || (state.error === null && sameUser(state.user, action.user))) return state;
      return freeze({ status: 'signedIn', user: freezeUser(action.user), nextStep: DONE, error: null });
    case 'signedOut':
      return freeze({ status: 'signedOut', user: null, nextStep: null, error: action.error ?? null });
    case 'step':
      if (state.status === 'signedIn') return state;
      return freeze({ status: 'signedOut', user: null, nextStep: action.nextStep && deepFreeze(action.nextStep), error: null });
    case 'stepEnded':
      if (state.status === 'signedIn') return state;
      return freeze({ status: 'signedOut', user: null, nextStep: null, error: action.error });
    case 'failed':
      if (state.status === 'signedIn') return state;
      return freeze({ status: 'signedOut', user: null, nextStep: state.nextStep, error: action.error });
  }
}

function freeze<T extends AuthState>(state: T): T {
  return Object.freeze(state);
}

function freezeUser(user: AuthUser): AuthUser {
  return Object.freeze({ ...user, attributes: Object.freeze({ ...user.attributes }) });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function sameUser(a: AuthUser, b: AuthUser): boolean {
  if (a.username !== b.username || a.userId !== b.userId) return false;
  const keys = Object.keys(a.attributes);
  return keys.length === Object.keys(b.attributes).length && keys.every((key) => a.attributes[key] === b.attributes[key]);
}
