'use client';
import { buildTotpUri } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { codeField, type FormFields } from '../primitives/formFields';
import { QrCode } from '../primitives/QrCode';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { useNextStep } from './useNextStep';

export interface SetupTotpProps {
  className?: string;
  /** Overrides of the screen's fields (`confirmation_code` or `code`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['setupTotp'];
  /** The issuer the authenticator app shows next to the account. Default: `AWSCognito`. */
  issuer?: string;
}

/** QR code + key as text, then the app's first code (step CONTINUE_SIGN_IN_WITH_TOTP_SETUP). */
export function SetupTotp({ className, issuer = 'AWSCognito', formFields }: SetupTotpProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
  const secret = step?.totpSetupDetails.sharedSecret ?? '';
  const confirm = useScreenAction('handleConfirmSignIn');
  const stepFields = useStepFields('setupTotp', [codeField(t)], formFields);
  const { values } = stepFields;
  const uri = buildTotpUri({ secret, username: step?.username ?? '', issuer });
  return (
    <ScreenForm
      screen="setupTotp"
      className={className}
      heading={t('setupTotp.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: values.code ?? '' })}
      footer={<BackToSignIn />}
    >
      <p className="crk-text">{t('setupTotp.instructions')}</p>
      {secret ? <QrCode value={uri} label={t('setupTotp.qrLabel')} /> : null}
      <p className="crk-secret">
        <span className="crk-field__label">{t('setupTotp.secretLabel')}</span> <code className="crk-secret__value">{secret}</code>
      </p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('setupTotp.submit')} pendingLabel={t('setupTotp.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
