'use client';
import { useId, useState } from 'react';
import type { MfaType } from '../../core/index';
import { useTranslate } from '../i18n/TranslationProvider';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { useNextStep } from './useNextStep';

export interface SelectMfaTypeProps {
  className?: string;
}

/** Choose SMS or an authenticator app (step CONTINUE_SIGN_IN_WITH_MFA_SELECTION). */
export function SelectMfaType({ className }: SelectMfaTypeProps) {
  const { t } = useTranslate();
  const step = useNextStep('CONTINUE_SIGN_IN_WITH_MFA_SELECTION');
  const allowed: MfaType[] = step?.allowedMFATypes.length ? step.allowedMFATypes : ['SMS', 'TOTP'];
  const confirm = useScreenAction('confirmSignIn');
  const [choice, setChoice] = useState<MfaType>(allowed[0] ?? 'SMS');
  const name = useId();
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
      <fieldset className="crk-radio-group">
        <legend className="crk-field__label">{t('selectMfaType.legend')}</legend>
        {allowed.map((type) => (
          <label key={type} className="crk-radio" data-checked={choice === type || undefined}>
            <input type="radio" name={name} value={type} checked={choice === type} onChange={() => setChoice(type)} />
            <span>{t(type === 'SMS' ? 'selectMfaType.SMS' : 'selectMfaType.TOTP')}</span>
          </label>
        ))}
      </fieldset>
      <SubmitButton label={t('selectMfaType.submit')} pendingLabel={t('selectMfaType.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
