'use client';
import { Fragment, type ReactNode } from 'react';
import { CodeField } from './CodeField';
import { Field, type FieldProps } from './Field';
import type { FieldSpec } from './formFields';
import { PasswordField } from './PasswordField';
import { PhoneField } from './PhoneField';

export interface FieldListProps {
  fields: FieldSpec[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  /** Extra props per field (invalid state, an error, a description). */
  fieldProps?: (name: string) => Partial<FieldProps>;
  /** Autocomplete of password fields. Default: `current-password`. */
  passwordAutoComplete?: 'current-password' | 'new-password';
  /** Rendered right after a field (e.g. the password rules under the new password). */
  renderAfter?: (name: string) => ReactNode;
}

/** Renders resolved field specs in order: `password` as `PasswordField`, `code` as `CodeField`, `tel` as `PhoneField`, the rest as `Field`. */
export function FieldList({ fields, values, onChange, fieldProps, passwordAutoComplete = 'current-password', renderAfter }: FieldListProps) {
  return (
    <>
      {fields.map((field) => {
        const common = {
          label: field.label,
          name: field.name,
          required: field.required,
          value: values[field.name] ?? '',
          onChange: (event: { target: { value: string } }) => onChange(field.name, event.target.value),
          ...(field.placeholder === undefined ? {} : { placeholder: field.placeholder }),
          ...(field.labelHidden ? { labelHidden: true } : {}),
          ...fieldProps?.(field.name),
        };
                return (
          <Fragment key={field.name}>
            {field.type === 'password' ? (
              <PasswordField {...common} autoComplete={passwordAutoComplete} />
            ) : field.type === 'code' ? (
              <CodeField {...common} />
            ) : field.type === 'tel' ? (
              <PhoneField
                {...common}
                value={values[field.name] ?? ''}
                onChange={(value) => onChange(field.name, value)}
                {...(field.dialCode === undefined ? {} : { dialCode: field.dialCode })}
                {...(field.dialCodeList === undefined ? {} : { dialCodeList: field.dialCodeList })}
                {...(field.autoComplete === undefined ? {} : { autoComplete: field.autoComplete })}
              />
            ) : (
              <Field
                {...common}
                type={field.type}
                {...(field.autoComplete === undefined ? {} : { autoComplete: field.autoComplete })}
                {...(field.name === 'username' ? { autoCapitalize: 'off', spellCheck: false } : {})}
                {...(field.type === 'email' ? { inputMode: 'email' as const, autoCapitalize: 'off', spellCheck: false } : {})}
              />
            )}
            {renderAfter?.(field.name)}
          </Fragment>
        );
      })}
    </>
  );
}
