'use client';
import { useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { useAuthEngine } from '../../react/context';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { joinIds } from '../primitives/Field';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { PasswordRules, usePasswordPolicy } from '../primitives/PasswordRules';
import type {
  AccountCallbacks,
  ButtonComponent,
  ErrorMessageComponent,
  PasswordFieldComponent,
  ValidatorOptions,
} from './accountTypes';
import { AccountSection, DefaultButton, DefaultErrorMessage, DefaultPasswordField } from './defaults';
import { useAccountTask } from './useAccountTask';

/** Amplify UI's override points of `<ChangePassword>`; each gets the default's props. */
export interface ChangePasswordComponents {
  CurrentPasswordField?: PasswordFieldComponent;
  NewPasswordField?: PasswordFieldComponent;
  ConfirmPasswordField?: PasswordFieldComponent;
  SubmitButton?: ButtonComponent;
  ErrorMessage?: ErrorMessageComponent;
}

/** Amplify UI's `displayText` of `<ChangePassword>`; unset entries use the translated defaults. */
export interface ChangePasswordDisplayText {
  currentPasswordFieldLabel?: string;
  newPasswordFieldLabel?: string;
  confirmPasswordFieldLabel?: string;
  updatePasswordButtonText?: string;
}

export interface ChangePasswordProps extends AccountCallbacks {
  /** Extra checks of the new password, as Amplify UI's (`{ validationMode, validator, message }`). Default: none. */
  validators?: ValidatorOptions[];
  /** Replacements for the fields, button and error message. Default: the kit's. */
  components?: ChangePasswordComponents;
  /** Text overrides. Default: the translated texts. */
  displayText?: ChangePasswordDisplayText;
  /** The pool's password rules, listed under the new password. Default: the config's `poolSettings.passwordPolicy`, else Cognito's default. */
  passwordPolicy?: PasswordPolicy;
  className?: string;
}

type Name = 'currentPassword' | 'newPassword' | 'confirmPassword';
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/**
 * Current password, new password (with the pool's rules as they are met) and its confirmation, as
 * ui-react's `AccountSettings.ChangePassword`. What was typed stays after a failure; the fields are
 * emptied only once Cognito accepted the change, which a live region then says.
 */
function ChangePasswordRoot({ onSuccess, onError, validators, components, displayText, passwordPolicy, className }: ChangePasswordProps) {
  const auth = useAuthEngine();
  const { t } = useFullTranslate();
  const [values, setValues] = useState(EMPTY);
  const [done, setDone] = useState(false);
  const task = useAccountTask('changePassword');
  const { pending, error } = task;
  const blurred = useRef(new Set<Name>());
  const [, rerender] = useState(0);
  const policy = usePasswordPolicy(values.newPassword, passwordPolicy ?? auth.configure().poolSettings?.passwordPolicy);
  const {
    CurrentPasswordField = DefaultPasswordField,
    NewPasswordField = DefaultPasswordField,
    ConfirmPasswordField = DefaultPasswordField,
    SubmitButton = DefaultButton,
    ErrorMessage = DefaultErrorMessage,
  } = components ?? {};

  const touched = (name: Name) => blurred.current.has(name);
  const newErrors = failing(values.newPassword, validators ?? [], touched('newPassword'));
  const confirmErrors =
    values.confirmPassword && touched('confirmPassword') && values.confirmPassword !== values.newPassword ? [t('field.passwordMismatch')] : [];
  const disabled = pending || !values.currentPassword || !values.newPassword || !values.confirmPassword || newErrors.length > 0 || confirmErrors.length > 0;

  const field = (name: Name) => ({
    name,
    value: values[name],
    required: true,
    onChange: (event: { target: { value: string } }) => {
      setDone(false);
      setValues((old) => ({ ...old, [name]: event.target.value }));
    },
    onBlur: (_event: FocusEvent<HTMLInputElement>) => {
      if (touched(name)) return;
      blurred.current.add(name);
      rerender((n) => n + 1);
    },
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    blurred.current.add('newPassword').add('confirmPassword');
    if (disabled || !policy.check() || values.newPassword !== values.confirmPassword) return rerender((n) => n + 1);
    const { currentPassword: oldPassword, newPassword } = values;
    if (!(await task.run(() => auth.changePassword({ oldPassword, newPassword }), onError))) return;
    setValues(EMPTY);
    blurred.current.clear();
    setDone(true);
    onSuccess?.();
  };

  return (
    <AccountSection name="changePassword" className={className} status={done ? t('account.passwordUpdated') : null}>
      <form className="crk-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending || undefined}>
        <CurrentPasswordField {...field('currentPassword')} label={displayText?.currentPasswordFieldLabel ?? t('account.currentPassword')} autoComplete="current-password" />
        <NewPasswordField
          {...field('newPassword')}
          label={displayText?.newPasswordFieldLabel ?? t('field.newPassword')}
          autoComplete="new-password"
          fieldValidationErrors={newErrors}
          // The policy's error lasts from a failed submit until the rules are met; an emptied field (after a success) has none.
          error={values.newPassword ? policy.error : undefined}
          aria-describedby={joinIds(policy.describedBy)}
        />
        <PasswordRules id={policy.rulesId} rules={policy.rules} />
        <ConfirmPasswordField
          {...field('confirmPassword')}
          label={displayText?.confirmPasswordFieldLabel ?? t('field.confirmPassword')}
          autoComplete="new-password"
          fieldValidationErrors={confirmErrors}
        />
        <SubmitButton type="submit" className="crk-button crk-button--primary" disabled={disabled} aria-busy={pending || undefined}>
          {displayText?.updatePasswordButtonText ?? t('account.updatePassword')}
        </SubmitButton>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      </form>
    </AccountSection>
  );
}

/**
 * The component, with its default parts as statics (`ChangePassword.NewPasswordField`, as ui-react's)
 * for overrides that wrap them. Pure, so an app that never renders it drops it from its bundle.
 */
export const ChangePassword = /* @__PURE__ */ Object.assign(ChangePasswordRoot, {
  CurrentPasswordField: DefaultPasswordField,
  NewPasswordField: DefaultPasswordField,
  ConfirmPasswordField: DefaultPasswordField,
  SubmitButton: DefaultButton,
  ErrorMessage: DefaultErrorMessage,
});

/** The messages of the validators `value` fails; `onTouched`/`onBlur` ones only once the field was left. */
function failing(value: string, validators: ValidatorOptions[], blurred: boolean): string[] {
  if (!value) return [];
  return validators.filter((v) => (v.validationMode === 'onChange' || blurred) && !v.validator(value)).map((v) => v.message);
}
