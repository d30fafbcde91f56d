'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { FieldList } from '../primitives/FieldList';
import { attributeField, initialValues, resolveFields, usernameField, type FieldSpec, type FormFieldOptions, type LoginMechanism } from '../primitives/formFields';
import { joinIds, type FieldProps } from '../primitives/Field';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { PasswordRules, usePasswordPolicy } from '../primitives/PasswordRules';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { errorText, useCustomValidation } from '../useCustomValidation';
import { useFormHandle } from '../useFormHandle';
import { usernameFormError, useScreenAction } from '../useScreenAction';

export interface SignUpProps {
  className?: string;
  /** Called once Cognito accepted the sign-up (the engine's next step takes over). */
  onSignedUp?: () => void;
  /** What the username is: Cognito's username, or the email / phone of an alias pool. Default: `username`. */
  loginMechanism?: LoginMechanism;
  /** User attributes asked for (`email`, `phone_number`, `name`, …). Default: `['email']` (none for email/phone pools). */
  signUpAttributes?: readonly string[];
  /** Changes to any field, or extra ones (custom attributes, e.g. `custom:team`). Default: none. */
  formFields?: Record<string, FormFieldOptions>;
  /** The pool's password policy, shown under the password and checked before signing up. Default: Cognito's (8, all character kinds). */
  passwordPolicy?: PasswordPolicy;
}

const NOT_ATTRIBUTES = new Set(['username', 'password', 'confirm_password']);

/** Username, password twice (checked to match before anything is sent), then the attributes asked for. */
export function SignUp({ className, onSignedUp, loginMechanism = 'username', signUpAttributes, formFields, passwordPolicy }: SignUpProps) {
  const { t } = useTranslate();
  const signUp = useScreenAction('handleSignUp', { loginMechanism });
  const fields = resolveFields(t, baseFields(t, loginMechanism, signUpAttributes), formFields);
  const [values, setValues] = useState(() => initialValues(fields));
  // Checked from the first submit on, then as the user types: no error while they are still typing.
  const [checkMatch, setCheckMatch] = useState(false);
  const password = values['password'] ?? '';
  const mismatch = checkMatch && (values['confirm_password'] ?? '') !== password;
  const policy = usePasswordPolicy(password, passwordPolicy);
  const custom = useCustomValidation(values);
  const update = (name: string, value: string | undefined) =>
    setValues(({ [name]: _old, ...rest }) => (value === undefined ? rest : { ...rest, [name]: value }));

  const submit = async (data?: Record<string, string>) => {
    const form = data ? { ...values, ...data } : values;
    if (data) setValues(form);
    setCheckMatch(true);
    const policyMet = policy.check();
    if (!policyMet || (form['password'] ?? '') !== (form['confirm_password'] ?? '')) return;
    if (await custom.check(form)) return;
    // Trimmed on submit, as Amplify UI hands them to `handleSignUp` (the passwords never are).
    const username = (form['username'] ?? '').trim();
    const refusal = usernameFormError(loginMechanism, username);
    if (refusal) return signUp.refuse(refusal);
    const attributes: Record<string, string> = {};
    for (const field of fields) {
      const value = (form[field.name] ?? '').trim();
      if (!NOT_ATTRIBUTES.has(field.name) && value !== '') attributes[field.name] = value;
    }
    // Alias pools: the username is the email/phone, and Cognito wants it as that attribute too.
    if (loginMechanism !== 'username' && username !== '') attributes[loginMechanism] = username;
    // Signed in as soon as the account is confirmed, as Amplify UI does: the password stays in memory until then.
    const result = await signUp.submit({ username, password: form['password'] ?? '', options: { userAttributes: attributes, autoSignIn: true } });
    if (result === undefined) return;
    onSignedUp?.();
  };
  useFormHandle({ submit: (data) => void submit(data), update }, custom.errors);

  return (
    <ScreenForm
      screen="signUp"
      className={className}
      heading={t('signUp.heading')}
      error={signUp.message}
      errorId={signUp.alertId}
      onSubmit={() => void submit()}
      // Inputs the app adds (a terms checkbox) count as in Amplify's form: a value while set, touched once left.
      onChange={({ target }) => {
        if (target instanceof HTMLInputElement && target.name && !fields.some((field) => field.name === target.name)) {
          update(target.name, target.type === 'checkbox' && !target.checked ? undefined : target.value);
        }
      }}
      onBlur={({ target }) => custom.touch(target instanceof HTMLInputElement ? target.name : '', values)}
    >
      <FieldList
        fields={fields}
        values={values}
        passwordAutoComplete="new-password"
        onChange={(name, value) => setValues((old) => ({ ...old, [name]: value }))}
        fieldProps={(name) =>
          withCustomError(
            name === 'confirm_password' ? (mismatch ? { error: t('field.passwordMismatch') } : {})
            : name === 'password' ? passwordProps(signUp.invalidProps(name), policy.describedBy, policy.error)
            : name === 'username' ? signUp.invalidProps(name)
            : {},
            errorText(custom.errors[name]),
          )
        }
        renderAfter={(name) => (name === 'password' ? <PasswordRules id={policy.rulesId} rules={policy.rules} /> : null)}
      />
      <SubmitButton label={t('signUp.submit')} pendingLabel={t('signUp.pending')} pending={signUp.pending} disabled={custom.hasErrors} />
    </ScreenForm>
  );
}

/** A field's own error first; else the app's `validateCustomSignUp` message for it. */
function withCustomError(props: Partial<FieldProps>, custom: string | undefined): Partial<FieldProps> {
  return custom === undefined || props.error !== undefined ? props : { ...props, error: custom };
}

/** The password's props: the engine error's, plus the rule list and the policy error. */
function passwordProps(invalid: { 'aria-invalid'?: true; 'aria-describedby'?: string }, rulesId: string | undefined, error: string | undefined) {
  const describedBy = joinIds(rulesId, invalid['aria-describedby']);
  return { ...invalid, ...(describedBy === undefined ? {} : { 'aria-describedby': describedBy }), ...(error === undefined ? {} : { error }) };
}

function baseFields(t: ReturnType<typeof useTranslate>['t'], mechanism: LoginMechanism, attributes: readonly string[] | undefined): FieldSpec[] {
  const asked = attributes ?? (mechanism === 'username' ? ['email'] : []);
  return [
    usernameField(t, mechanism),
    { name: 'password', label: t('field.password'), type: 'password', required: true },
    { name: 'confirm_password', label: t('field.confirmPassword'), type: 'password', required: true },
    ...asked.filter((name) => name !== mechanism).map((name) => attributeField(t, name)),
  ];
}
