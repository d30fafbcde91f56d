'use client';
import type { CodeDeliveryDetails } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { codeField, type FormFields } from '../primitives/formFields';
import { LinkButton } from '../primitives/LinkButton';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useScreenAction } from '../useScreenAction';
import { deliveryMessage } from './deliveryMessage';
import type { ContactAttribute } from './VerifyUser';

export interface ConfirmVerifyUserProps {
  className?: string;
  /** The contact the code was sent to. */
  attribute: ContactAttribute;
  /** Where it went, as the engine reported it. */
  codeDeliveryDetails?: CodeDeliveryDetails | undefined;
  /** Called once Cognito accepted the code. */
  onVerified: () => void;
  /** Leave the contact unverified and go on to the app. */
  onSkip: () => void;
  /** Overrides of the code field (`confirmation_code` or `code`). Default: none. */
  formFields?: FormFields['confirmVerifyUser'];
}

/** The code sent by VerifyUser: "Submit" verifies the contact, "Skip" goes on without. */
export function ConfirmVerifyUser({ className, attribute, codeDeliveryDetails, onVerified, onSkip, formFields }: ConfirmVerifyUserProps) {
  const { t } = useFullTranslate();
  const confirm = useScreenAction('verifyCurrentUserAttributeSubmit');
  const stepFields = useStepFields('confirmVerifyUser', [codeField(t)], formFields);
  const code = stepFields.values['code'] ?? '';
  const submit = async () => {
    if ((await confirm.submit(attribute, code)) !== undefined) onVerified();
  };
  return (
    <ScreenForm
      screen="confirmVerifyUser"
      className={className}
      heading={t('confirmVerifyUser.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void submit()}
      footer={<LinkButton onClick={onSkip}>{t('verifyUser.skip')}</LinkButton>}
    >
      <p className="crk-text">{deliveryMessage(t, codeDeliveryDetails)}</p>
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'code' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('confirmVerifyUser.submit')} pendingLabel={t('confirmVerifyUser.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
