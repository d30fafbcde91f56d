import type { AuthError } from './errors';
import type { AuthNextStep, AuthState, AuthUser, DoneStep } from './types';

export type AuthAction =
  | { type: 'loading' }
  | { type: 'signedIn'; user: AuthUser }
  | { type: 'userChanged'; user: AuthUser }
  | { type: 'signedOut'; error?: AuthError | null }
  | { type: 'step'; nextStep: AuthNextStep | null }
  | { type: 'failed'; error: AuthError };

const DONE: DoneStep = Object.freeze({ signInStep: 'DONE' });

export const initialState: AuthState = Object.freeze({ status: 'loading', user: null, nextStep: null, error: null });

/** Every state change goes through here; the result is frozen so snapshots can be shared safely. */
export function reduce(state: AuthState, action: AuthAction): AuthState {
  switch (action.type) {
    case 'loading':
      return initialState;
    case 'signedIn':
    case 'userChanged':
      if (action.type === 'userChanged' && state.status !== 'signedIn') return state;
      // A token refresh usually changes nothing about the user: keep the snapshot, skip the re-render.
      if (state.status === 'signedIn' && state.error === null && sameUser(state.user, action.user)) return state;
      return freeze({ status: 'signedIn', user: freezeUser(action.user), nextStep: DONE, error: null });
    case 'signedOut':
      return freeze({ status: 'signedOut', user: null, nextStep: null, error: action.error ?? null });
    case 'step':
      return freeze({ status: 'signedOut', user: null, nextStep: action.nextStep && deepFreeze(action.nextStep), error: null });
    case 'failed':
      if (state.status === 'loading') return freeze({ status: 'signedOut', user: null, nextStep: null, error: action.error });
      return freeze({ ...state, error: action.error });
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
