'use client';
import { useContext, useId, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { joinClasses } from './Field';
import { HeadingIdContext, ScreenHeading } from './ScreenHeading';

export interface ScreenFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  /** Which screen, as `data-screen` (for styling and tests). */
  screen: string;
  heading: string;
  /** The translated failure of the last submission, shown in `role="alert"`. */
  error?: string | null;
  /** Id for the alert, so fields the error is about can point at it. */
  errorId?: string;
  /** Called with the browser's submit already prevented. */
  onSubmit: () => void;
  /** Links under the form (back to sign in, forgot password). */
  footer?: ReactNode;
  children?: ReactNode;
}

/** The frame every screen shares: titled form, error alert, fields, footer. */
export function ScreenForm({ screen, heading, error, errorId, onSubmit, footer, children, className, ...form }: ScreenFormProps) {
  const ownId = useId();
  // Inside the Authenticator the title also names its modal dialog, so it takes the id it is given.
  const headingId = useContext(HeadingIdContext) ?? ownId;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      {...form}
      className={joinClasses('crk-form', className)}
      data-screen={screen}
      aria-labelledby={headingId}
      noValidate
      onSubmit={submit}
    >
      <ScreenHeading id={headingId}>{heading}</ScreenHeading>
      <ErrorAlert id={errorId} message={error} />
      <div className="crk-form__fields">{children}</div>
      {footer ? <div className="crk-form__footer">{footer}</div> : null}
    </form>
  );
}
