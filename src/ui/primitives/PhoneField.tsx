'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { DIAL_CODES, joinPhoneNumber, splitPhoneNumber } from './dialCodes';
import { Field, type FieldProps } from './Field';

export interface PhoneFieldProps extends Omit<FieldProps, 'type' | 'value' | 'onChange' | 'leading'> {
  /** The full number (`+15555550123`); the field starts from it. */
  value: string;
  /** Called with the full E.164 number whenever the dial code or the number changes. */
  onChange: (value: string) => void;
  /** The dial code selected at first when `value` has none. Default: `+1`. */
  dialCode?: string;
  /** The country codes offered. Default: every ITU code. */
  dialCodeList?: readonly string[];
}

/**
 * A phone number as Cognito wants it (E.164), typed the way people know it: a country code select
 * and the local number. A leading 0 of the local number is dropped; a number typed with `+` is used as is.
 */
export function PhoneField({ value, onChange, dialCode = '+1', dialCodeList = DIAL_CODES, ...field }: PhoneFieldProps) {
  const { t } = useTranslate();
  const [parts, setParts] = useState(() => splitPhoneNumber(value, dialCode));
  const update = (next: { dialCode: string; national: string }) => {
    setParts(next);
    onChange(joinPhoneNumber(next.dialCode, next.national));
  };
  const codes = dialCodeList.includes(parts.dialCode) ? dialCodeList : [parts.dialCode, ...dialCodeList];
  return (
    <Field
      {...field}
      type="tel"
      // `tel`: autofill brings the whole number with its `+`, which is used as is.
      autoComplete={field.autoComplete ?? 'tel'}
      value={parts.national}
      onChange={(event) => update({ ...parts, national: event.target.value })}
      leading={
        <select
          className="crk-field__dial-code"
          aria-label={t('field.dialCode')}
          autoComplete="tel-country-code"
          value={parts.dialCode}
          disabled={field.disabled}
          onChange={(event) => update({ ...parts, dialCode: event.target.value })}
        >
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      }
    />
  );
}
