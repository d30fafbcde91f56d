'use client';
import { useCallback, useId, useRef, useState } from 'react';
import type { AuthActionName, AuthActions } from '../react/index';
import { useAuthAction } from '../react/index';
import type { MessageKey } from './i18n/en';
import { useTranslate } from './i18n/TranslationProvider';
import type { LoginMechanism } from './primitives/formFields';

type Args<K extends AuthActionName> = Parameters<AuthActions[K]>;
type Result<K extends AuthActionName> = Awaited<ReturnType<AuthActions[K]>>;

/** Which field an error is about, so that field is marked invalid and linked to the alert. */
export type FormFieldName = 'username' | 'password' | 'code';

const FIELD_OF_ERROR: Record<string, FormFieldName> = {
  EmptyUsername: 'username',
  InvalidEmail: 'username',
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

/** What a screen refuses itself, before any request: an email that is not one (`error.InvalidEmail`). */
export type FormErrorName = 'InvalidEmail';

/** What the username field asks for, so "enter your username" says email or phone number instead. */
export interface ScreenActionOptions {
  /** Default: `username`. */
  loginMechanism?: LoginMechanism;
}

const EMPTY_USERNAME: Record<LoginMechanism, MessageKey> = {
  username: 'error.EmptyUsername',
  email: 'error.EmptyEmail',
  phone_number: 'error.EmptyPhoneNumber',
};

/** Refused before sending when the username is an email: anything but `local@domain.tld` (whitespace around ignored). */
export function usernameFormError(mechanism: LoginMechanism, username: string): FormErrorName | null {
  const value = username.trim();
  return mechanism === 'email' && value !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? 'InvalidEmail' : null;
}

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
  /** Shows the screen's own error (nothing is sent), as an engine error would be; the next submit clears it. */
  refuse: (name: FormErrorName) => void;
  reset: () => void;
}

/**
 * A screen's engine call through `useAuthAction` (pending + typed error), guarded so a second
 * submit while one runs is ignored even before React re-renders the disabled button.
 */
export function useScreenAction<K extends AuthActionName>(name: K, { loginMechanism = 'username' }: ScreenActionOptions = {}): ScreenAction<K> {
  const action = useAuthAction(name);
  const { t, tError } = useTranslate();
  const [refused, setRefused] = useState<FormErrorName | null>(null);
  const running = useRef(false);
  const alertId = useId();
  const { run } = action;
  const submit = useCallback(
    async (...args: Args<K>): Promise<Result<K> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setRefused(null);
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
  const errorName = refused ?? action.error?.name ?? null;
  const { reset: resetAction } = action;
  const invalidProps = (field: FormFieldName) =>
    errorName !== null && FIELD_OF_ERROR[errorName] === field ? { 'aria-invalid': true as const, 'aria-describedby': alertId } : {};
  return {
    submit,
    pending: action.isPending,
    message: errorName === null ? null : errorName === 'EmptyUsername' ? t(EMPTY_USERNAME[loginMechanism]) : tError(errorName, refused === null ? action.error?.message : undefined),
    errorName,
    alertId,
    invalidProps,
    refuse: (refusal) => {
      resetAction();
      setRefused(refusal);
    },
    reset: () => {
      setRefused(null);
      resetAction();
    },
  };
}
