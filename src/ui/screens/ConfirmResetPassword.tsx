'use client';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { codeField, type FormFields } from '../primitives/formFields';
import type { PasswordPolicy } from '../primitives/passwordPolicy';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useFormHandle } from '../useFormHandle';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { deliveryMessage } from './deliveryMessage';
import { NewPasswordFields, useNewPassword, withoutPasswords } from './NewPasswordFields';
import { useNextStep } from './useNextStep';

export interface ConfirmResetPasswordProps {
  className?: string;
  /** The pool's password policy, shown under the new password and checked before submitting. Default: Cognito's (8, all character kinds). */
  passwordPolicy?: PasswordPolicy;
  /** Overrides of the screen's fields (`code`, `password`, `confirm_password`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['confirmResetPassword'];
  /** Why a reset is asked: `resetRequired` when Cognito refused a sign-in until the password is reset (the Authenticator sent the code itself). Default: the user asked. */
  reason?: 'requested' | 'resetRequired';
}

/** The reset code and the new password twice (step CONFIRM_RESET_PASSWORD_WITH_CODE), with "Resend Code". */
export function ConfirmResetPassword({ className, passwordPolicy, formFields, reason = 'requested' }: ConfirmResetPasswordProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONFIRM_RESET_PASSWORD_WITH_CODE');
  const username = step?.username ?? '';
  const confirm = useScreenAction('handleForgotPasswordSubmit');
  const resend = useScreenAction('handleForgotPassword');
  const stepFields = useStepFields('confirmResetPassword', [codeField(t)], withoutPasswords(formFields));
  const { values } = stepFields;
  const newPassword = useNewPassword(passwordPolicy);
  const failed = confirm.message ? confirm : resend;

  const submit = () => {
    if (!newPassword.validate()) return;
    resend.reset();
    void confirm.submit({ username, newPassword: newPassword.password, confirmationCode: (values.code ?? '').trim() });
  };
  useFormHandle({ submit, update: (name, value) => stepFields.setValue(name, value ?? '') });
  const resendCode = () => {
    confirm.reset();
    void resend.submit({ username });
  };

  return (
    <ScreenForm
      screen="confirmResetPassword"
      className={className}
      heading={t('confirmResetPassword.heading')}
      error={failed.message}
      errorId={failed.alertId}
      onSubmit={submit}
      footer={<BackToSignIn />}
    >
      {reason === 'resetRequired' ? <p className="crk-text">{t('confirmResetPassword.resetRequired')}</p> : null}
      <p className="crk-text">{deliveryMessage(t, step?.codeDeliveryDetails)}</p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <NewPasswordFields
        state={newPassword}
        passwordLabel={t('field.newPassword')}
        reset
        formFields={formFields}
        invalid={confirm.invalidProps('password')}
      />
      <SubmitButton label={t('confirmResetPassword.submit')} pendingLabel={t('confirmResetPassword.pending')} pending={confirm.pending} />
      <SubmitButton type="button" label={t('resend.submit')} pendingLabel={t('resend.pending')} pending={resend.pending} onClick={resendCode} />
    </ScreenForm>
  );
}
