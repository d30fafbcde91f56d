'use client';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { AuthState, AuthUser } from '../core/index';
import { useAuthEngine } from '../react/context';
import { useRouteContext } from './AuthenticatorProvider';
import type { AuthenticatorExtras, RouteStore } from './routeStore';
import type { ValidationErrors } from './services';
import { screenFor, type AuthRoute, type ScreenName } from './screen';

/** Amplify UI's route names for what the Authenticator shows. */
export type AuthenticatorRoute =
  | 'setup'
  | 'authenticated'
  | AuthRoute
  | 'confirmSignUp'
  | 'signInSelectAuthFactor'
  | 'confirmSignIn'
  | 'selectMfaType'
  | 'setupTotp'
  | 'setupEmail'
  | 'forceNewPassword'
  | 'confirmResetPassword'
  | 'verifyUser'
  | 'confirmVerifyUser'
  | 'passkeyPrompt';

/** What `useAuthenticator` returns (Amplify UI's names). */
export interface UseAuthenticator {
  /** `configuring` while the engine restores or refreshes a session. */
  authStatus: 'configuring' | 'authenticated' | 'unauthenticated';
  route: AuthenticatorRoute;
  user: AuthUser | null;
  /** The last failure's message, as Cognito (or the kit) worded it. */
  error: string | undefined;
  /** The shown screen's request is running (its button says so). */
  isPending: boolean;
  /** The shown form's field errors from `services.validateCustomSignUp`: field → message(s). */
  validationErrors: ValidationErrors;
  /** Signs out (`{ global: true }`: on every device). Also takes what an `onClick` hands it, as Amplify UI's does. */
  signOut: (options?: { global?: boolean } | object) => Promise<void>;
  toSignIn: () => void;
  toSignUp: () => void;
  toForgotPassword: () => void;
  /** Submits the shown form as its button does, `data` merged into what was typed (sign in, create account, forgot password, code screens). */
  submitForm: (data?: Record<string, string>) => void;
  /** Sets a field of the shown form (`value` undefined clears it), as typing would: e.g. a custom field's value for `validateCustomSignUp`. */
  updateForm: (field: { name: string; value?: string }) => void;
  /** Leaves the contact verification after sign-in (as its "Skip"); nothing elsewhere. */
  skipVerification: () => void;
}

type Actions = Pick<UseAuthenticator, 'signOut' | 'toSignIn' | 'toSignUp' | 'toForgotPassword' | 'submitForm' | 'updateForm' | 'skipVerification'>;

const ROUTES: Partial<Record<ScreenName, AuthenticatorRoute>> = {
  loading: 'setup',
  signedIn: 'authenticated',
  selectFirstFactor: 'signInSelectAuthFactor',
  confirmSignInWithPassword: 'confirmSignIn',
  customChallenge: 'confirmSignIn',
  selectMfaSetup: 'selectMfaType',
};

/**
 * Amplify UI's `useAuthenticator(selector)`, under `<Authenticator.Provider>` or inside an
 * `<Authenticator>`. With a selector (`(context) => [context.user]`) the component re-renders only
 * when one of the returned values changes; without one, on any change of the context.
 */
export function useAuthenticator(selector?: (context: UseAuthenticator) => readonly unknown[]): UseAuthenticator {
  const auth = useAuthEngine();
  const routes = useRouteContext();
  if (!routes) throw new Error('useAuthenticator needs <Authenticator.Provider> (or to be rendered inside <Authenticator>) above it.');
  // `onClick={signOut}` hands it a click event: only a real `{ global: true }` means everywhere.
  const actions = useMemo(() => actionsFor(routes, (options) => auth.signOut({ global: (options as { global?: unknown } | undefined)?.global === true })), [routes, auth]);
  const last = useRef<{ deps: readonly unknown[]; value: UseAuthenticator } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const fromEngine = auth.subscribe(listener);
      const fromRoute = routes.subscribe(listener);
      return () => {
        fromEngine();
        fromRoute();
      };
    },
    [auth, routes],
  );
  const snapshot = (): UseAuthenticator => {
    const value = contextOf(auth.getState(), routes.get() ?? 'signIn', routes.extras(), actions);
    const deps = selector ? selector(value) : [value.authStatus, value.route, value.user, value.error, value.isPending, value.validationErrors];
    // The same object while the selected values are the same: React then skips the render.
    if (last.current && sameItems(last.current.deps, deps)) return last.current.value;
    last.current = { deps, value };
    return value;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

function contextOf(state: AuthState, route: AuthRoute, extras: AuthenticatorExtras, actions: Actions): UseAuthenticator {
  const screen = (state.status === 'signedIn' && extras.afterSignIn) || screenFor(state.status, state.nextStep, route);
  return {
    authStatus: state.status === 'loading' ? 'configuring' : state.status === 'signedIn' ? 'authenticated' : 'unauthenticated',
    route: ROUTES[screen] ?? (screen as AuthenticatorRoute),
    // `services.getCurrentUser`'s answer when the app overrides it.
    user: state.user && (extras.user ?? state.user),
    error: state.error?.message,
    isPending: extras.busy > 0,
    validationErrors: extras.validationErrors,
    ...actions,
  };
}

function actionsFor(routes: RouteStore, signOut: UseAuthenticator['signOut']): Actions {
  // Each reads the store when called: the form and the verification step come and go.
  return {
    signOut,
    toSignIn: () => routes.set('signIn'),
    toSignUp: () => routes.set('signUp'),
    toForgotPassword: () => routes.set('forgotPassword'),
    submitForm: (data) => routes.extras().form?.submit(data),
    updateForm: ({ name, value }) => routes.extras().form?.update(name, value),
    skipVerification: () => routes.extras().skipVerification?.(),
  };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
