'use client';
import { useTranslate } from '../i18n/TranslationProvider';
import { FieldList } from '../primitives/FieldList';
import { codeField, type FormFieldOptions } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { deliveryMessage } from './deliveryMessage';
import { useNextStep } from './useNextStep';

export interface ConfirmSignInProps {
  className?: string;
  /** Overrides of the screen's fields (`code`) and extra fields, sent as `clientMetadata`. Default: none. */
  formFields?: Record<string, FormFieldOptions>;
}

/** The MFA code of a sign-in: SMS (says where it went) or an authenticator app's TOTP code. */
export function ConfirmSignIn({ className, formFields }: ConfirmSignInProps) {
  const { t } = useTranslate();
  const step = useNextStep('CONFIRM_SIGN_IN_WITH_SMS_CODE', 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const confirm = useScreenAction('confirmSignIn');
  const stepFields = useStepFields([codeField(t)], formFields);
  const totp = step?.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE';
  const { values, extras } = stepFields;
  const submit = () => void confirm.submit({ challengeResponse: values.code ?? '', ...(extras ? { clientMetadata: extras } : {}) });
  return (
    <ScreenForm
      screen="confirmSignIn"
      className={className}
      data-mfa={totp ? 'TOTP' : 'SMS'}
      heading={totp ? t('confirmSignIn.totpHeading') : t('confirmSignIn.smsHeading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={submit}
      footer={<BackToSignIn />}
    >
      <p className="crk-text">{totp ? t('confirmSignIn.totpDescription') : deliveryMessage(t, step?.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE' ? step.codeDeliveryDetails : undefined)}</p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('confirmSignIn.submit')} pendingLabel={t('confirmSignIn.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
