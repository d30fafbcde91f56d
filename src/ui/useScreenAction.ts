'use client';
import { useCallback, useId, useRef, useState, useSyncExternalStore } from 'react';
import { AuthError } from '../core/index';
import type { AuthActionName, AuthActions } from '../react/index';
import { useAuthEngine } from '../react/context';
import { useRouteContext } from './AuthenticatorProvider';
import type { MessageKey } from './i18n/en';
import { englishVersion, subscribeEnglish } from './i18n/english';
import { useTranslate } from './i18n/TranslationProvider';
import type { LoginMechanism } from './primitives/formFields';
import type { AuthenticatorServices, ServiceName } from './services';
import { useService } from './servicesContext';

/** An engine method, or one of the Authenticator's `services` (`handleSignIn`, …) the app may override. */
export type ScreenActionName = AuthActionName | Exclude<ServiceName, 'getCurrentUser' | 'validateCustomSignUp'>;
type Fn<K extends ScreenActionName> = K extends ServiceName ? AuthenticatorServices[K] : K extends AuthActionName ? AuthActions[K] : never;
type Args<K extends ScreenActionName> = Parameters<Fn<K>>;
type Result<K extends ScreenActionName> = Awaited<ReturnType<Fn<K>>>;

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

export interface ScreenAction<K extends ScreenActionName> {
  /** Runs the action once at a time: resolves its result, or undefined when it failed (see `message`). */
  submit: (...args: Args<K>) => Promise<Result<K> | undefined>;
  pending: boolean;
  /** The failure translated by its `name` (an app's service that threw its own error: that error's message), or null. */
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
 * A screen's call (an engine method, or a service the app may override) with its pending state and
 * typed error, guarded so a second submit while one runs is ignored even before React re-renders
 * the disabled button. Inside an Authenticator it also counts as `useAuthenticator().isPending`.
 */
export function useScreenAction<K extends ScreenActionName>(name: K, { loginMechanism = 'username' }: ScreenActionOptions = {}): ScreenAction<K> {
  const auth = useAuthEngine();
  const service = useService(name.startsWith('handle') ? (name as ServiceName) : 'handleSignIn');
  const routes = useRouteContext();
  const { t, tError } = useTranslate();
  // An error shown before the step screens' strings arrived (the popup's are there) is translated again when they do.
  useSyncExternalStore(subscribeEnglish, englishVersion, englishVersion);
  const [refused, setRefused] = useState<FormErrorName | null>(null);
  const [state, setState] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: null });
  const running = useRef(false);
  const alertId = useId();
  const submit = useCallback(
    async (...args: Args<K>): Promise<Result<K> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setRefused(null);
      setState({ pending: true, error: null });
      routes?.patch({ busy: routes.extras().busy + 1 });
      const call = (name.startsWith('handle') ? service : (auth[name as AuthActionName] as (...a: unknown[]) => unknown).bind(auth)) as (...a: Args<K>) => Promise<Result<K>>;
      try {
        const result = await call(...args);
        setState({ pending: false, error: null });
        return result;
      } catch (error) {
        // Something thrown without a message shows the translated UnknownError.
        setState({ pending: false, error: error ?? new Error() });
        return undefined; // shown by the screen, from `message`
      } finally {
        running.current = false;
        routes?.patch({ busy: routes.extras().busy - 1 });
      }
    },
    [auth, service, name, routes],
  );
  const { error } = state;
  const errorName = refused ?? (error instanceof AuthError ? error.name : error === null ? null : 'UnknownError');
  // An app's service may throw its own error, worded for its users: that text is what they see.
  const ownMessage = error === null || error instanceof AuthError ? null : error instanceof Error ? error.message : typeof error === 'string' ? error : null;
  const invalidProps = (field: FormFieldName) =>
    errorName !== null && FIELD_OF_ERROR[errorName] === field ? { 'aria-invalid': true as const, 'aria-describedby': alertId } : {};
  return {
    submit,
    pending: state.pending,
    message:
      errorName === null ? null
      : refused === null && ownMessage ? ownMessage
      : errorName === 'EmptyUsername' ? t(EMPTY_USERNAME[loginMechanism])
      : tError(errorName, refused === null && error instanceof AuthError ? error.message : undefined),
    errorName,
    alertId,
    invalidProps,
    refuse: (refusal) => {
      setState((old) => ({ ...old, error: null }));
      setRefused(refusal);
    },
    reset: () => {
      setRefused(null);
      setState((old) => ({ ...old, error: null }));
    },
  };
}
