'use client';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  /** Help text under the control, linked with `aria-describedby`. */
  description?: ReactNode;
  /** A message about this field's value: linked with `aria-describedby`, sets `aria-invalid`. */
  error?: string;
  /** Rendered next to the control inside the field (e.g. a show-password button). */
  adornment?: ReactNode;
  /** Rendered before the control inside the field (e.g. a phone number's country code). */
  leading?: ReactNode;
}

/**
 * A labelled input with its messages wired for assistive tech: `<label htmlFor>`, description and
 * error ids in `aria-describedby` (after any the caller gave), `aria-invalid` on error, and
 * `data-invalid` / `data-disabled` / `data-required` for styling.
 */
export function Field({ label, description, error, adornment, leading, id, className, ...input }: FieldProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy = joinIds(input['aria-describedby'], description ? descriptionId : undefined, error ? errorId : undefined);
  const invalid = Boolean(error) || input['aria-invalid'] === true || input['aria-invalid'] === 'true';
  return (
    <div
      className={joinClasses('crk-field', className)}
      data-invalid={invalid || undefined}
      data-disabled={input.disabled || undefined}
      data-required={input.required || undefined}
    >
      <label className="crk-field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="crk-field__control">
        {leading}
        <input
          className="crk-field__input"
          {...input}
          id={inputId}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        {adornment}
      </div>
      {description ? (
        <p className="crk-field__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p className="crk-field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Space-separated ids, or undefined when there are none (so no empty attribute is rendered). */
export function joinIds(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

export function joinClasses(...names: (string | undefined | false)[]): string {
  return names.filter(Boolean).join(' ');
}
