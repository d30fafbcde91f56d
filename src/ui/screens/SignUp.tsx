'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field } from '../primitives/Field';
import { PasswordField } from '../primitives/PasswordField';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';

export interface SignUpProps {
  className?: string;
  /** Called once Cognito accepted the sign-up (the engine's next step takes over). */
  onSignedUp?: () => void;
}

/** Username, password twice (checked to match before anything is sent), email. */
export function SignUp({ className, onSignedUp }: SignUpProps) {
  const { t } = useTranslate();
  const signUp = useScreenAction('signUp');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [email, setEmail] = useState('');
  // Checked from the first submit on, then as the user types: no error while they are still typing.
  const [checkMatch, setCheckMatch] = useState(false);
  const mismatch = checkMatch && confirmPassword !== password;

  const submit = async () => {
    setCheckMatch(true);
    if (password !== confirmPassword) return;
    const result = await signUp.submit({ username, password, attributes: email ? { email } : {} });
    if (result === undefined) return;
    onSignedUp?.();
  };

  return (
    <ScreenForm
      screen="signUp"
      className={className}
      heading={t('signUp.heading')}
      error={signUp.message}
      errorId={signUp.alertId}
      onSubmit={() => void submit()}
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
        {...signUp.invalidProps('username')}
      />
      <PasswordField
        label={t('field.password')}
        name="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        {...signUp.invalidProps('password')}
      />
      <PasswordField
        label={t('field.confirmPassword')}
        name="confirm_password"
        autoComplete="new-password"
        required
        value={confirmPassword}
        error={mismatch ? t('field.passwordMismatch') : undefined}
        onChange={(event) => setConfirmPassword(event.target.value)}
      />
      <Field
        label={t('field.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <SubmitButton label={t('signUp.submit')} pendingLabel={t('signUp.pending')} pending={signUp.pending} />
    </ScreenForm>
  );
}
