'use client';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { serverValueOf, valueOf, type AuthContextValue } from './authSnapshot';
import { useAuthEngine } from './context';

/**
 * The auth state and every engine action. With a selector, the component re-renders only when
 * the selected slice changes: `useAuth((s) => s.isAuthenticated)` ignores token refreshes,
 * attribute changes and step changes.
 */
export function useAuth(): AuthContextValue;
export function useAuth<T>(selector: (value: AuthContextValue) => T, isEqual?: (a: T, b: T) => boolean): T;
export function useAuth<T>(
  selector: (value: AuthContextValue) => T = identity as (value: AuthContextValue) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const auth = useAuthEngine();
  // The last value and what it selected: a new snapshot that selects an equal slice returns the
  // old slice, so React sees no change and skips the render.
  const memo = useRef<{ value: AuthContextValue; selector: unknown; selected: T } | null>(null);
  const select = useCallback(
    (value: AuthContextValue): T => {
      const last = memo.current;
      if (last && last.value === value && last.selector === selector) return last.selected;
      const selected = selector(value);
      if (last && isEqual(last.selected, selected)) {
        memo.current = { value, selector, selected: last.selected };
        return last.selected;
      }
      memo.current = { value, selector, selected };
      return selected;
    },
    [selector, isEqual],
  );
  return useSyncExternalStore(
    auth.subscribe,
    () => select(valueOf(auth, auth.getState())),
    () => select(serverValueOf(auth)),
  );
}

function identity<T>(value: T): T {
  return value;
}
