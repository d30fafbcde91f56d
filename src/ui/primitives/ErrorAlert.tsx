'use client';
import type { HTMLAttributes } from 'react';
import { joinClasses } from './Field';

export interface ErrorAlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'children'> {
  /** The message; nothing is rendered without one. */
  message: string | null | undefined;
}

/** A form-level error, announced as soon as it appears (`role="alert"`). */
export function ErrorAlert({ message, className, ...div }: ErrorAlertProps) {
  if (!message) return null;
  return (
    <div {...div} role="alert" className={joinClasses('crk-alert', className)} data-variation="error">
      {message}
    </div>
  );
}
