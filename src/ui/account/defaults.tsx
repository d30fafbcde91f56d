'use client';
import type { ReactNode, Ref } from 'react';
import { useAuth } from '../../react/useAuth';
import { joinClasses } from '../primitives/Field';
import { PasswordField } from '../primitives/PasswordField';
import type { AccountButtonProps, AccountPasswordFieldProps, ErrorMessageProps } from './accountTypes';

/** The kit's password field; failed validators' messages become its error (linked, `aria-invalid`). */
export function DefaultPasswordField({ fieldValidationErrors, error, ...props }: AccountPasswordFieldProps) {
  const messages = fieldValidationErrors?.length ? fieldValidationErrors.join(' ') : undefined;
  return <PasswordField {...props} error={error ?? messages} />;
}

/** A kit button; `data-variation="primary" | "danger"` picks its colours. */
export function DefaultButton({ className, type = 'button', ...props }: AccountButtonProps) {
  return <button {...props} type={type} className={joinClasses('crk-button', className)} />;
}

/** A failure, announced as soon as it appears. */
export function DefaultErrorMessage({ children }: ErrorMessageProps) {
  return (
    <div role="alert" className="crk-alert" data-variation="error">
      {children}
    </div>
  );
}

export interface AccountSectionProps {
  /** Which component: a styling hook (`data-account`). */
  name: string;
  className?: string | undefined;
  /** What just succeeded, said by a polite live region that is always in the page (so it is announced). */
  status?: string | null;
  children: ReactNode;
}

/**
 * The root of an account component: the kit's root class (theme tokens and scoped rules) plus
 * `crk-account`, which lays it out inline in the app's page rather than as a centred card.
 */
export function AccountSection({ name, className, status, children }: AccountSectionProps) {
  // As ui-react's: nothing without a signed-in user (account operations need one).
  const signedIn = useAuth((s) => s.status === 'signedIn');
  if (!signedIn) return null;
  return (
    <section className={joinClasses('crk-authenticator crk-account', className)} data-account={name}>
      {children}
      <p className="crk-account__status" role="status">
        {status ?? ''}
      </p>
    </section>
  );
}

/** The heading level of a settings section, to fit the app's page outline. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A settings heading that takes focus (without a ring for mouse users) when what it titles changed. */
export function AccountHeading({ children, headingRef, level = 2 }: { children: ReactNode; headingRef?: Ref<HTMLHeadingElement>; level?: HeadingLevel | undefined }) {
  const Heading = `h${level}` as const;
  return (
    <Heading className="crk-heading crk-account__heading" tabIndex={-1} ref={headingRef}>
      {children}
    </Heading>
  );
}
