'use client';
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { FieldList } from '../primitives/FieldList';
import { usernameField, type FormFields, type LoginMechanism } from '../primitives/formFields';
import { useFields } from '../primitives/useStepFields';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useFormHandle } from '../useFormHandle';
import { usernameFormError, useScreenAction } from '../useScreenAction';
import { BackToSignIn } from './BackToSignIn';
import { useNextStep } from './useNextStep';

export interface ForgotPasswordProps {
  className?: string;
  /** Back to the sign-in screen. Default: drop the engine's pending step (after a RESET_PASSWORD step). */
  onBack?: () => void;
  /** Called once the code was sent (the engine's next step takes over). */
  onCodeSent?: () => void;
  /** What the username field asks for. Default: `username`. */
  loginMechanism?: LoginMechanism;
  /** Label, placeholder, default value of `username`. Default: none. */
  formFields?: FormFields['forgotPassword'];
}

/** What an unknown user hears here: no account with what was typed (never a word about a password). */
const NO_ACCOUNT = {
  username: 'forgotPassword.noAccount',
  email: 'forgotPassword.noAccountEmail',
  phone_number: 'forgotPassword.noAccountPhone',
} as const satisfies Record<LoginMechanism, MessageKey>;

/** Amplify UI's lower-case label and placeholder on this screen ("Enter your username", "Enter your email"). */
const FORGOT_TEXTS = {
  username: 'placeholder.forgotUsername',
  email: 'placeholder.forgotEmail',
  phone_number: 'placeholder.forgotPhone',
} as const satisfies Record<LoginMechanism, MessageKey>;

/**
 * Asks for the username and sends a reset code. Also the screen of the RESET_PASSWORD step (Cognito
 * refused a sign-in until the password is reset): then it says why and sends the code itself, once.
 */
export function ForgotPassword({ className, onBack, onCodeSent, loginMechanism = 'username', formFields }: ForgotPasswordProps) {
  const { t } = useFullTranslate();
  const step = useNextStep('RESET_PASSWORD');
  const send = useScreenAction('handleForgotPassword', { loginMechanism });
  const asked = t(FORGOT_TEXTS[loginMechanism]);
  const fields = useFields('forgotPassword', [{ ...usernameField(t, loginMechanism), label: asked, placeholder: asked }], formFields);
  const [username, setUsername] = useState(step ? step.username : (fields[0]?.defaultValue ?? ''));
  const message = send.errorName === 'UserNotFoundException' ? t(NO_ACCOUNT[loginMechanism]) : send.message;
  const submit = async (typed = username) => {
    const refusal = usernameFormError(loginMechanism, typed);
    if (refusal) return send.refuse(refusal);
    if ((await send.submit({ username: typed.trim() })) !== undefined) onCodeSent?.();
  };
  useFormHandle({
    submit: (data) => {
      const typed = data?.['username'] ?? username;
      setUsername(typed);
      void submit(typed);
    },
    update: (name, value) => (name === 'username' ? setUsername(value ?? '') : undefined),
  });
  // Sent once per step, even when StrictMode runs the effect twice; a failure leaves the form to retry.
  const sentFor = useRef<string | null>(null);
  const stepUsername = step?.username ?? null;
  const { submit: sendCode } = send;
  useEffect(() => {
    if (stepUsername === null || sentFor.current === stepUsername) return;
    sentFor.current = stepUsername;
    void sendCode({ username: stepUsername }).then((result) => {
      if (result !== undefined) onCodeSent?.();
    });
  }, [stepUsername, sendCode, onCodeSent]);
  return (
    <ScreenForm
      screen="forgotPassword"
      className={className}
      heading={t('forgotPassword.heading')}
      error={message}
      errorId={send.alertId}
      onSubmit={() => void submit()}
      footer={<BackToSignIn {...(onBack ? { onClick: onBack } : {})} />}
    >
      {step ? (
        <p className="crk-text" role="status">
          {t(send.message === null ? 'forgotPassword.resetRequired' : 'forgotPassword.resetRequiredRetry')}
        </p>
      ) : null}
      <FieldList
        fields={fields}
        values={{ username }}
        onChange={(_name, value) => setUsername(value)}
        fieldProps={(name) => (name === 'username' ? send.invalidProps('username') : {})}
      />
      <SubmitButton label={t('forgotPassword.submit')} pendingLabel={t('forgotPassword.pending')} pending={send.pending} />
    </ScreenForm>
  );
}
