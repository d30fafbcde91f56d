'use client';
import type { HostedUiProvider, SocialProvider } from '../../core/index';
import { useTranslate } from '../i18n/TranslationProvider';
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

export interface SocialButtonsProps {
  providers: readonly SocialProvider[];
  /** The screen's `federatedSignIn` action, so its failure shows in the screen's alert. */
  action: ScreenAction<'federatedSignIn'>;
}

/** One "Sign In with <brand>" button per provider; each goes to the hosted UI straight to that provider. */
export function SocialButtons({ providers, action }: SocialButtonsProps) {
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
          onClick={() => void action.submit({ provider: PROVIDERS[name].provider })}
        >
          {t('signIn.withProvider', { provider: PROVIDERS[name].brand })}
        </button>
      ))}
    </div>
  );
}
