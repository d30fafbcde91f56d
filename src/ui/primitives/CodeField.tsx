'use client';
import { Field, type FieldProps } from './Field';

export type CodeFieldProps = Omit<FieldProps, 'type' | 'inputMode' | 'secret'>;

/** A one-time code: numeric keypad on phones, and the code the OS read from a message offered to fill it in. */
export function CodeField(props: CodeFieldProps) {
  return <Field autoComplete="one-time-code" {...props} type="text" inputMode="numeric" autoCapitalize="off" spellCheck={false} secret />;
}
