'use client';
import { useState } from 'react';
import type { SignInStep } from '../../core/index';
import type { MessageKey } from '../i18n/en';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { codeField, type FormFields } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useFormHandle } from '../useFormHandle';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { deliveryMessage } from './deliveryMessage';
import { useNextStep } from './useNextStep';

export interface ConfirmSignInProps {
  className?: string;
  /** Overrides of the screen's fields (`confirmation_code` or `code`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['confirmSignIn'];
}

/**
 * The code of a sign-in step: texted or emailed (says where it went; an MFA or a USER_AUTH first
 * factor) or an authenticator app's TOTP code. One screen, as the three differ only in their words.
 * A code that is the way to sign in (not an MFA) can be sent again.
 */
export function ConfirmSignIn({ className, formFields }: ConfirmSignInProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONFIRM_SIGN_IN_WITH_SMS_CODE', 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const confirm = useScreenAction('handleConfirmSignIn');
  const resend = useScreenAction('resendSignInCode');
  const [resent, setResent] = useState(false);
  const stepFields = useStepFields('confirmSignIn', [codeField(t)], formFields);
  const medium = mediumOf(step?.signInStep);
  const { values } = stepFields;
  const resendable = step !== null && 'firstFactor' in step && step.firstFactor === true;
  // The latest attempt's error: starting one clears the other's.
  const failed = confirm.message ? confirm : resend;
  const submit = (data?: Record<string, string>) => {
    resend.reset();
    setResent(false);
    void confirm.submit({ challengeResponse: (data?.['code'] ?? values.code ?? '').trim() });
  };
  useFormHandle({ submit, update: (name, value) => stepFields.setValue(name, value ?? '') });
  const resendCode = async () => {
    confirm.reset();
    setResent(false);
    if ((await resend.submit()) !== undefined) setResent(true);
  };
  return (
    <ScreenForm
      screen="confirmSignIn"
      className={className}
      data-mfa={medium}
      heading={t(HEADINGS[medium])}
      error={failed.message}
      errorId={failed.alertId}
      onSubmit={() => submit()}
      footer={<BackToSignIn />}
    >
      <p className="crk-text">{step?.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' ? t('confirmSignIn.totpDescription') : deliveryMessage(t, step?.codeDeliveryDetails)}</p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('confirmSignIn.submit')} pendingLabel={t('confirmSignIn.pending')} pending={confirm.pending} />
      {resendable ? (
        <>
          <SubmitButton type="button" label={t('resend.submit')} pendingLabel={t('resend.pending')} pending={resend.pending} onClick={() => void resendCode()} />
          <p className="crk-text" role="status">
            {resent ? t('resend.sent') : ''}
          </p>
        </>
      ) : null}
    </ScreenForm>
  );
}

type CodeMedium = 'SMS' | 'EMAIL' | 'TOTP';

const HEADINGS: Record<CodeMedium, MessageKey> = {
  SMS: 'confirmSignIn.smsHeading',
  EMAIL: 'confirmSignIn.emailHeading',
  TOTP: 'confirmSignIn.totpHeading',
};

function mediumOf(step: SignInStep | undefined): CodeMedium {
  if (step === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') return 'TOTP';
  return step === 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' ? 'EMAIL' : 'SMS';
}
