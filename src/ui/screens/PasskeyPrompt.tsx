'use client';
import { useId, useRef, useState } from 'react';
import type { AuthError } from '../../core/index';
import { useAuthEngine } from '../../react/context';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';

export interface PasskeyPromptProps {
  className?: string;
  /** Go on to the app: after the passkey was created, or without one. */
  onContinue: () => void;
}

/** After sign-in: create a passkey on this device (the platform's prompt), or continue without. */
export function PasskeyPrompt({ className, onContinue }: PasskeyPromptProps) {
  const { t, tError } = useFullTranslate();
  // The engine itself, not useScreenAction: this call resolves nothing, so only its settling tells success from failure.
  const auth = useAuthEngine();
  const [create, setCreate] = useState<{ isPending: boolean; error: AuthError | null }>({ isPending: false, error: null });
  const running = useRef(false);
  const alertId = useId();
  const [created, setCreated] = useState(false);
  const submit = () => {
    // One platform prompt at a time, even before React re-renders the disabled button.
    if (running.current) return;
    running.current = true;
    setCreate({ isPending: true, error: null });
    void auth.associateWebAuthnCredential().then(
      () => setCreated(true),
      (error: AuthError) => setCreate({ isPending: false, error }), // shown in the alert
    ).finally(() => {
      running.current = false;
    });
  };
  if (created) {
    return (
      <ScreenForm screen="passkeyPrompt" className={className} heading={t('passkeyPrompt.createdHeading')} onSubmit={onContinue}>
        <p className="crk-text">{t('passkeyPrompt.createdDescription')}</p>
        <SubmitButton label={t('passkeyPrompt.continue')} pendingLabel={t('passkeyPrompt.continue')} />
      </ScreenForm>
    );
  }
  return (
    <ScreenForm screen="passkeyPrompt" className={className} heading={t('passkeyPrompt.heading')} error={create.error ? tError(create.error.name) : null} errorId={alertId} onSubmit={submit}>
      <p className="crk-text">{t('passkeyPrompt.description')}</p>
      <SubmitButton label={t('passkeyPrompt.submit')} pendingLabel={t('passkeyPrompt.pending')} pending={create.isPending} />
      <button type="button" className="crk-button" onClick={onContinue}>
        {t('passkeyPrompt.skip')}
      </button>
    </ScreenForm>
  );
}
