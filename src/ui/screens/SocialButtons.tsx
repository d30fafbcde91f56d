'use client';
import { lazy, Suspense } from 'react';
import type { HostedUiProvider, PopupOptions, SocialProvider } from '../../core/index';
import type { MessageKey } from '../i18n/en';
import { useTranslate } from '../i18n/TranslationProvider';
import { loadStepScreens } from '../stepScreensLoader';
import type { ScreenAction } from '../useScreenAction';

/** Social providers the Authenticator offers, as apps name them (the engine's PoolSettings names). */
export type { SocialProvider } from '../../core/index';

/** The hosted UI's `identity_provider` for each, and its brand name (never translated). */
const PROVIDERS: Record<SocialProvider, { provider: HostedUiProvider; brand: string }> = {
  google: { provider: 'Google', brand: 'Google' },
  facebook: { provider: 'Facebook', brand: 'Facebook' },
  amazon: { provider: 'LoginWithAmazon', brand: 'Amazon' },
  apple: { provider: 'SignInWithApple', brand: 'Apple' },
};

// Loaded when a button first shows; a same-sized placeholder keeps the text still meanwhile.
const SocialLogo = /* @__PURE__ */ lazy(() => import('./SocialLogo').then(({ SocialLogo }) => ({ default: SocialLogo })));

export interface SocialButtonsProps {
  providers: readonly SocialProvider[];
  /** The screen's `federatedSignIn` action, so its failure shows in the screen's alert. */
  action: ScreenAction<'federatedSignIn'>;
  /** The buttons' text, with `{provider}`: "Sign In with …" or, on Create Account, "Sign Up with …". Default: `signIn.withProvider`. */
  label?: MessageKey;
  /** Sign in in a popup window (the page stays, the Authenticator shows the user signed in), with its options. Default: false (the page leaves for the hosted UI). */
  popup?: boolean | PopupOptions;
}

/** One "Sign In with <brand>" button per provider, each with its logo, then an "or" divider before the form. */
export function SocialButtons({ providers, action, label = 'signIn.withProvider', popup = false }: SocialButtonsProps) {
  const { t } = useTranslate();
  if (providers.length === 0) return null;
  return (
    <div className="crk-social">
      {providers.map((name) => (
        <button
          key={name}
          type="button"
          className="crk-button crk-social__button"
          data-provider={name}
          disabled={action.pending}
          // Called in the click's task: a popup opens only there. The popup's error strings come with the
          // step screens' chunk (the Authenticator fetches it as it mounts; a lone <SignIn> here).
          onClick={() => {
            if (popup) loadStepScreens().catch(() => undefined);
            void action.submit({ provider: PROVIDERS[name].provider, ...(popup ? { popup } : {}) });
          }}
        >
          <Suspense fallback={<span className="crk-social__logo" />}>
            <SocialLogo provider={name} />
          </Suspense>
          {t(label, { provider: PROVIDERS[name].brand })}
        </button>
      ))}
      <p className="crk-social__divider">{t('social.or')}</p>
    </div>
  );
}
