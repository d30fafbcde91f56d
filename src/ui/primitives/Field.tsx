'use client';
import { useEffect, useId, useLayoutEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  /** Help text under the control, linked with `aria-describedby`. */
  description?: ReactNode;
  /** A message about this field's value: linked with `aria-describedby`, sets `aria-invalid`. */
  error?: string;
  /** Keeps the label for screen readers only (Amplify UI's `labelHidden`). Default false. */
  labelHidden?: boolean;
  /** Rendered next to the control inside the field (e.g. a show-password button). */
  adornment?: ReactNode;
  /** Rendered before the control inside the field (e.g. a phone number's country code). */
  leading?: ReactNode;
  /**
   * Keep the value out of the DOM's `value` attribute (passwords, codes). React mirrors a controlled
   * input's value into that attribute, where any CSS attribute selector can read it; a secret field
   * is uncontrolled and its `value` prop is written to the element's property only. Default false.
   */
  secret?: boolean;
}

// Layout effect in the browser (no frame shows a stale value), plain effect on the server (no warning).
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A labelled input with its messages wired for assistive tech: `<label htmlFor>`, description and
 * error ids in `aria-describedby` (after any the caller gave), `aria-invalid` on error, and
 * `data-invalid` / `data-disabled` / `data-required` for styling.
 */
export function Field({ label, labelHidden = false, description, error, adornment, leading, id, className, secret = false, ...props }: FieldProps) {
  const ownId = useId();
  const ref = useRef<HTMLInputElement>(null);
  const { value, defaultValue: _defaultValue, ...rest } = props;
  const input = secret ? rest : props;
  useClientLayoutEffect(() => {
    const element = ref.current;
    if (secret && element && value !== undefined && element.value !== String(value)) element.value = String(value);
  });
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
      <label className={labelHidden ? 'crk-visually-hidden' : 'crk-field__label'} htmlFor={inputId}>
        {label}
      </label>
      <div className="crk-field__control">
        {leading}
        <input
          ref={ref}
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
