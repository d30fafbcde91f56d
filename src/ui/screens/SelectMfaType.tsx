'use client';
import { useState } from 'react';
import type { MfaType } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { MfaChoice } from './MfaChoice';
import { useNextStep } from './useNextStep';

export interface SelectMfaTypeProps {
  className?: string;
}

/** Choose SMS, email or an authenticator app for this sign-in (step CONTINUE_SIGN_IN_WITH_MFA_SELECTION). */
export function SelectMfaType({ className }: SelectMfaTypeProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONTINUE_SIGN_IN_WITH_MFA_SELECTION');
  const allowed: MfaType[] = step?.allowedMFATypes.length ? step.allowedMFATypes : ['SMS', 'TOTP'];
  const confirm = useScreenAction('handleConfirmSignIn');
  const [choice, setChoice] = useState<MfaType>(allowed[0] ?? 'SMS');
  return (
    <ScreenForm
      screen="selectMfaType"
      className={className}
      heading={t('selectMfaType.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: choice })}
      footer={<BackToSignIn />}
    >
      <MfaChoice options={allowed} value={choice} onChange={setChoice} />
      <SubmitButton label={t('selectMfaType.submit')} pendingLabel={t('selectMfaType.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
