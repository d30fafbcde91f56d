'use client';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import type { FormFields } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';

export interface SetupEmailProps {
  className?: string;
  /** Overrides of the screen's fields (`email`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['setupEmail'];
}

/** The address sign-in codes should go to; Cognito emails a code there to prove it (step CONTINUE_SIGN_IN_WITH_EMAIL_SETUP). */
export function SetupEmail({ className, formFields }: SetupEmailProps) {
  const { t } = useFullTranslate();
  const confirm = useScreenAction('handleConfirmSignIn');
  const stepFields = useStepFields('setupEmail', [{ name: 'email', label: t('field.email'), type: 'email', autoComplete: 'email', required: true, placeholder: t('placeholder.email') }], formFields);
  const { values } = stepFields;
  // The engine's empty-answer error is generic ("Enter your answer."); here the answer is an address.
  const message = confirm.errorName === 'EmptyChallengeResponse' ? t('setupEmail.empty') : confirm.message;
  // The email is this screen's only answer, so any refusal is about it.
  const invalid = confirm.errorName === null ? {} : { 'aria-invalid': true as const, 'aria-describedby': confirm.alertId };
  return (
    <ScreenForm
      screen="setupEmail"
      className={className}
      heading={t('setupEmail.heading')}
      error={message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: values['email']?.trim() ?? '' })}
      footer={<BackToSignIn />}
    >
      <p className="crk-text">{t('setupEmail.description')}</p>
      <FieldList fields={stepFields.fields} values={values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'email' ? invalid : {})} />
      <SubmitButton label={t('setupEmail.submit')} pendingLabel={t('setupEmail.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
