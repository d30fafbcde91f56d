import type { AuthUser } from '../core/index';
import type { AuthRoute } from './screen';
import type { ValidationErrors } from './services';

/** What the mounted screen lets `useAuthenticator` do to its form (the values stay in the screen). */
export interface FormHandle {
  /** Submits the form as its button does, with `data` merged into what was typed. */
  submit: (data?: Record<string, string>) => void;
  /** Sets one field, as typing would (`undefined` clears it). */
  update: (name: string, value: string | undefined) => void;
}

/** The UI state `useAuthenticator` reads besides the route, published by the Authenticator and its screens. */
export interface AuthenticatorExtras {
  form: FormHandle | null;
  /** The mounted form's field errors (`validateCustomSignUp`). */
  validationErrors: ValidationErrors;
  /** Screen actions in flight. */
  busy: number;
  /** What `services.getCurrentUser` gave for the signed-in user, when overridden. */
  user: AuthUser | null;
  /** Leaves the contact verification, while it shows. */
  skipVerification: (() => void) | null;
  /** A screen the Authenticator shows after sign-in, which the engine's state does not say. */
  afterSignIn: 'verifyUser' | 'confirmVerifyUser' | 'passkeyPrompt' | null;
}

/**
 * Which pre-engine screen (sign in, create account, forgot password) the Authenticator shows, kept
 * outside React state so `useAuthenticator` (anywhere under the provider) reads and moves it.
 * `null` until something sets it: the Authenticator then starts at its `initialState`.
 */
export interface RouteStore {
  get: () => AuthRoute | null;
  set: (route: AuthRoute) => void;
  /** The first route, when none is set yet: the Authenticator's `initialState` (no listener is told). */
  init: (route: AuthRoute) => void;
  subscribe: (listener: () => void) => () => void;
  extras: () => AuthenticatorExtras;
  /** Changes some extras (a new object, so snapshots compare by identity) and tells the listeners. */
  patch: (changes: Partial<AuthenticatorExtras>) => void;
}

// Never mutated: one empty object, so "no errors" keeps its identity across snapshots.
const NO_ERRORS: ValidationErrors = {};

export function createRouteStore(): RouteStore {
  let route: AuthRoute | null = null;
  let extras: AuthenticatorExtras = { form: null, validationErrors: NO_ERRORS, busy: 0, user: null, skipVerification: null, afterSignIn: null };
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => route,
    set: (next) => {
      if (next === route) return;
      route = next;
      notify();
    },
    init: (first) => {
      route ??= first;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    extras: () => extras,
    patch: (changes) => {
      extras = { ...extras, ...changes };
      notify();
    },
  };
}
