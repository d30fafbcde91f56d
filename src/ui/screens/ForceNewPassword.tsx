'use client';
import { useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field } from '../primitives/Field';
import { fieldOverride, type FormFieldOptions } from '../primitives/formFields';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { useNextStep } from './useNextStep';

export interface ForceNewPasswordProps {
  className?: string;
  /** The pool's password policy, shown under the new password and checked before submitting. Default: Cognito's (8, all character kinds). */
  passwordPolicy?: PasswordPolicy;
  /** Label / placeholder / required of the screen's fields (`password`, `confirm_password`, and each missing attribute by name). Default: none. */
  formFields?: Record<string, FormFieldOptions>;
}

const AUTOCOMPLETE: Record<string, string> = { email: 'email', phone_number: 'tel', name: 'name', given_name: 'given-name', family_name: 'family-name', nickname: 'nickname', birthdate: 'bday', address: 'street-address', website: 'url' };

/** A new password (twice) and the attributes the pool still needs (step CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED). */
export function ForceNewPassword({ className, passwordPolicy, formFields }: ForceNewPasswordProps) {
  const { t } = useTranslate();
  const step = useNextStep();
  const missing = step?.missingAttributes ?? [];
  const confirm = useScreenAction('confirmSignIn');
  const newPassword = useNewPassword(passwordPolicy);
  const [attributes, setAttributes] = useState<Record<string, string>>({});

  const submit = () => {
    if (!newPassword.validate()) return;
    const userAttributes = Object.fromEntries(missing.map((name) => [name, attributes[name] ?? '']));
    void confirm.submit({ challengeResponse: newPassword.password, ...(missing.length > 0 ? { userAttributes } : {}) });
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
      <NewPasswordFields
        state={newPassword}
        passwordLabel={t('field.password')}
        formFields={formFields}
        invalid={confirm.invalidProps('password')}
      />
      {missing.map((name) => (
        <Field
          key={name}
          {...fieldOverride(formFields, name, attributeLabel(t, name))}
          name={name}
          type={name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'text'}
          autoComplete={AUTOCOMPLETE[name] ?? 'on'}
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
