'use client';
import { useState } from 'react';
import { useAuth, useAuthEngine } from '../../react/index';
import { useTranslate } from '../i18n/TranslationProvider';
import { FieldList } from '../primitives/FieldList';
import { initialValues, resolveFields, usernameField, type FormFieldOptions, type LoginMechanism } from '../primitives/formFields';
import { LinkButton } from '../primitives/LinkButton';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { SocialButtons, type SocialProvider } from './SocialButtons';

export interface SignInProps {
  className?: string;
  /** Shows "Forgot your password?" when given. Default: no link. */
  onForgotPassword?: () => void;
  /** What the first field asks for. Default: `username`. */
  loginMechanism?: LoginMechanism;
  /** "Sign In with …" buttons through the hosted UI. Default: none. */
  socialProviders?: readonly SocialProvider[];
  /** Label, placeholder, order, required, default value of `username` / `password`. Default: none. */
  formFields?: Record<string, FormFieldOptions>;
}

/**
 * Username + password. A failed attempt keeps the username and clears the password. When the engine
 * signs in by choice (`authenticationFlowType: 'USER_AUTH'`), the password is optional: without one,
 * or with "Sign in another way", only the username is sent and Cognito offers the pool's ways to sign in.
 */
export function SignIn({ className, onForgotPassword, loginMechanism = 'username', socialProviders = [], formFields }: SignInProps) {
  const { t, tError } = useTranslate();
  const signIn = useScreenAction('signIn');
  const social = useScreenAction('federatedSignIn');
  const choiceBased = useAuthEngine().configure().authenticationFlowType === 'USER_AUTH';
  const fields = resolveFields(
    t,
    [usernameField(t, loginMechanism), { name: 'password', label: t('field.password'), type: 'password', required: !choiceBased }],
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
  const submit = async (usePassword: boolean) => {
    social.reset();
    setWithPassword(usePassword);
    const username = values['username'] ?? '';
    const password = usePassword ? (values['password'] ?? '') : '';
    // USER_AUTH without a password: Cognito answers with the ways this user can sign in.
    const result = await signIn.submit(choiceBased && password === '' ? { username } : { username, password });
    if (result === undefined) setValues((old) => ({ ...old, password: '' }));
  };
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
      <SocialButtons providers={socialProviders} action={social} />
      <FieldList
        fields={fields}
        values={values}
        onChange={(name, value) => setValues((old) => ({ ...old, [name]: value }))}
        fieldProps={(name) => (name === 'username' || name === 'password' ? signIn.invalidProps(name) : {})}
      />
      <SubmitButton label={t('signIn.submit')} pendingLabel={t('signIn.pending')} pending={signIn.pending && withPassword} disabled={signIn.pending} />
      {choiceBased ? (
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

/** Calls whose failure, seen on this screen, ended a step that was under way. */
const ENDED_BY: readonly string[] = ['confirmSignIn', 'completeNewPassword', 'sendCustomChallengeAnswer', 'handleRedirect'];
