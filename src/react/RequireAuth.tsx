'use client';
import type { ReactNode } from 'react';
import { useAuth } from './useAuth';

export interface RequireAuthProps {
  children?: ReactNode;
  /** Shown when signed out (e.g. a sign-in form). Default: nothing. */
  fallback?: ReactNode;
  /** Shown while the session is being checked. Default: nothing, so no sign-in form flashes. */
  loading?: ReactNode;
}

/** Renders `children` only when signed in; `fallback` when signed out; `loading` meanwhile. */
export function RequireAuth({ children, fallback = null, loading = null }: RequireAuthProps) {
  const status = useAuth((s) => s.status);
  if (status === 'signedIn') return <>{children}</>;
  return <>{status === 'loading' ? loading : fallback}</>;
}
