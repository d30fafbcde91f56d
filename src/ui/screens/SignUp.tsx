'use client';
import { useState } from 'react';
import type { PopupOptions } from '../../core/index';
import { useTranslate } from '../i18n/TranslationProvider';
import { FieldList } from '../primitives/FieldList';
import { attributeField, initialValues, isUserAttribute, namedAttributeField, usernameField, type FieldSpec, type FormFields, type LoginMechanism } from '../primitives/formFields';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { passwordInputProps, PasswordRules, usePasswordPolicy } from '../primitives/PasswordRules';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useFields } from '../primitives/useStepFields';
import { errorText, useCustomValidation } from '../useCustomValidation';
import { useFormHandle } from '../useFormHandle';
import { usernameFormError, useScreenAction } from '../useScreenAction';
import type { FieldProps } from '../primitives/Field';
import { ScreenFields } from './DefaultFormFields';
import { SocialButtons, type SocialProvider } from './SocialButtons';

export interface SignUpProps {
  className?: string;
  /** Called once Cognito accepted the sign-up (the engine's next step takes over). */
  onSignedUp?: () => void;
  /** What the username is: Cognito's username, or the email / phone of an alias pool. Default: `username`. */
  loginMechanism?: LoginMechanism;
  /** User attributes asked for (`email`, `phone_number`, `name`, …; those without a default field are skipped). Default: none (as Amplify UI: only the login mechanism, password and its confirmation). */
  signUpAttributes?: readonly string[];
  /** Changes to any field, or extra attribute fields (`custom:team`, `given_name`, …). Default: none. */
  formFields?: FormFields['signUp'];
  /** The pool's password policy, shown under the password and checked before signing up. Default: Cognito's (8, all character kinds). */
  passwordPolicy?: PasswordPolicy;
  /** "Sign Up with …" buttons through the hosted UI. Default: none. */
  socialProviders?: readonly SocialProvider[];
  /** The social buttons sign in in a popup window, with its options. Default: false. */
  socialPopup?: boolean | PopupOptions;
}

const NOT_ATTRIBUTES = new Set(['username', 'password', 'confirm_password']);

/**
 * Username, password twice (checked to match before anything is sent), then the attributes asked
 * for. Of the form's values (the app's own `FormFields` inputs included), only user attributes are sent.
 */
export function SignUp({ className, onSignedUp, loginMechanism = 'username', signUpAttributes, formFields, passwordPolicy, socialProviders = [], socialPopup = false }: SignUpProps) {
  const { t } = useTranslate();
  const signUp = useScreenAction('handleSignUp', { loginMechanism });
  const social = useScreenAction('federatedSignIn');
  const fields = useFields('signUp', baseFields(t, loginMechanism, signUpAttributes), aliasUsername(formFields, loginMechanism), (name) => namedAttributeField(t, name));
  const [values, setValues] = useState(() => initialValues(fields));
  // Checked from the first submit on, then as the user types: no error while they are still typing.
  const [checkMatch, setCheckMatch] = useState(false);
  const password = values['password'] ?? '';
  const mismatch = checkMatch && (values['confirm_password'] ?? '') !== password;
  const policy = usePasswordPolicy(password, passwordPolicy);
  const custom = useCustomValidation(values);
  // Inputs the app adds (a terms checkbox) live in the same values, as in Amplify's form: a value while set.
  const update = (name: string, value: string | undefined) =>
    setValues(({ [name]: _old, ...rest }) => (value === undefined ? rest : { ...rest, [name]: value }));
  const own = (name: string) => fields.some((field) => field.name === name);

  const submit = async (data?: Record<string, string>) => {
    const form = data ? { ...values, ...data } : values;
    if (data) setValues(form);
    setCheckMatch(true);
    const policyMet = policy.check();
    if (!policyMet || (form['password'] ?? '') !== (form['confirm_password'] ?? '')) return;
    if (await custom.check(form)) return;
    // Trimmed on submit, as Amplify UI hands them to `handleSignUp` (the passwords never are).
    const username = (form[usernameName(loginMechanism)] ?? '').trim();
    const refusal = usernameFormError(loginMechanism, username);
    if (refusal) return signUp.refuse(refusal);
    // Only user attributes are sent (standard or custom:*), the app's own inputs included; a terms checkbox is not.
    const attributes: Record<string, string> = {};
    for (const [name, raw] of Object.entries(form)) {
      const value = raw.trim();
      if (!NOT_ATTRIBUTES.has(name) && isUserAttribute(name) && value !== '') attributes[name] = value;
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
      error={social.message ?? signUp.message}
      errorId={social.message ? social.alertId : signUp.alertId}
      onSubmit={() => void submit()}
      onChange={({ target }) => {
        if (target instanceof HTMLInputElement && target.name && !own(target.name)) {
          update(target.name, target.type === 'checkbox' && !target.checked ? undefined : target.value);
        }
      }}
      // Touched once left, as Amplify's validateCustomSignUp is told.
      onBlur={({ target }) => custom.touch(target instanceof HTMLInputElement ? target.name : '', values)}
    >
      <SocialButtons providers={socialProviders} action={social} label="signUp.withProvider" popup={socialPopup} />
      <ScreenFields>
        <FieldList
          fields={fields}
          values={values}
          passwordAutoComplete="new-password"
          onChange={(name, value) => setValues((old) => ({ ...old, [name]: value }))}
          fieldProps={(name) =>
            withCustomError(
              name === 'confirm_password' ? (mismatch ? { error: t('field.passwordMismatch') } : {})
              : name === 'password' ? passwordInputProps(policy, signUp.invalidProps(name))
              : name === usernameName(loginMechanism) ? signUp.invalidProps('username')
              : {},
              errorText(custom.errors[name]),
            )
          }
          renderAfter={(name) => (name === 'password' ? <PasswordRules id={policy.rulesId} rules={policy.rules} /> : null)}
        />
      </ScreenFields>
      <SubmitButton label={t('signUp.submit')} pendingLabel={t('signUp.pending')} pending={signUp.pending} disabled={custom.hasErrors} />
    </ScreenForm>
  );
}

/** A field's own error first; else the app's `validateCustomSignUp` message for it. */
function withCustomError(props: Partial<FieldProps>, custom: string | undefined): Partial<FieldProps> {
  return custom === undefined || props.error !== undefined ? props : { ...props, error: custom };
}

/** The sign-up field holding the username: Amplify UI names it by its attribute in alias pools (`email`, `phone_number`). */
function usernameName(mechanism: LoginMechanism): string {
  return mechanism === 'username' ? 'username' : mechanism;
}

/** An alias pool's username field is the attribute's: options given under `username` reach it too. */
function aliasUsername(formFields: FormFields['signUp'], mechanism: LoginMechanism): FormFields['signUp'] {
  const given = mechanism === 'username' ? undefined : formFields?.username;
  if (!formFields || !given) return formFields;
  const { username: _username, ...rest } = formFields;
  return { ...rest, [mechanism]: { ...given, ...formFields[mechanism] } };
}

function baseFields(t: ReturnType<typeof useTranslate>['t'], mechanism: LoginMechanism, attributes: readonly string[] = []): FieldSpec[] {
  return [
    { ...usernameField(t, mechanism), name: usernameName(mechanism) },
    { name: 'password', label: t('field.password'), type: 'password', required: true, placeholder: t('placeholder.password') },
    { name: 'confirm_password', label: t('field.confirmPassword'), type: 'password', required: true, placeholder: t('placeholder.confirm_password') },
    ...attributes.filter((name) => name !== mechanism).flatMap((name) => attributeField(t, name) ?? []),
  ];
}
