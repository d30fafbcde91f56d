'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { initialValues, resolveFields, type FieldSpec, type FormFieldOptions } from './formFields';

export interface StepFields {
  /** The screen's fields after the app's overrides (label, order, required, default value, extra fields). */
  fields: FieldSpec[];
  values: Record<string, string>;
  setValue: (name: string, value: string) => void;
  /** Filled fields the app added that the screen does not have, or undefined when there are none. */
  extras: Record<string, string> | undefined;
}

/**
 * Form state of a step screen's own fields plus the app's `formFields` overrides. The screen sends
 * `extras` where Cognito accepts free-form data: `clientMetadata` for Lambda triggers, or the
 * user attributes of a forced new password.
 */
export function useStepFields(base: FieldSpec[], overrides: Record<string, FormFieldOptions> | undefined): StepFields {
  const { t } = useTranslate();
  const fields = resolveFields(t, base, overrides);
  const [values, setValues] = useState(() => initialValues(fields));
  const own = new Set(base.map((field) => field.name));
  const filled = fields.filter((field) => !own.has(field.name) && (values[field.name] ?? '') !== '');
  return {
    fields,
    values,
    setValue: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    extras: filled.length === 0 ? undefined : Object.fromEntries(filled.map((field) => [field.name, values[field.name] ?? ''])),
  };
}
