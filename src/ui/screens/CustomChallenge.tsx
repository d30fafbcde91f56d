'use client';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import type { FormFields } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';

export interface CustomChallengeProps {
  className?: string;
  /** Overrides of the screen's fields (`answer`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['customChallenge'];
}

/** The answer to a custom auth challenge (step CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE). */
export function CustomChallenge({ className, formFields }: CustomChallengeProps) {
  const { t } = useFullTranslate();
  const confirm = useScreenAction('handleConfirmSignIn');
  const stepFields = useStepFields('customChallenge', [{ name: 'answer', label: t('field.answer'), type: 'text', autoComplete: 'off', required: true }], formFields);
  const { values } = stepFields;
  return (
    <ScreenForm
      screen="customChallenge"
      className={className}
      heading={t('customChallenge.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: values.answer ?? '' })}
      footer={<BackToSignIn />}
    >
      <FieldList fields={stepFields.fields} values={stepFields.values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'answer' ? confirm.invalidProps('code') : {})} />
      <SubmitButton label={t('customChallenge.submit')} pendingLabel={t('customChallenge.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
