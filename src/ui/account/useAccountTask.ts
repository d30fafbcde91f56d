'use client';
import { useCallback, useRef, useState } from 'react';
import { AuthError } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';

export interface AccountTask {
  pending: boolean;
  /** The translated message of the last failure, until the next run. */
  error: string | null;
  /** Runs `task` once at a time; resolves true when it succeeded. */
  run: (task: () => Promise<unknown>, onError?: (error: AuthError) => void) => Promise<boolean>;
  clear: () => void;
}

/** One account operation at a time, its failure as a typed error translated by `name` (never by message). */
export function useAccountTask(source: string): AccountTask {
  const { tError } = useFullTranslate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (task: () => Promise<unknown>, onError?: (error: AuthError) => void) => {
      if (running.current) return false;
      running.current = true;
      setPending(true);
      setError(null);
      try {
        await task();
        return true;
      } catch (thrown) {
        const failure = asAuthError(thrown, source);
        setError(tError(failure.name));
        onError?.(failure);
        return false;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [source, tError],
  );
  return { pending, error, run, clear: useCallback(() => setError(null), []) };
}

/** The engine throws AuthError; an app's handler (`handleDelete`) may throw anything else, kept as `cause`. */
export function asAuthError(thrown: unknown, source: string): AuthError {
  if (thrown instanceof AuthError) return thrown;
  return new AuthError({ name: 'UnknownError', message: thrown instanceof Error ? thrown.message : 'Unknown error', source, cause: thrown });
}
