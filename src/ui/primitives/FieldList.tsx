'use client';
import { Field, type FieldProps } from './Field';
import type { FieldSpec } from './formFields';
import { PasswordField } from './PasswordField';

export interface FieldListProps {
  fields: FieldSpec[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  /** Extra props per field (invalid state, an error, a description). */
  fieldProps?: (name: string) => Partial<FieldProps>;
  /** Autocomplete of password fields. Default: `current-password`. */
  passwordAutoComplete?: 'current-password' | 'new-password';
}

/** Renders resolved field specs in order: password specs as `PasswordField`, the rest as `Field`. */
export function FieldList({ fields, values, onChange, fieldProps, passwordAutoComplete = 'current-password' }: FieldListProps) {
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
          ...fieldProps?.(field.name),
        };
        if (field.type === 'password') return <PasswordField key={field.name} {...common} autoComplete={passwordAutoComplete} />;
        const textual = field.type === 'text' || field.type === 'email' || field.type === 'tel';
        return (
          <Field
            key={field.name}
            {...common}
            type={field.type}
            {...(field.autoComplete === undefined ? {} : { autoComplete: field.autoComplete })}
            {...(textual && field.name === 'username' ? { autoCapitalize: 'off', spellCheck: false } : {})}
          />
        );
      })}
    </>
  );
}
