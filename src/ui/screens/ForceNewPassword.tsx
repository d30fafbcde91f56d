'use client';
import { useEffect, useState } from 'react';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { attributeField, isUserAttribute, namedAttributeField, type FormFields } from '../primitives/formFields';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useFormHandle } from '../useFormHandle';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { ScreenFields, useAppInputs } from './DefaultFormFields';
import { NewPasswordFields, useNewPassword, withoutPasswords } from './NewPasswordFields';
import { useNextStep } from './useNextStep';

export interface ForceNewPasswordProps {
  className?: string;
  /** The pool's password policy, shown under the new password and checked before submitting. Default: Cognito's (8, all character kinds). */
  passwordPolicy?: PasswordPolicy;
  /**
   * Overrides of the screen's fields (`password`, `confirm_password`, each missing attribute by
   * name) and extra attribute fields (`custom:…`), sent with the new password as user attributes. Default: none.
   */
  formFields?: FormFields['forceNewPassword'];
}

/**
 * A new password (twice) and the attributes the pool still needs (step CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED):
 * only those with a default field, as Amplify UI; an app renders the others with `components.ForceNewPassword.FormFields`.
 */
export function ForceNewPassword({ className, passwordPolicy, formFields }: ForceNewPasswordProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
  const missing = step?.missingAttributes ?? [];
  // As Amplify UI: the new password goes through `services.handleConfirmSignIn`, attributes in `options`.
  const confirm = useScreenAction('handleConfirmSignIn');
  const newPassword = useNewPassword(passwordPolicy);
  // Cognito needs every missing attribute: required unless the app's override says otherwise.
  const attributes = useStepFields(
    'forceNewPassword',
    missing.flatMap((name) => {
      const field = attributeField(t, name);
      return field ? [{ ...field, required: true }] : [];
    }),
    withoutPasswords(formFields),
    (name) => namedAttributeField(t, name),
  );
  const [own, appInput] = useAppInputs((name) => name === 'password' || name === 'confirm_password' || attributes.fields.some((field) => field.name === name));

  const submit = () => {
    if (!newPassword.validate()) return;
    const filled = Object.entries({ ...own, ...attributes.values }).filter(([name, value]) => value !== '' && isUserAttribute(name));
    const userAttributes = Object.fromEntries(filled);
    void confirm.submit({ challengeResponse: newPassword.password, ...(Object.keys(userAttributes).length > 0 ? { options: { userAttributes } } : {}) });
  };
  // `useAuthenticator().updateForm` / `submitForm`: values given to submitForm are typed in first, and the
  // form submits once they are rendered (the password rules check what the fields hold).
  const [submitQueued, setSubmitQueued] = useState(false);
  useEffect(() => {
    if (!submitQueued) return;
    setSubmitQueued(false);
    submit();
  });
  const update = (name: string, value: string | undefined) => {
    if (name === 'password') newPassword.setPassword(value ?? '');
    else if (name === 'confirm_password') newPassword.setConfirmPassword(value ?? '');
    else attributes.setValue(name, value ?? '');
  };
  useFormHandle({
    submit: (data) => {
      for (const [name, value] of Object.entries(data ?? {})) update(name, value);
      setSubmitQueued(true);
    },
    update,
  });

  return (
    <ScreenForm
      screen="forceNewPassword"
      className={className}
      heading={t('forceNewPassword.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={submit}
      onChange={appInput}
      footer={<BackToSignIn />}
    >
      <ScreenFields>
        <NewPasswordFields
          state={newPassword}
          passwordLabel={t('field.password')}
          formFields={formFields}
          invalid={confirm.invalidProps('password')}
        />
        <FieldList fields={attributes.fields} values={attributes.values} onChange={attributes.setValue} />
      </ScreenFields>
      <SubmitButton label={t('forceNewPassword.submit')} pendingLabel={t('forceNewPassword.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
