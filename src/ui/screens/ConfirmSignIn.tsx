'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { CodeField } from '../primitives/CodeField';
import { fieldOverride, type FormFieldOptions } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { deliveryMessage } from './deliveryMessage';
import { useNextStep } from './useNextStep';

export interface ConfirmSignInProps {
  className?: string;
  /** Label / placeholder / required of the screen's fields (`code`). Default: none. */
  formFields?: Record<string, FormFieldOptions>;
}

/** The MFA code of a sign-in: SMS (says where it went) or an authenticator app's TOTP code. */
export function ConfirmSignIn({ className, formFields }: ConfirmSignInProps) {
  const { t } = useTranslate();
  const step = useNextStep();
  const confirm = useScreenAction('confirmSignIn');
  const [code, setCode] = useState('');
  const totp = step?.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE';
  const submit = () => void confirm.submit({ challengeResponse: code });
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
      <p className="crk-text">{totp ? t('confirmSignIn.totpDescription') : deliveryMessage(t, step?.codeDeliveryDetails)}</p>
      <CodeField
        {...fieldOverride(formFields, 'code', t('field.code'))}
        name="code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        {...confirm.invalidProps('code')}
      />
      <SubmitButton label={t('confirmSignIn.submit')} pendingLabel={t('confirmSignIn.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
