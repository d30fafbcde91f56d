'use client';
import { useEffect, useRef } from 'react';
import { useRouteContext } from './AuthenticatorProvider';
import type { FormHandle } from './routeStore';
import type { ValidationErrors } from './services';

const NO_ERRORS: ValidationErrors = {};

/**
 * Lends the mounted screen's form to `useAuthenticator` (`submitForm`, `updateForm`,
 * `validationErrors`) inside an Authenticator; the values stay in the screen. Outside one: nothing.
 */
export function useFormHandle(handle: FormHandle, validationErrors: ValidationErrors = NO_ERRORS): void {
  const routes = useRouteContext();
  // The latest closures (they read the latest values) behind one handle, lent again only when the errors change.
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    if (!routes) return undefined;
    routes.patch({ form: { submit: (data) => latest.current.submit(data), update: (name, value) => latest.current.update(name, value) }, validationErrors });
    return () => routes.patch({ form: null, validationErrors: NO_ERRORS });
  }, [routes, validationErrors]);
}
