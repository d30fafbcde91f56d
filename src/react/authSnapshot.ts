import type { Auth, AuthState } from '../core/index';

/** Engine methods `useAuth()` hands out, bound to the provider's engine (stable across renders). */
export const AUTH_ACTIONS = [
  'signIn',
  'confirmSignIn',
  'completeNewPassword',
  'sendCustomChallengeAnswer',
  'signUp',
  'confirmSignUp',
  'resendSignUp',
  'signOut',
  'cancelSignIn',
  'resendSignInCode',
  'autoSignIn',
  'federatedSignIn',
  'handleRedirect',
  'forgotPassword',
  'forgotPasswordSubmit',
  'changePassword',
  'currentSession',
  'currentAuthenticatedUser',
  'currentUserInfo',
  'userAttributes',
  'updateUserAttributes',
  'deleteUserAttributes',
  'verifyCurrentUserAttribute',
  'verifyCurrentUserAttributeSubmit',
  'setupTOTP',
  'verifyTotpToken',
  'setPreferredMFA',
  'getPreferredMFA',
  'fetchMFAPreference',
  'updateMFAPreference',
  'associateWebAuthnCredential',
  'listWebAuthnCredentials',
  'deleteWebAuthnCredential',
  'rememberDevice',
  'forgetDevice',
  'fetchDevices',
  'deleteUser',
  'currentCredentials',
] as const satisfies readonly (keyof Auth)[];

export type AuthActionName = (typeof AUTH_ACTIONS)[number];
export type AuthActions = Pick<Auth, AuthActionName>;

/** What `useAuth()` returns: the engine's state, `isAuthenticated`, and every action. */
export type AuthContextValue = AuthStateView & AuthActions;

/** Distributes over the state union, so `if (s.status === 'signedIn') s.user` narrows. */
type AuthStateView = AuthState extends infer S
  ? S extends AuthState
    ? Pick<S, 'status' | 'user' | 'nextStep' | 'error'> & { isAuthenticated: S['status'] extends 'signedIn' ? true : false }
    : never
  : never;

const actionsCache = new WeakMap<Auth, AuthActions>();
// Per engine, then per state: engines share state objects (every one starts from the same frozen
// loading state), and a value carries its engine's bound actions.
const valueCache = new WeakMap<Auth, WeakMap<AuthState, AuthContextValue>>();
const serverCache = new WeakMap<Auth, AuthContextValue>();

export function actionsOf(auth: Auth): AuthActions {
  let actions = actionsCache.get(auth);
  if (!actions) {
    const bound: Record<string, unknown> = {};
    for (const name of AUTH_ACTIONS) bound[name] = (auth[name] as (...args: never[]) => unknown).bind(auth);
    actions = Object.freeze(bound) as AuthActions;
    actionsCache.set(auth, actions);
  }
  return actions;
}

/** One value object per engine state snapshot, so unchanged state means an identical value. */
export function valueOf(auth: Auth, state: AuthState): AuthContextValue {
  let values = valueCache.get(auth);
  if (!values) valueCache.set(auth, (values = new WeakMap()));
  let value = values.get(state);
  if (!value) {
    value = Object.freeze({
      ...actionsOf(auth),
      status: state.status,
      isAuthenticated: state.status === 'signedIn',
      user: state.user,
      nextStep: state.nextStep,
      error: state.error,
    }) as AuthContextValue;
    values.set(state, value);
  }
  return value;
}

/**
 * What the server renders and the client hydrates with: "loading". The server cannot see the
 * browser's storage, so anything else would make hydration mismatch; right after hydrating, the
 * client switches to its real state.
 */
export function serverValueOf(auth: Auth): AuthContextValue {
  let value = serverCache.get(auth);
  if (!value) {
    value = Object.freeze({ ...actionsOf(auth), status: 'loading', isAuthenticated: false, user: null, nextStep: null, error: null }) as AuthContextValue;
    serverCache.set(auth, value);
  }
  return value;
}
