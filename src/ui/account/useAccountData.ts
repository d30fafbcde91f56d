'use client';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../react/useAuth';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { asAuthError } from './useAccountTask';

export interface AccountData<T> {
  /** Undefined until the first load finished. */
  data: T | undefined;
  /** The translated message when loading failed. */
  error: string | null;
  reload: () => Promise<void>;
}

/** What a settings component shows, loaded from Cognito on mount and again after each change. */
export function useAccountData<T>(load: () => Promise<T>, source: string): AccountData<T> {
  const { tError } = useFullTranslate();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (thrown) {
      setError(tError(asAuthError(thrown, source).name));
    }
  }, [load, source, tError]);
  // Loaded for the signed-in user, again when another one signs in; nothing is asked while signed out.
  const userId = useAuth((s) => s.user?.userId ?? null);
  useEffect(() => {
    setData(undefined);
    if (userId !== null) void reload();
  }, [reload, userId]);
  return { data, error, reload };
}
