'use client';
import type { ReactNode } from 'react';
import type { AuthUser } from '../../core/index';
import { useAuth } from '../../react/useAuth';
import { useTranslate } from '../i18n/TranslationProvider';

export interface SignedInSlot {
  user: AuthUser;
  /** Signs out here (not on other devices). */
  signOut: () => Promise<void>;
}

export interface SignedInProps {
  /** The app, or a render function given the user and `signOut`. Default: who is signed in + "Sign out". */
  children?: ReactNode | ((slot: SignedInSlot) => ReactNode);
}

/** What the Authenticator shows once signed in. */
export function SignedIn({ children }: SignedInProps) {
  const { t } = useTranslate();
  const user = useAuth((s) => s.user);
  const engineSignOut = useAuth((s) => s.signOut);
  if (!user) return null;
  const signOut = () => engineSignOut();
  if (typeof children === 'function') return <>{children({ user, signOut })}</>;
  if (children !== undefined) return <>{children}</>;
  return (
    <div className="crk-authenticator" data-screen="signedIn">
      <div className="crk-authenticator__card crk-signed-in">
        <p className="crk-text">{t('signedIn.greeting', { username: user.attributes['email'] ?? user.username })}</p>
        <button type="button" className="crk-button crk-button--primary" onClick={() => void signOut().catch(() => undefined)}>
          {t('signedIn.signOut')}
        </button>
      </div>
    </div>
  );
}
