'use client';
import { useState } from 'react';
import type { AuthFactorType } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import type { MessageKey } from '../i18n/en';
import type { AuthMethod } from '../passwordless';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { useNextStep } from './useNextStep';

export interface SelectFirstFactorProps {
  className?: string;
  /** Ways not to offer even when Cognito does (`passwordless.hiddenAuthMethods`). Default: none. */
  hiddenAuthMethods?: readonly AuthMethod[];
}

/** A way to sign in as the user sees it: PASSWORD and PASSWORD_SRP are one ("with a password"). */
type Way = AuthMethod;

const WAYS: Record<Way, { label: MessageKey; pending: MessageKey }> = {
  PASSWORD: { label: 'selectFirstFactor.PASSWORD', pending: 'selectFirstFactor.pendingPassword' },
  EMAIL_OTP: { label: 'selectFirstFactor.EMAIL_OTP', pending: 'selectFirstFactor.pendingCode' },
  SMS_OTP: { label: 'selectFirstFactor.SMS_OTP', pending: 'selectFirstFactor.pendingCode' },
  WEB_AUTHN: { label: 'selectFirstFactor.WEB_AUTHN', pending: 'selectFirstFactor.pendingPasskey' },
};

/**
 * Choose how to sign in (step CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION, USER_AUTH): one button
 * per way Cognito offers. A passkey is asked of the browser by the engine itself; a code is sent at
 * once; the password is asked for on the next screen.
 */
export function SelectFirstFactor({ className, hiddenAuthMethods = [] }: SelectFirstFactorProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
  const offered = step?.availableChallenges ?? [];
  const confirm = useScreenAction('handleConfirmSignIn');
  const [chosen, setChosen] = useState<Way | null>(null);
  const ways = waysOf(offered).filter((way) => !hiddenAuthMethods.includes(way));
  const choose = (way: Way) => {
    setChosen(way);
    void confirm.submit({ challengeResponse: answerFor(way, offered) });
  };
  return (
    <ScreenForm
      screen="selectFirstFactor"
      className={className}
      heading={t('selectFirstFactor.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      // No field to submit: Enter has nothing to choose, the buttons do.
      onSubmit={() => undefined}
      footer={<BackToSignIn />}
    >
      {step ? <p className="crk-text">{t('selectFirstFactor.signingInAs', { username: step.username })}</p> : null}
      {ways.length === 0 && step ? <p className="crk-text">{t('selectFirstFactor.noneLeft')}</p> : null}
      <div className="crk-choices">
        {ways.map((way) => (
          <SubmitButton
            key={way}
            type="button"
            className="crk-choices__button"
            data-factor={way}
            label={t(WAYS[way].label)}
            pendingLabel={t(WAYS[way].pending)}
            pending={confirm.pending && chosen === way}
            disabled={confirm.pending}
            onClick={() => choose(way)}
          />
        ))}
      </div>
    </ScreenForm>
  );
}

/** The offered factors as the user's choices, in Cognito's order, the two password proofs as one. */
function waysOf(offered: readonly AuthFactorType[]): Way[] {
  const ways = offered.map((factor): Way => (factor === 'PASSWORD_SRP' ? 'PASSWORD' : factor));
  return ways.filter((way, index) => ways.indexOf(way) === index);
}

/** The factor to answer: `PASSWORD` when offered (the engine still proves it by SRP when it can), else `PASSWORD_SRP`. */
function answerFor(way: Way, offered: readonly AuthFactorType[]): AuthFactorType {
  if (way !== 'PASSWORD') return way;
  return offered.includes('PASSWORD') ? 'PASSWORD' : 'PASSWORD_SRP';
}
