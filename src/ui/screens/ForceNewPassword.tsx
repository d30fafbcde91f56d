'use client';
import { useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field } from '../primitives/Field';
import { PasswordField } from '../primitives/PasswordField';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { useNextStep } from './useNextStep';

export interface ForceNewPasswordProps {
  className?: string;
}

const AUTOCOMPLETE: Record<string, string> = { email: 'email', phone_number: 'tel', name: 'name', given_name: 'given-name', family_name: 'family-name', nickname: 'nickname', birthdate: 'bday', address: 'street-address', website: 'url' };

/** A new password (twice) and the attributes the pool still needs (step CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED). */
export function ForceNewPassword({ className }: ForceNewPasswordProps) {
  const { t } = useTranslate();
  const step = useNextStep();
  const missing = step?.missingAttributes ?? [];
  const confirm = useScreenAction('confirmSignIn');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [attributes, setAttributes] = useState<Record<string, string>>({});
  const [checkMatch, setCheckMatch] = useState(false);
  const mismatch = checkMatch && confirmPassword !== password;

  const submit = () => {
    setCheckMatch(true);
    if (password !== confirmPassword) return;
    const userAttributes = Object.fromEntries(missing.map((name) => [name, attributes[name] ?? '']));
    void confirm.submit({ challengeResponse: password, ...(missing.length > 0 ? { userAttributes } : {}) });
  };

  return (
    <ScreenForm
      screen="forceNewPassword"
      className={className}
      heading={t('forceNewPassword.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={submit}
      footer={<BackToSignIn />}
    >
      <PasswordField
        label={t('field.password')}
        name="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        {...confirm.invalidProps('password')}
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
      {missing.map((name) => (
        <Field
          key={name}
          label={attributeLabel(t, name)}
          name={name}
          type={name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'text'}
          autoComplete={AUTOCOMPLETE[name] ?? 'on'}
          required
          value={attributes[name] ?? ''}
          onChange={(event) => setAttributes((current) => ({ ...current, [name]: event.target.value }))}
        />
      ))}
      <SubmitButton label={t('forceNewPassword.submit')} pendingLabel={t('forceNewPassword.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}

/** A known attribute's translated label; custom ones (`custom:x`) by name. */
function attributeLabel(t: (key: MessageKey) => string, name: string): string {
  const key = `attribute.${name}` as MessageKey;
  const label = t(key);
  return label === key ? name : label;
}
