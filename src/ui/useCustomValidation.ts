'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ValidationErrors } from './services';
import { useService } from './servicesContext';

const NO_ERRORS: ValidationErrors = {};

export interface CustomValidation {
  /** The latest answer of `validateCustomSignUp`: field → message(s). */
  errors: ValidationErrors;
  hasErrors: boolean;
  /** Marks `name` touched (left) and checks `values` again. */
  touch: (name: string, values: Record<string, string>) => void;
  /** Checks `values` now (before sending); resolves whether there are errors. */
  check: (values: Record<string, string>) => Promise<boolean>;
}

/**
 * `services.validateCustomSignUp(formData, touchData)` run when Amplify UI runs it: after each change
 * and each blur (not before the first one), and before sending. Only the latest run's answer counts,
 * so a slow check never overwrites a newer one.
 */
export function useCustomValidation(values: Record<string, string>): CustomValidation {
  const validate = useService('validateCustomSignUp');
  const [errors, setErrors] = useState<ValidationErrors>(NO_ERRORS);
  const touched = useRef<Record<string, boolean>>({});
  const runs = useRef(0);
  const run = useCallback(
    async (formData: Record<string, string>): Promise<ValidationErrors> => {
      const id = ++runs.current;
      let result: ValidationErrors | null | void;
      try {
        result = await validate({ ...formData }, { ...touched.current });
      } catch {
        result = undefined; // the app's check broke: it does not block the form
      }
      const next = result && Object.keys(result).length > 0 ? result : NO_ERRORS;
      if (id === runs.current) setErrors(next);
      return next;
    },
    [validate],
  );
  const initial = useRef(values);
  useEffect(() => {
    if (values !== initial.current) void run(values);
  }, [values, run]);
  return {
    errors,
    hasErrors: errors !== NO_ERRORS,
    touch: (name, formData) => {
      if (!name) return;
      touched.current = { ...touched.current, [name]: true };
      void run(formData);
    },
    check: async (formData) => (await run(formData)) !== NO_ERRORS,
  };
}

/** A field's messages as one text (Amplify allows a list per field). */
export function errorText(error: string | string[] | undefined): string | undefined {
  if (error === undefined) return undefined;
  const text = Array.isArray(error) ? error.join(' ') : error;
  return text === '' ? undefined : text;
}
