'use client';
import { useId, useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field, type FieldProps } from './Field';

export interface PasswordFieldProps extends Omit<FieldProps, 'type' | 'adornment' | 'secret'> {
  /** `current-password` to sign in, `new-password` to set one. Default: `current-password`. */
  autoComplete?: 'current-password' | 'new-password';
}

/** A password field with a show/hide toggle: a real button, `aria-pressed` saying whether it shows. */
export function PasswordField({ autoComplete = 'current-password', id, ...props }: PasswordFieldProps) {
  const { t } = useTranslate();
  const ownId = useId();
  const inputId = id ?? ownId;
  const [visible, setVisible] = useState(false);
  const toggle = (
    <button
      type="button"
      className="crk-field__toggle"
      aria-pressed={visible}
      aria-controls={inputId}
      aria-label={t('field.showPassword')}
      data-visible={visible || undefined}
      onClick={() => setVisible((shown) => !shown)}
    >
      <span aria-hidden="true" className="crk-field__toggle-icon" />
    </button>
  );
  return (
    <Field
      {...props}
      id={inputId}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      autoCapitalize="off"
      spellCheck={false}
      secret
      adornment={toggle}
    />
  );
}
