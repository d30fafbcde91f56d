'use client';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import type { FormFields } from '../primitives/formFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useStepFields } from '../primitives/useStepFields';
import { useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { useNextStep } from './useNextStep';

export interface ConfirmSignInWithPasswordProps {
  className?: string;
  /** Overrides of the screen's fields (`password`) (a name the screen lacks is ignored). Default: none. */
  formFields?: FormFields['confirmSignInWithPassword'];
}

/** The password, after choosing it as the way to sign in (step CONFIRM_SIGN_IN_WITH_PASSWORD). */
export function ConfirmSignInWithPassword({ className, formFields }: ConfirmSignInWithPasswordProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('CONFIRM_SIGN_IN_WITH_PASSWORD');
  const confirm = useScreenAction('handleConfirmSignIn');
  const stepFields = useStepFields('confirmSignInWithPassword', [{ name: 'password', label: t('field.password'), type: 'password', required: true, placeholder: t('placeholder.password') }], formFields);
  const { values } = stepFields;
  const username = step?.username ?? '';
  return (
    <ScreenForm
      screen="confirmSignInWithPassword"
      className={className}
      heading={t('confirmSignInWithPassword.heading')}
      error={confirm.message}
      errorId={confirm.alertId}
      onSubmit={() => void confirm.submit({ challengeResponse: values['password'] ?? '' })}
      footer={<BackToSignIn />}
    >
      {username ? <p className="crk-text">{t('selectFirstFactor.signingInAs', { username })}</p> : null}
      {/* Password managers save and fill a password for the username next to it: give them the one already typed. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <FieldList fields={stepFields.fields} values={values} onChange={stepFields.setValue} fieldProps={(name) => (name === 'password' ? confirm.invalidProps('password') : {})} />
      <SubmitButton label={t('confirmSignInWithPassword.submit')} pendingLabel={t('confirmSignInWithPassword.pending')} pending={confirm.pending} />
    </ScreenForm>
  );
}
