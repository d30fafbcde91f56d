'use client';
import { useId, useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field, type FieldProps } from './Field';

export interface PasswordFieldProps extends Omit<FieldProps, 'type' | 'adornment' | 'secret'> {
  /** `current-password` to sign in, `new-password` to set one. Default: `current-password`. */
  autoComplete?: 'current-password' | 'new-password';
}

/**
 * The toggle's icon: an eye while the password is hidden (press to show), crossed out while it shows.
 * Decorative (`aria-hidden`): the button's name and `aria-pressed` say what it does.
 */
function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg aria-hidden="true" className="crk-field__toggle-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
      {crossed ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
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
      <EyeIcon crossed={visible} />
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
