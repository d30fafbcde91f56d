'use client';
import { useState } from 'react';
import type { PopupOptions } from '../../core/index';
import { useAuth } from '../../react/useAuth';
import { useAuthEngine } from '../../react/context';
import { useTranslate } from '../i18n/TranslationProvider';
import { FieldList } from '../primitives/FieldList';
import { initialValues, usernameField, type FormFields, type LoginMechanism } from '../primitives/formFields';
import { useFields } from '../primitives/useStepFields';
import { LinkButton } from '../primitives/LinkButton';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import type { MessageKey } from '../i18n/en';
import { signInPlan, type AuthMethod, type SignInWays } from '../passwordless';
import { useFormHandle } from '../useFormHandle';
import { usernameFormError, useScreenAction } from '../useScreenAction';
import { SocialButtons, type SocialProvider } from './SocialButtons';

export interface SignInProps {
  className?: string;
  /** Shows "Forgot your password?" when given. Default: no link. */
  onForgotPassword?: () => void;
  /** What the first field asks for. Default: `username`. */
  loginMechanism?: LoginMechanism;
  /** "Sign In with …" buttons through the hosted UI. Default: none. */
  socialProviders?: readonly SocialProvider[];
  /** The social buttons sign in in a popup window, with its options. Default: false. */
  socialPopup?: boolean | PopupOptions;
  /** Label, placeholder, order, required, default value of `username` / `password`. Default: none. */
  formFields?: FormFields['signIn'];
  /** The main way to sign in and the ways never offered (see `PasswordlessOptions`). Default: with a password. */
  passwordless?: SignInWays;
  /** The password was just reset: says so (`role="status"`) until the form is submitted. Default: false. */
  passwordReset?: boolean;
}

/**
 * Username + password. A failed attempt keeps the username and clears the password. When sign-in goes
 * by choice (`authenticationFlowType: 'USER_AUTH'`, or `passwordless` options), the password is
 * optional: without one, or with "Sign in another way", only the username is sent and Cognito offers
 * the pool's ways to sign in. A preferred code or passkey asks only for the username and starts with it.
 */
export function SignIn({ className, onForgotPassword, loginMechanism = 'username', socialProviders = [], socialPopup = false, formFields, passwordless, passwordReset = false }: SignInProps) {
  const { t, tError } = useTranslate();
  const signIn = useScreenAction('handleSignIn', { loginMechanism });
  const social = useScreenAction('federatedSignIn');
  const { choiceBased, primary, visible } = signInPlan(passwordless, useAuthEngine().configure());
  const withPasswordField = primary === 'PASSWORD' || !choiceBased;
  const fields = useFields(
    'signIn',
    [
      usernameField(t, loginMechanism),
      ...(withPasswordField ? [{ name: 'password', label: t('field.password'), type: 'password' as const, required: !choiceBased, placeholder: t('placeholder.password') }] : []),
    ],
    formFields,
  );
  const [values, setValues] = useState(() => initialValues(fields));
  // Which button's request is running, so only that one says it is busy.
  const [withPassword, setWithPassword] = useState(true);
  const failed = social.message ? social : signIn;
  // Back here because an answer ended the pending step (expired, a wrong password after the choice,
  // a cancelled passkey prompt), or the hosted UI's answer was refused on this redirect page: the
  // engine says why, and so do we.
  const engineError = useAuth((s) =>
    s.status === 'signedOut' && s.nextStep === null && ENDED_BY.includes(s.error?.source ?? '') ? s.error!.name : null,
  );
  // Dropped at the first submit: from then on the answer to that attempt is what matters.
  const [submitted, setSubmitted] = useState(false);
  const submit = async (main: boolean, data?: Record<string, string>) => {
    const form = data ? { ...values, ...data } : values;
    if (data) setValues(form);
    setSubmitted(true);
    social.reset();
    setWithPassword(main);
    // Trimmed on submit, as Amplify UI hands it to `handleSignIn` (the password never is).
    const username = (form['username'] ?? '').trim();
    const refusal = usernameFormError(loginMechanism, username);
    if (refusal) return signIn.refuse(refusal);
    const password = main && withPasswordField ? (form['password'] ?? '') : '';
    const way = main ? primary : null;
    // By choice without a password: Cognito starts with the preferred code or passkey, else offers the ways this user has.
    const result = await signIn.submit(
      !choiceBased || password !== ''
        ? { username, password }
        : { username, options: { authFlowType: 'USER_AUTH', ...(way && way !== 'PASSWORD' ? { preferredChallenge: way } : {}) } },
    );
    if (result === undefined && withPasswordField) setValues((old) => ({ ...old, password: '' }));
  };
  useFormHandle({ submit: (data) => void submit(true, data), update: (name, value) => setValues((old) => ({ ...old, [name]: value ?? '' })) });
  const links = onForgotPassword ? <LinkButton onClick={onForgotPassword}>{t('signIn.forgotPassword')}</LinkButton> : null;
  return (
    <ScreenForm
      screen="signIn"
      className={className}
      heading={t('signIn.heading')}
      error={failed.message ?? (engineError ? tError(engineError) : null)}
      errorId={failed.alertId}
      onSubmit={() => void submit(true)}
      footer={links}
    >
      {passwordReset && !submitted ? (
        <p className="crk-text" role="status">
          {t('signIn.passwordReset')}
        </p>
      ) : null}
      <SocialButtons providers={socialProviders} action={social} popup={socialPopup} />
      <FieldList
        fields={fields}
        values={values}
        onChange={(name, value) => setValues((old) => ({ ...old, [name]: value }))}
        fieldProps={(name) => (name === 'username' || name === 'password' ? signIn.invalidProps(name) : {})}
      />
      <SubmitButton label={t(MAIN_LABELS[primary ?? 'none'])} pendingLabel={t('signIn.pending')} pending={signIn.pending && withPassword} disabled={signIn.pending} />
      {choiceBased && primary !== null && visible.length > 1 ? (
        <SubmitButton
          type="button"
          label={t('signIn.anotherWay')}
          pendingLabel={t('signIn.pending')}
          pending={signIn.pending && !withPassword}
          disabled={signIn.pending}
          onClick={() => void submit(false)}
        />
      ) : null}
    </ScreenForm>
  );
}

/** The main button says which way it signs in; with no preferred way it goes on to Cognito's choice. */
const MAIN_LABELS: Record<AuthMethod | 'none', MessageKey> = {
  PASSWORD: 'signIn.submit',
  EMAIL_OTP: 'signIn.withEmail',
  SMS_OTP: 'signIn.withSms',
  WEB_AUTHN: 'signIn.withPasskey',
  none: 'signIn.next',
};

/** Calls whose failure, seen on this screen, ended a step that was under way. */
const ENDED_BY: readonly string[] = ['confirmSignIn', 'completeNewPassword', 'sendCustomChallengeAnswer', 'handleRedirect'];
