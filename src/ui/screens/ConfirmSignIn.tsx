'use client';
import type { SignInStep } from '../../core/index';
import type { MessageKey } from '../i18n/en';
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

/**
 * The code of a sign-in step: texted or emailed (says where it went; an MFA or a USER_AUTH first
 * factor) or an authenticator app's TOTP code. One screen, as the three differ only in their words.
 */
export function ConfirmSignIn({ className, formFields }: ConfirmSignInProps) {
  const { t } = useTranslate();
  const step = useNextStep('CONFIRM_SIGN_IN_WITH_SMS_CODE', 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const confirm = useScreenAction('confirmSignIn');
  const stepFields = useStepFields([codeField(t)], formFields);
  const medium = mediumOf(step?.signInStep);
  const { values, extras } = stepFields;
  const submit = () => void confirm.submit({ challengeResponse: values.code ?? '', ...(extras ? { clientMetadata: extras } : {}) });
  return (
    <ScreenForm
      screen="confirmSignIn"
      className={className}
      data-mfa={medium}
      heading={t(HEADINGS[medium])}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={submit}
      footer={<BackToSignIn />}
    >
      <p className="crk-text">{step?.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' ? t('confirmSignIn.totpDescription') : deliveryMessage(t, step?.codeDeliveryDetails)}</p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('confirmSignIn.submit')} pendingLabel={t('confirmSignIn.pending')} pending={confirm.pending} />
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
