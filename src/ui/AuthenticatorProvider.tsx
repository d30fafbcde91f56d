'use client';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { AppAuthBoundary } from '../react/AppAuthBoundary';
import { createRouteStore, type RouteStore } from './routeStore';

const RouteContext = /* @__PURE__ */ createContext<RouteStore | null>(null);

/**
 * Amplify UI's `<Authenticator.Provider>`: shares the Authenticator's route with `useAuthenticator`
 * anywhere below it, in or out of the `<Authenticator>` (a header that shows the user, a page that
 * only signs out). Goes inside `<AuthProvider>`, or anywhere once `Amplify.configure` (cognito-react-kit/amplify) ran.
 */
export function AuthenticatorProvider({ children }: { children?: ReactNode }) {
  const [store] = useState(createRouteStore);
  return (
    <AppAuthBoundary>
      <RouteContext.Provider value={store}>{children}</RouteContext.Provider>
    </AppAuthBoundary>
  );
}

/** The surrounding provider's route store, or null outside one. */
export function useRouteContext(): RouteStore | null {
  return useContext(RouteContext);
}

/** The route store an Authenticator uses: the provider's when there is one, else its own. */
export function useRouteStore(): RouteStore {
  const shared = useRouteContext();
  const [own] = useState(createRouteStore);
  return shared ?? own;
}

/** Hands `store` to `useAuthenticator` calls in the Authenticator's own slots and children. */
export function RouteProvider({ store, children }: { store: RouteStore; children: ReactNode }) {
  return <RouteContext.Provider value={store}>{children}</RouteContext.Provider>;
}
