'use client';
import { serverValueOf, type AuthContextValue } from './authSnapshot';
import { useAuthEngine } from './context';
import { serverBailout } from './serverBailout';
import { useAuth } from './useAuth';
import { whenReady } from './whenReady';

/** What `useSuspenseAuth()` returns: `useAuth()`'s value, never `loading`. */
export type SuspenseAuthValue = Exclude<AuthContextValue, { status: 'loading' }>;

const LOADING = Symbol('loading');
const SERVER = Symbol('server');

/**
 * `useAuth()` for `<Suspense>`: suspends while the engine is loading (a stored session being
 * refreshed, a hosted-UI callback), so the value is `signedIn` or `signedOut`. During server
 * rendering it throws a bail-out (`isAuthServerBailout`): the server sends the nearest boundary's
 * fallback and the browser renders the content. Takes a selector like `useAuth`.
 */
export function useSuspenseAuth(): SuspenseAuthValue;
export function useSuspenseAuth<T>(selector: (value: SuspenseAuthValue) => T, isEqual?: (a: T, b: T) => boolean): T;
export function useSuspenseAuth<T>(
  selector: (value: SuspenseAuthValue) => T = identity as (value: SuspenseAuthValue) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const auth = useAuthEngine();
  // useAuth's server snapshot (also what hydration reads) is one object per engine: seeing it means
  // no browser state is available to this render.
  const selected = useAuth<T | typeof LOADING | typeof SERVER>(
    (value) => (value === serverValueOf(auth) ? SERVER : value.status === 'loading' ? LOADING : selector(value)),
    (a, b) => (isMarker(a) || isMarker(b) ? a === b : isEqual(a, b)),
  );
  if (selected === SERVER) throw serverBailout();
  // Thrown (not React 19's use()) so React 18 suspends too; whenReady keeps the engine running meanwhile.
  if (selected === LOADING) throw whenReady(auth);
  return selected;
}

function isMarker(value: unknown): value is typeof LOADING | typeof SERVER {
  return value === LOADING || value === SERVER;
}

function identity<T>(value: T): T {
  return value;
}
