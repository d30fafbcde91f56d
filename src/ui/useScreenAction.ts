'use client';
import { useCallback, useId, useRef } from 'react';
import type { AuthActionName, AuthActions } from '../react/index';
import { useAuthAction } from '../react/index';
import { useTranslate } from './i18n/TranslationProvider';

type Args<K extends AuthActionName> = Parameters<AuthActions[K]>;
type Result<K extends AuthActionName> = Awaited<ReturnType<AuthActions[K]>>;

/** Which field an error is about, so that field is marked invalid and linked to the alert. */
export type FormFieldName = 'username' | 'password' | 'code';

const FIELD_OF_ERROR: Record<string, FormFieldName> = {
  EmptyUsername: 'username',
  UsernameExistsException: 'username',
  UserNotFoundException: 'username',
  EmptyPassword: 'password',
  InvalidPasswordException: 'password',
  NotAuthorizedException: 'password',
  EmptyCode: 'code',
  EmptyChallengeResponse: 'code',
  CodeMismatchException: 'code',
  ExpiredCodeException: 'code',
  EnableSoftwareTokenMFAException: 'code',
};

export interface ScreenAction<K extends AuthActionName> {
  /** Runs the action once at a time: resolves its result, or undefined when it failed (see `message`). */
  submit: (...args: Args<K>) => Promise<Result<K> | undefined>;
  pending: boolean;
  /** The failure translated by its `name`, or null. */
  message: string | null;
  errorName: string | null;
  /** Id of the alert showing `message`. */
  alertId: string;
  /** `aria-invalid` + `aria-describedby` for the field the current error is about. */
  invalidProps: (field: FormFieldName) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  reset: () => void;
}

/**
 * A screen's engine call through `useAuthAction` (pending + typed error), guarded so a second
 * submit while one runs is ignored even before React re-renders the disabled button.
 */
export function useScreenAction<K extends AuthActionName>(name: K): ScreenAction<K> {
  const action = useAuthAction(name);
  const { tError } = useTranslate();
  const running = useRef(false);
  const alertId = useId();
  const { run } = action;
  const submit = useCallback(
    async (...args: Args<K>): Promise<Result<K> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      try {
        return await run(...args);
      } catch {
        return undefined; // kept in action.error, shown by the screen
      } finally {
        running.current = false;
      }
    },
    [run],
  );
  const errorName = action.error?.name ?? null;
  const invalidProps = (field: FormFieldName) =>
    errorName !== null && FIELD_OF_ERROR[errorName] === field ? { 'aria-invalid': true as const, 'aria-describedby': alertId } : {};
  return {
    submit,
    pending: action.isPending,
    message: errorName === null ? null : tError(errorName),
    errorName,
    alertId,
    invalidProps,
    reset: action.reset,
  };
}
