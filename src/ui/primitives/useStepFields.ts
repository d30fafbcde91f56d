'use client';
import { useEffect, useState } from 'react';
import { initialValues, resolveFields, warnUnknownFields, type FieldSpec, type FormFieldsScreen, type ScreenFieldOptions } from './formFields';

export interface StepFields {
  /** The screen's fields after the app's overrides (label, order, required, default value, placeholder). */
  fields: FieldSpec[];
  values: Record<string, string>;
  setValue: (name: string, value: string) => void;
}

/**
 * The screen's fields after the app's `formFields`, warning in development about names the screen
 * does not have (ignored: nothing the app did not ask the user for reaches Cognito or its triggers).
 */
export function useFields(screen: FormFieldsScreen, base: FieldSpec[], overrides: ScreenFieldOptions | undefined, extra?: (name: string) => FieldSpec | undefined): FieldSpec[] {
  const { fields, unknown } = resolveFields(base, overrides, extra);
  const names = unknown.join(',');
  useEffect(() => warnUnknownFields(screen, names === '' ? [] : names.split(',')), [screen, names]);
  return fields;
}

/** Form state of a step screen's fields with the app's `formFields` overrides. */
export function useStepFields(screen: FormFieldsScreen, base: FieldSpec[], overrides: ScreenFieldOptions | undefined, extra?: (name: string) => FieldSpec | undefined): StepFields {
  const fields = useFields(screen, base, overrides, extra);
  const [values, setValues] = useState(() => initialValues(fields));
  return { fields, values, setValue: (name, value) => setValues((current) => ({ ...current, [name]: value })) };
}
