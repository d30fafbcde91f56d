'use client';
import { useState, type ReactNode } from 'react';
import { useAuth } from '../react/index';
import { TranslationProvider, useTranslate } from './i18n/TranslationProvider';
import type { Translations } from './i18n/translate';
import { joinClasses } from './primitives/Field';
import { FocusOnMountContext } from './primitives/ScreenHeading';
import { movesFocus, screenFor, type AuthRoute, type ScreenName } from './screen';
import { ConfirmResetPassword } from './screens/ConfirmResetPassword';
import { ConfirmSignIn } from './screens/ConfirmSignIn';
import { ConfirmSignUp } from './screens/ConfirmSignUp';
import { CustomChallenge } from './screens/CustomChallenge';
import { ForceNewPassword } from './screens/ForceNewPassword';
import { ForgotPassword } from './screens/ForgotPassword';
import { SelectMfaType } from './screens/SelectMfaType';
import { SetupTotp } from './screens/SetupTotp';
import { SignedIn, type SignedInProps } from './screens/SignedIn';
import { SignIn } from './screens/SignIn';
import { SignUp } from './screens/SignUp';
import { SignInTabs } from './SignInTabs';

export interface AuthenticatorProps {
  /** Shown when signed in: the app, or `({ user, signOut }) => …`. Default: who is signed in + "Sign out". */
  children?: SignedInProps['children'];
  /** The first screen when no sign-in step is pending. Default: `signIn`. */
  initialState?: AuthRoute;
  /** Hide the "Create Account" tab. Default: false. */
  hideSignUp?: boolean;
  /** Extra class on the root (`crk-authenticator`). */
  className?: string;
  /** `modal` centres the card over a backdrop. Default: `default`. */
  variation?: 'default' | 'modal';
  /** `light`/`dark` force a theme; `system` follows the OS. Default: `system`. */
  colorMode?: 'light' | 'dark' | 'system';
  /** Language of the texts. Default: the surrounding TranslationProvider's, else `en`. */
  language?: string;
  /** Overrides for any string in any language. Default: none. */
  translations?: Translations;
  /** Issuer shown in authenticator apps when setting up TOTP. Default: `AWSCognito`. */
  totpIssuer?: string;
}

/**
 * Sign-in, sign-up and every follow-up step, as one component. The screen comes from the engine's
 * state alone (`status` + `nextStep.signInStep`); the only UI state is which pre-engine screen
 * (sign in, create account, forgot password) is open.
 */
export function Authenticator({ language, translations, ...props }: AuthenticatorProps) {
  if (language === undefined && translations === undefined) return <AuthenticatorScreens {...props} />;
  return (
    <TranslationProvider {...(language === undefined ? {} : { language })} {...(translations === undefined ? {} : { translations })}>
      <AuthenticatorScreens {...props} />
    </TranslationProvider>
  );
}

function AuthenticatorScreens({ children, initialState = 'signIn', hideSignUp = false, className, variation = 'default', colorMode = 'system', totpIssuer }: Omit<AuthenticatorProps, 'language' | 'translations'>) {
  const { t } = useTranslate();
  const status = useAuth((s) => s.status);
  const nextStep = useAuth((s) => s.nextStep);
  const [route, setRoute] = useState<AuthRoute>(hideSignUp && initialState === 'signUp' ? 'signIn' : initialState);
  const screen = screenFor(status, nextStep, route);
  // Derived from the previous render (React's "adjust state on change" pattern), not an effect,
  // so the new screen mounts already knowing whether to take focus.
  const [shown, setShown] = useState<{ screen: ScreenName; focus: boolean }>({ screen, focus: false });
  if (shown.screen !== screen) setShown({ screen, focus: movesFocus(shown.screen, screen) });

  if (screen === 'signedIn') return <SignedIn>{children}</SignedIn>;

  const body =
    screen === 'loading' ? (
      <p className="crk-text" role="status">
        {t('authenticator.loading')}
      </p>
    ) : (
      renderScreen(screen, { setRoute, totpIssuer, fromRoute: nextStep === null || nextStep.signInStep === 'DONE' })
    );
  const tabbed = (screen === 'signIn' || screen === 'signUp') && !hideSignUp;

  return (
    <div
      className={joinClasses('crk-authenticator', className)}
      data-variation={variation}
      data-screen={screen}
      {...(colorMode === 'system' ? {} : { 'data-theme': colorMode })}
    >
      <div className="crk-authenticator__card">
        <FocusOnMountContext.Provider value={shown.screen === screen && shown.focus}>
          {tabbed ? (
            <SignInTabs selected={screen} onSelect={setRoute}>
              {body}
            </SignInTabs>
          ) : (
            body
          )}
        </FocusOnMountContext.Provider>
      </div>
    </div>
  );
}

interface ScreenOptions {
  setRoute: (route: AuthRoute) => void;
  totpIssuer: string | undefined;
  /** The screen is the UI's route (no engine step pending), so "back" is a route change too. */
  fromRoute: boolean;
}

function renderScreen(screen: Exclude<ScreenName, 'loading' | 'signedIn'>, { setRoute, totpIssuer, fromRoute }: ScreenOptions): ReactNode {
  const toSignIn = () => setRoute('signIn');
  switch (screen) {
    case 'signIn':
      return <SignIn key={screen} onForgotPassword={() => setRoute('forgotPassword')} />;
    case 'signUp':
      // Once Cognito has the account, the engine's step leads; when it ends, sign in comes next.
      return <SignUp key={screen} onSignedUp={toSignIn} />;
    case 'forgotPassword':
      return <ForgotPassword key={screen} onCodeSent={toSignIn} {...(fromRoute ? { onBack: toSignIn } : {})} />;
    case 'confirmSignUp':
      return <ConfirmSignUp key={screen} />;
    case 'confirmSignIn':
      return <ConfirmSignIn key={screen} />;
    case 'selectMfaType':
      return <SelectMfaType key={screen} />;
    case 'setupTotp':
      return <SetupTotp key={screen} {...(totpIssuer === undefined ? {} : { issuer: totpIssuer })} />;
    case 'forceNewPassword':
      return <ForceNewPassword key={screen} />;
    case 'customChallenge':
      return <CustomChallenge key={screen} />;
    case 'confirmResetPassword':
      return <ConfirmResetPassword key={screen} />;
  }
}
