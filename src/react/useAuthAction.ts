'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuthError } from '../core/index';
import { actionsOf, type AuthActionName, type AuthActions } from './authSnapshot';
import { useAuthEngine } from './context';
import { useAuthQueryClient } from './useAuthQueryClient';

type ActionArgs<K extends AuthActionName> = Parameters<AuthActions[K]>;
type ActionResult<K extends AuthActionName> = Awaited<ReturnType<AuthActions[K]>>;

export interface AuthActionState<K extends AuthActionName> {
  /** Run the action; resolves with its result, rejects with its AuthError (also kept in `error`). */
  run: (...args: ActionArgs<K>) => Promise<ActionResult<K>>;
  isPending: boolean;
  error: AuthError | null;
  data: ActionResult<K> | undefined;
  reset: () => void;
}

/**
 * One engine action with its pending and error state, for hand-made forms:
 * `const signIn = useAuthAction('signIn')` → `signIn.run(u, p)`, `signIn.isPending`, `signIn.error.name`.
 */
export function useAuthAction<K extends AuthActionName>(name: K): AuthActionState<K> {
  const auth = useAuthEngine();
  const client = useAuthQueryClient();
  const mutation = useMutation<ActionResult<K>, AuthError, ActionArgs<K>>(
    { mutationFn: (args) => (actionsOf(auth)[name] as (...a: ActionArgs<K>) => Promise<ActionResult<K>>)(...args) },
    client,
  );
  const { mutateAsync } = mutation;
  // Stable across renders (mutateAsync is), so it can sit in effect dependencies.
  const run = useCallback((...args: ActionArgs<K>) => mutateAsync(args), [mutateAsync]);
  return {
    run,
    isPending: mutation.isPending,
    error: mutation.error,
    data: mutation.data,
    reset: mutation.reset,
  };
}
