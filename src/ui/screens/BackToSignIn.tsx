'use client';
import { useAuthEngine } from '../../react/context';
import { useTranslate } from '../i18n/TranslationProvider';
import { LinkButton } from '../primitives/LinkButton';

export interface BackToSignInProps {
  /** For screens before any engine call (the UI's own route). Default: end the engine's pending step. */
  onClick?: () => void;
}

/**
 * "Back to Sign In". On a step screen the engine holds the unfinished sign-in, so going back means
 * dropping it (`cancelSignIn()`, no request); the screen follows the engine's step.
 */
export function BackToSignIn({ onClick }: BackToSignInProps) {
  const { t } = useTranslate();
  const auth = useAuthEngine();
  const back = onClick ?? (() => void auth.cancelSignIn());
  return <LinkButton onClick={back}>{t('nav.backToSignIn')}</LinkButton>;
}
