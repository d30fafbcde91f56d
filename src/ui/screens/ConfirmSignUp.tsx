'use client';
import { useState } from 'react';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { codeField, type FormFields } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useFormHandle } from '../useFormHandle';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { deliveryHeading, deliveryMessage } from './deliveryMessage';
import { useNextStep } from './useNextStep';

export interface ConfirmSignUpProps {
  className?: string;
  /** Overrides of the screen's fields (`confirmation_code` or `code`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['confirmSignUp'];
}

/** The sign-up code (step CONFIRM_SIGN_UP), with "Resend Code". */
export function ConfirmSignUp({ className, formFields }: ConfirmSignUpProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONFIRM_SIGN_UP');
  const username = step?.username ?? '';
  const confirm = useScreenAction('handleConfirmSignUp');
  const resend = useScreenAction('resendSignUp');
  const stepFields = useStepFields('confirmSignUp', [codeField(t, 'field.confirmationCode', 'placeholder.code')], formFields);
  const { values } = stepFields;
  const [resent, setResent] = useState(false);
  // The latest attempt's error: starting one clears the other's.
  const failed = confirm.message ? confirm : resend;

  const submit = (data?: Record<string, string>) => {
    resend.reset();
    setResent(false);
    const code = (data?.['code'] ?? values.code ?? '').trim();
    void confirm.submit({ username, confirmationCode: code });
  };
  useFormHandle({ submit, update: (name, value) => stepFields.setValue(name, value ?? '') });
  const resendCode = async () => {
    confirm.reset();
    setResent(false);
    if ((await resend.submit({ username })) !== undefined) setResent(true);
  };

  return (
    <ScreenForm
      screen="confirmSignUp"
      className={className}
      heading={t(deliveryHeading(step?.codeDeliveryDetails))}
      error={failed.message}
      errorId={failed.alertId}
      onSubmit={() => submit()}
      footer={<BackToSignIn />}
    >
      <p className="crk-text">{deliveryMessage(t, step?.codeDeliveryDetails)}</p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('confirmSignUp.submit')} pendingLabel={t('confirmSignUp.pending')} pending={confirm.pending} />
      <SubmitButton
        type="button"
        label={t('resend.submit')}
        pendingLabel={t('resend.pending')}
        pending={resend.pending}
        onClick={() => void resendCode()}
      />
      <p className="crk-text" role="status">
        {resent ? t('resend.sent') : ''}
      </p>
    </ScreenForm>
  );
}
