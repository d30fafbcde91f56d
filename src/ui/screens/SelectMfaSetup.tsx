'use client';
import { useState } from 'react';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { MfaChoice } from './MfaChoice';
import { useNextStep } from './useNextStep';

export interface SelectMfaSetupProps {
  className?: string;
}

type SetupMethod = 'EMAIL' | 'TOTP';

/**
 * The pool requires MFA and the user has none yet: choose email or an authenticator app to set up
 * (step CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION). Either answer moves on without a request:
 * to the email address, or to the app's QR code.
 */
export function SelectMfaSetup({ className }: SelectMfaSetupProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION');
  const allowed: SetupMethod[] = step?.allowedMFATypes.length ? step.allowedMFATypes : ['EMAIL', 'TOTP'];
  const confirm = useScreenAction('handleConfirmSignIn');
  const [choice, setChoice] = useState<SetupMethod>(allowed[0] ?? 'EMAIL');
  return (
    <ScreenForm
      screen="selectMfaSetup"
      className={className}
      heading={t('selectMfaSetup.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: choice })}
      footer={<BackToSignIn />}
    >
      <MfaChoice options={allowed} value={choice} onChange={setChoice} />
      <SubmitButton label={t('selectMfaSetup.submit')} pendingLabel={t('selectMfaSetup.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
