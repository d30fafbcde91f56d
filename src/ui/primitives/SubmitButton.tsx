'use client';
import type { ButtonHTMLAttributes } from 'react';
import { joinClasses } from './Field';

export interface SubmitButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  /** The label when idle, e.g. "Sign in". */
  label: string;
  /** The label while `pending`, e.g. "Signing in…". */
  pendingLabel: string;
  /** A submission is running: the button is disabled, `aria-busy`, and says so. Default: false. */
  pending?: boolean;
  /** `submit` sends the form; `button` for secondary actions (resend a code). Default: `submit`. */
  type?: 'submit' | 'button';
}

/** The form's action button. Disabled while pending, so a second click cannot submit twice. */
export function SubmitButton({ label, pendingLabel, pending = false, type = 'submit', className, disabled, ...button }: SubmitButtonProps) {
  return (
    <button
      {...button}
      type={type}
      className={joinClasses('crk-button', type === 'submit' && 'crk-button--primary', className)}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
