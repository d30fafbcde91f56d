'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field } from '../primitives/Field';
import { LinkButton } from '../primitives/LinkButton';
import { PasswordField } from '../primitives/PasswordField';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';

export interface SignInProps {
  className?: string;
  /** Shows "Forgot your password?" when given. Default: no link. */
  onForgotPassword?: () => void;
}

/** Username + password. A failed attempt keeps the username and clears the password. */
export function SignIn({ className, onForgotPassword }: SignInProps) {
  const { t } = useTranslate();
  const signIn = useScreenAction('signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = async () => {
    const result = await signIn.submit({ username, password });
    if (result === undefined) setPassword('');
  };
  const footer = onForgotPassword ? <LinkButton onClick={onForgotPassword}>{t('signIn.forgotPassword')}</LinkButton> : null;
  return (
    <ScreenForm
      screen="signIn"
      className={className}
      heading={t('signIn.heading')}
      error={signIn.message}
      errorId={signIn.alertId}
      onSubmit={() => void submit()}
      footer={footer}
    >
      <Field
        label={t('field.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        {...signIn.invalidProps('username')}
      />
      <PasswordField
        label={t('field.password')}
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        {...signIn.invalidProps('password')}
      />
      <SubmitButton label={t('signIn.submit')} pendingLabel={t('signIn.pending')} pending={signIn.pending} />
    </ScreenForm>
  );
}
