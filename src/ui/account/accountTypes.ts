import type { ButtonHTMLAttributes, ComponentType, ReactNode } from 'react';
import type { AuthError } from '../../core/index';
import type { PasswordFieldProps } from '../primitives/PasswordField';

/** When a validator runs: on every change, on blur, or from the first blur on (Amplify UI's modes). */
export type ValidationMode = 'onBlur' | 'onChange' | 'onTouched';

/** One check of the new password, as Amplify UI's `ValidatorOptions`: `message` shows while `validator` returns false. */
export interface ValidatorOptions {
  validationMode: ValidationMode;
  validator: (value: string) => boolean;
  message: string;
}

/** What a password field override receives: the field's props and the messages of failed validators. */
export type AccountPasswordFieldProps = PasswordFieldProps & {
  name: string;
  /** Messages of the validators the value fails, shown under the field. */
  fieldValidationErrors?: string[];
};
export type PasswordFieldComponent<Props = object> = ComponentType<Props & AccountPasswordFieldProps>;

/** What a button override receives: a native button's props; `children` is the translated label. */
export type AccountButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { children: ReactNode };
export type ButtonComponent<Props = object> = ComponentType<Props & AccountButtonProps>;

/** What an error message override receives: the translated message as `children`. */
export interface ErrorMessageProps {
  children: ReactNode;
}
export type ErrorMessageComponent<Props = object> = ComponentType<Props & ErrorMessageProps>;

/** The callbacks every account component takes, as Amplify UI's. */
export interface AccountCallbacks {
  /** Called after the change is saved at Cognito. Default: none. */
  onSuccess?: () => void;
  /** Called with the typed error when it fails (also shown in the component). Default: none. */
  onError?: (error: AuthError) => void;
}
