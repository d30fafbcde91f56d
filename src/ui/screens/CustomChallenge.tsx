'use client';
import { useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { Field } from '../primitives/Field';
import { fieldOverride, type FormFieldOptions } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';

export interface CustomChallengeProps {
  className?: string;
  /** Label / placeholder / required of the screen's fields (`answer`). Default: none. */
  formFields?: Record<string, FormFieldOptions>;
}

/** The answer to a custom auth challenge (step CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE). */
export function CustomChallenge({ className, formFields }: CustomChallengeProps) {
  const { t } = useTranslate();
  const confirm = useScreenAction('confirmSignIn');
  const [answer, setAnswer] = useState('');
  return (
    <ScreenForm
      screen="customChallenge"
      className={className}
      heading={t('customChallenge.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: answer })}
      footer={<BackToSignIn />}
    >
      <Field
        {...fieldOverride(formFields, 'answer', t('field.answer'))}
        name="answer"
        autoComplete="off"
        value={answer}
        onChange={(event) => setAnswer(event.target.value)}
        {...confirm.invalidProps('code')}
      />
      <SubmitButton label={t('customChallenge.submit')} pendingLabel={t('customChallenge.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
