'use client';
import { useState } from 'react';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { fieldOverride, passwordField, type ScreenFieldOptions } from '../primitives/formFields';
import { PasswordField } from '../primitives/PasswordField';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { passwordInputProps, PasswordRules, usePasswordPolicy, type PasswordPolicyCheck } from '../primitives/PasswordRules';

export interface NewPassword {
  password: string;
  setPassword: (value: string) => void;
  confirmPassword: string;
  setConfirmPassword: (value: string) => void;
  /** The confirmation differs, once a submit has asked to compare them. */
  mismatch: boolean;
  policy: PasswordPolicyCheck;
  /** Marks both checks as asked for; true when the password meets the policy and matches. */
  validate: () => boolean;
}

/** State of a "new password, twice" pair with the pool's policy (reset and new-password screens). */
export function useNewPassword(passwordPolicy: PasswordPolicy | undefined): NewPassword {
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [checkMatch, setCheckMatch] = useState(false);
  const policy = usePasswordPolicy(password, passwordPolicy);
  return {
    password,
    setPassword,
    confirmPassword,
    setConfirmPassword,
    mismatch: checkMatch && confirmPassword !== password,
    policy,
    validate: () => {
      setCheckMatch(true);
      const policyMet = policy.check();
      return policyMet && password === confirmPassword;
    },
  };
}

const PASSWORD_FIELDS = new Set(['password', 'confirm_password']);

/** The overrides of a screen's other fields: `NewPasswordFields` owns `password` and `confirm_password`. */
export function withoutPasswords(formFields: ScreenFieldOptions | undefined): ScreenFieldOptions | undefined {
  return formFields && Object.fromEntries(Object.entries(formFields).filter(([name]) => !PASSWORD_FIELDS.has(name)));
}

export interface NewPasswordFieldsProps {
  state: NewPassword;
  passwordLabel: string;
  /** Amplify UI's placeholders: "New Password" / "Confirm Password" on a reset, else "Enter your Password" / "Please confirm your Password". */
  reset?: boolean;
  formFields?: ScreenFieldOptions | undefined;
  /** The server error's link to the password field (from useScreenAction's invalidProps). */
  invalid: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

/** The new password with its live policy rules, then the confirmation. */
export function NewPasswordFields({ state, passwordLabel, reset = false, formFields, invalid }: NewPasswordFieldsProps) {
  const { t } = useFullTranslate();
  const password = { ...passwordField(t, passwordLabel), placeholder: t(reset ? 'placeholder.newPassword' : 'placeholder.password') };
  const confirm = { ...password, name: 'confirm_password', label: t('field.confirmPassword'), placeholder: t(reset ? 'placeholder.confirmNewPassword' : 'placeholder.confirm_password') };
  return (
    <>
      <PasswordField
        {...fieldOverride(formFields, password)}
        name="password"
        autoComplete="new-password"
        value={state.password}
        onChange={(event) => state.setPassword(event.target.value)}
        {...passwordInputProps(state.policy, invalid)}
      />
      <PasswordRules id={state.policy.rulesId} rules={state.policy.rules} />
      <PasswordField
        {...fieldOverride(formFields, confirm)}
        name="confirm_password"
        autoComplete="new-password"
        value={state.confirmPassword}
        error={state.mismatch ? t('field.passwordMismatch') : undefined}
        onChange={(event) => state.setConfirmPassword(event.target.value)}
      />
    </>
  );
}
