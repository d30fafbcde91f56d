'use client';
import { useId } from 'react';
import type { MfaType } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import type { MessageKey } from '../i18n/en';

const LABELS: Record<MfaType, MessageKey> = {
  SMS: 'selectMfaType.SMS',
  TOTP: 'selectMfaType.TOTP',
  EMAIL: 'selectMfaType.EMAIL',
};

export interface MfaChoiceProps<T extends MfaType> {
  /** The methods Cognito offered, in its order. */
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
}

/** The radio group of MFA methods that choosing one for this sign-in and choosing one to set up share. */
export function MfaChoice<T extends MfaType>({ options, value, onChange }: MfaChoiceProps<T>) {
  const { t } = useFullTranslate();
  const name = useId();
  return (
    <fieldset className="crk-radio-group">
      <legend className="crk-field__label">{t('selectMfaType.legend')}</legend>
      {options.map((type) => (
        <label key={type} className="crk-radio" data-checked={value === type || undefined}>
          <input type="radio" name={name} value={type} checked={value === type} onChange={() => onChange(type)} />
          <span>{t(LABELS[type])}</span>
        </label>
      ))}
    </fieldset>
  );
}
