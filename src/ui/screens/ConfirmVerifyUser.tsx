'use client';
import { useState } from 'react';
import type { CodeDeliveryDetails } from '../../core/index';
import { useTranslate } from '../i18n/TranslationProvider';
import { CodeField } from '../primitives/CodeField';
import { LinkButton } from '../primitives/LinkButton';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
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
}

/** The code sent by VerifyUser: "Submit" verifies the contact, "Skip" goes on without. */
export function ConfirmVerifyUser({ className, attribute, codeDeliveryDetails, onVerified, onSkip }: ConfirmVerifyUserProps) {
  const { t } = useTranslate();
  const confirm = useScreenAction('verifyCurrentUserAttributeSubmit');
  const [code, setCode] = useState('');
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
      <CodeField label={t('field.code')} name="code" required value={code} onChange={(event) => setCode(event.target.value)} {...confirm.invalidProps('code')} />
      <SubmitButton label={t('confirmVerifyUser.submit')} pendingLabel={t('confirmVerifyUser.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
