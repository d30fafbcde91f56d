'use client';
import { Suspense, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ComponentType } from 'react';
import type { CodeDeliveryDetails, PopupOptions } from '../core/index';
import { useAuth } from '../react/useAuth';
import { useAuthEngine } from '../react/context';
import { AppAuthBoundary } from '../react/AppAuthBoundary';
import { htmlLang, textDirection } from './i18n/languages';
import { TranslationProvider, useInheritedTranslations, useTranslate } from './i18n/TranslationProvider';
import type { Translations } from './i18n/translate';
import { joinClasses } from './primitives/Field';
import type { FormFields, LoginMechanism } from './primitives/formFields';
import type { PasswordPolicy } from './primitives/passwordPolicy';
import { poolDefaults } from './poolDefaults';
import { FocusOnMountContext, HeadingHiddenContext, HeadingIdContext } from './primitives/ScreenHeading';
import { useFocusTrap } from './primitives/useFocusTrap';
import { movesFocus, screenFor, type AuthRoute, type ScreenName } from './screen';
import { SignedIn, type SignedInProps } from './screens/SignedIn';
import type { SocialProvider } from './screens/SocialButtons';
import { CustomFormFieldsContext, DefaultFormFields } from './screens/DefaultFormFields';
import { unverifiedContacts, type ContactAttribute } from './contacts';
import { SignInTabs } from './SignInTabs';
import { renderScreen, StepScreen, withDefaults, type SlotScreen } from './renderScreen';
import { loadStepScreens } from './stepScreensLoader';
import { afterPaint } from '../react/afterPaint';
import { signInPlan, type PasswordlessOptions, type SignInWays } from './passwordless';
import { usePasskeyPrompt } from './usePasskeyPrompt';
import { AuthenticatorProvider, RouteProvider, useRouteStore } from './AuthenticatorProvider';
import type { AuthenticatorServices } from './services';
import { ServicesContext } from './servicesContext';
import { useServiceUser } from './useServiceUser';


/** Components rendered above and below one screen's form. */
export interface ScreenSlots {
  Header?: ComponentType;
  Footer?: ComponentType;
}

/** A screen's slots plus `FormFields`, which replaces its field list (render `<Authenticator.SignUp.FormFields />` inside for the defaults). */
export interface FormFieldsSlots extends ScreenSlots {
  FormFields?: ComponentType;
}

/** `Header` / `Footer` around the card, and per screen (`SignIn`, `SignUp`, `ForgotPassword`, …) around its form; `FormFields` on SignUp and ForceNewPassword. */
export type AuthenticatorComponents = ScreenSlots & { [S in SlotScreen as Capitalize<S>]?: S extends 'signUp' | 'forceNewPassword' ? FormFieldsSlots : ScreenSlots };

export interface AuthenticatorProps {
  /** Shown when signed in: the app, or `({ user, signOut }) => …`. Default: who is signed in + "Sign out". */
  children?: SignedInProps['children'];
  /** The first screen when no sign-in step is pending. Default: `signIn`. */
  initialState?: AuthRoute;
  /** Hide the "Create Account" tab. Default: false. */
  hideSignUp?: boolean;
  /** Extra class on the root (`crk-authenticator`). */
  className?: string;
  /** `modal` centres the card over a backdrop as a modal dialog (named by the screen's title, focus kept inside). Default: `default`. */
  variation?: 'default' | 'modal';
  /** `light`/`dark` force a theme; `system` follows the OS (`prefers-color-scheme`). Default: `light` (as Amplify UI's), so a light app never gets a dark card. */
  colorMode?: 'light' | 'dark' | 'system';
  /** Language of the texts; a built-in one not loaded yet is fetched first (see `loadLanguage`). Default: the surrounding TranslationProvider's, else `en`. */
  language?: string;
  /** Overrides for any string in any language. Default: the surrounding TranslationProvider's, else none. */
  translations?: Translations;
  /** Issuer shown in authenticator apps when setting up TOTP. Default: `AWSCognito`. */
  totpIssuer?: string;
  /** What users sign in with (the first entry is used): match the pool's username attributes. Default: the config's `poolSettings`, else `['username']`. */
  loginMechanisms?: readonly LoginMechanism[];
  /** "Sign In with …" buttons on the sign-in screen, through the hosted UI (needs `oauth` config). Default: the config's `poolSettings` (with `oauth`), else none. */
  socialProviders?: readonly SocialProvider[];
  /** The social buttons sign in in a popup window (the page stays), with its options (`timeoutMs`, `windowFeatures`). Default: false (the page leaves for the hosted UI). */
  socialPopup?: boolean | PopupOptions;
  /**
   * Attributes asked for on sign-up (`email`, `phone_number`, `name`, …). Default: the config's
   * `poolSettings` (required and verified attributes), else none (as Amplify UI).
   */
  signUpAttributes?: readonly string[];
  /**
   * Per screen, per field: Amplify UI's options (label, placeholder, order, isRequired, …). A name
   * the screen lacks is ignored with a development warning, except user attributes (`custom:…`)
   * on signUp and forceNewPassword, which add a field. Default: none.
   */
  formFields?: FormFields;
  /**
   * The pool's password policy: its rules are listed under every new-password field, marked as the
   * user types, and checked before anything is sent. Unset parts keep Cognito's default. Default:
   * the config's `poolSettings`, else 8 characters with lowercase, uppercase, numbers and symbols.
   */
  passwordPolicy?: PasswordPolicy;
  /** Components around the card and around each screen. Default: none. */
  components?: AuthenticatorComponents;
  /**
   * Passwordless sign-in, as Amplify UI's prop: `preferredAuthMethod` (the sign-in form's main way),
   * `hiddenAuthMethods` (ways never offered), `passkeyRegistrationPrompts` (offer a passkey after
   * sign-in or sign-up). Default: sign in with a password; choices as the config's flow allows; no prompt.
   */
  passwordless?: PasswordlessOptions;
  /**
   * Amplify UI's `services`: replace the calls the Authenticator makes (`handleSignIn`, `handleSignUp`,
   * `handleConfirmSignIn`, `handleConfirmSignUp`, `handleForgotPassword`, `handleForgotPasswordSubmit`,
   * `getCurrentUser`) or add checks to the create-account form (`validateCustomSignUp`). Default: the engine's calls.
   */
  services?: Partial<AuthenticatorServices>;
}

/**
 * Sign-in, sign-up and every follow-up step, as one component. The screen comes from the engine's
 * state alone (`status` + `nextStep.signInStep`); the only UI state is which pre-engine screen
 * (sign in, create account, forgot password) is open, and the skippable contact verification and passkey offer.
 */
function AuthenticatorRoot({ language, translations, services, ...props }: AuthenticatorProps) {
  const inherited = useInheritedTranslations();
  // Read when a call is made, so an inline `services` object re-created each render changes nothing.
  const latestServices = useRef(services);
  useEffect(() => {
    latestServices.current = services;
  });
  // Always this one tree, whether or not `language` is set: setting or clearing it must not remount
  // the form (what the user typed stays), and a language arriving on demand keeps the previous one meanwhile.
  return (
    <AppAuthBoundary>
      <TranslationProvider language={language ?? inherited.language} translations={translations ?? inherited.translations}>
        <ServicesContext.Provider value={latestServices}>
          <AuthenticatorScreens {...props} />
        </ServicesContext.Provider>
      </TranslationProvider>
    </AppAuthBoundary>
  );
}

/**
 * Sign-in, sign-up and every follow-up step, as one component; `Authenticator.Provider` is Amplify
 * UI's provider that lets `useAuthenticator` work outside it too. (Pure, so an app that never renders
 * it drops the whole UI from its bundle.)
 */
export const Authenticator = /* @__PURE__ */ Object.assign(AuthenticatorRoot, {
  Provider: AuthenticatorProvider,
  SignUp: { FormFields: DefaultFormFields },
  ForceNewPassword: { FormFields: DefaultFormFields },
});

interface VerifyState {
  /** The engine's screen this state was computed for. */
  base: ScreenName;
  /** Signed in through this Authenticator (not restored at load), and not skipped yet. */
  offered: boolean;
  sent: { attribute: ContactAttribute; details: CodeDeliveryDetails | undefined } | null;
}

function AuthenticatorScreens({ children, initialState = 'signIn', hideSignUp = false, className, variation = 'default', colorMode = 'light', components = {}, passwordless, ...options }: Omit<AuthenticatorProps, 'language' | 'translations' | 'services'>) {
  const { t, language } = useTranslate();
  const status = useAuth((s) => s.status);
  const nextStep = useAuth((s) => s.nextStep);
  const user = useAuth((s) => s.user);
  // The route lives in a store `useAuthenticator` reads and moves too (shared under <Authenticator.Provider>).
  const routes = useRouteStore();
  routes.init(hideSignUp && initialState === 'signUp' ? 'signIn' : initialState);
  const route = useSyncExternalStore(routes.subscribe, routes.get, routes.get) ?? initialState;
  const setRoute = routes.set;
  const base = screenFor(status, nextStep, route);
  // Who the last step was for: when Cognito ends it, sign-in opens with that username typed again.
  const [stepUser, setStepUser] = useState('');
  if (nextStep && 'username' in nextStep && nextStep.username !== stepUser) setStepUser(nextStep.username);
  // A reset Cognito asked for at sign-in (RESET_PASSWORD): the code screen that follows says why.
  const [resetRequired, setResetRequired] = useState(false);
  const resetStep = nextStep?.signInStep;
  if (resetStep === 'RESET_PASSWORD' && !resetRequired) setResetRequired(true);
  if (resetRequired && resetStep !== 'RESET_PASSWORD' && resetStep !== 'CONFIRM_RESET_PASSWORD_WITH_CODE') setResetRequired(false);
  // A password reset just succeeded: the sign-in screen that follows says so (until it is left).
  const [passwordReset, setPasswordReset] = useState(false);
  const stepEnded = useAuth((s) => s.status === 'signedOut' && s.nextStep === null && s.error !== null);
  // Contact verification follows a sign-in made here, never a session restored when the page opens.
  const [verify, setVerify] = useState<VerifyState>({ base, offered: false, sent: null });
  if (verify.base !== base) setVerify({ base, offered: base === 'signedIn' && verify.base !== 'loading', sent: null });
  const contacts = verify.offered ? unverifiedContacts(user) : [];
  // Checked while the contact verification runs; shown after it (never instead of it).
  const passkey = usePasskeyPrompt(base, passwordless);
  const serviceUser = useServiceUser(status === 'signedIn' ? user : null, routes);
  const screen: ScreenName =
    base !== 'signedIn' ? base
    : contacts.length > 0 ? (verify.sent ? 'confirmVerifyUser' : 'verifyUser')
    : passkey.phase === 'checking' || serviceUser.pending ? 'loading'
    : passkey.phase === 'prompt' ? 'passkeyPrompt'
    : 'signedIn';
  // Derived from the previous render (React's "adjust state on change" pattern), not an effect,
  // so the new screen mounts already knowing whether to take focus.
  const [shown, setShown] = useState<{ screen: ScreenName; focus: boolean }>({ screen, focus: false });
  if (shown.screen !== screen) setShown({ screen, focus: movesFocus(shown.screen, screen) });
  const headingId = useId();
  const card = useRef<HTMLDivElement>(null);
  const modal = variation === 'modal' && screen !== 'signedIn';
  useFocusTrap(card, modal);
  const auth = useAuthEngine();
  // `configure()` without an argument reads the resolved config; it changes only when the app reconfigures.
  const config = auth.configure();
  const pool = useMemo(() => poolDefaults(config), [config]);
  const { preferredAuthMethod, hiddenAuthMethods } = passwordless ?? {};
  const ways: SignInWays = { ...(preferredAuthMethod ? { preferredAuthMethod } : {}), ...(hiddenAuthMethods ? { hiddenAuthMethods } : {}) };
  // Checked here, whichever screen shows: a contradiction is the app's bug, said at once.
  signInPlan(ways, config);
  useEffect(() => auth.listen('forgotPasswordSubmit', () => setPasswordReset(true)), [auth]);
  // `useAuthenticator()`'s route for the screens after sign-in, and its `skipVerification()`.
  const afterSignIn = screen === 'verifyUser' || screen === 'confirmVerifyUser' || screen === 'passkeyPrompt' ? screen : null;
  useEffect(() => {
    if (!afterSignIn) return undefined;
    const skip = afterSignIn === 'passkeyPrompt' ? null : () => setVerify((old) => ({ ...old, offered: false }));
    routes.patch({ afterSignIn, skipVerification: skip });
    return () => routes.patch({ afterSignIn: null, skipVerification: null });
  }, [routes, afterSignIn]);
  if (passwordReset && screen !== 'signIn' && screen !== 'confirmResetPassword') setPasswordReset(false);
  // SRP's random `a` and `A = g^a` do not depend on the password: compute them while the user types,
  // once the form is on screen (the chunk requests and the math would otherwise hold its first frame).
  useEffect(() => (screen === 'signIn' ? afterPaint(() => auth.prepareSignIn()) : undefined), [auth, screen]);
  // The screens after the first are in a chunk of their own: fetch it while the user reads the form.
  useEffect(
    () => afterPaint(() => void loadStepScreens().catch(() => undefined)), // a failure is retried when a step screen renders
    [],
  );

  if (screen === 'signedIn') {
    const given = serviceUser.user;
    return (
      <RouteProvider store={routes}>
        <SignedIn>{given && typeof children === 'function' ? (slot) => children({ ...slot, user: given }) : children}</SignedIn>
      </RouteProvider>
    );
  }

  const { Header, Footer } = components;
  const slots = screen === 'loading' ? {} : (components[capitalize(screen)] ?? {});
  const endVerify = () => setVerify((old) => ({ ...old, offered: false }));
  const { sent } = verify;
  const loading = (
    <p className="crk-text" role="status">
      {t('authenticator.loading')}
    </p>
  );
  const body =
    screen === 'loading' ? (
      loading
    ) : screen === 'verifyUser' && user ? (
      <StepScreen render={({ VerifyUser }) => <VerifyUser key={screen} user={user} contacts={contacts} onSkip={endVerify} onCodeSent={(attribute, details) => setVerify((old) => ({ ...old, sent: { attribute, details } }))} />} />
    ) : screen === 'passkeyPrompt' ? (
      <StepScreen render={({ PasskeyPrompt }) => <PasskeyPrompt key={screen} onContinue={passkey.end} />} />
    ) : screen === 'confirmVerifyUser' && sent ? (
      <StepScreen render={({ ConfirmVerifyUser }) => <ConfirmVerifyUser key={screen} formFields={options.formFields?.confirmVerifyUser} attribute={sent.attribute} codeDeliveryDetails={sent.details} onSkip={endVerify} onVerified={endVerify} />} />
    ) : (
      renderScreen(screen, {
        ...options,
        ...withDefaults(options, pool),
        setRoute,
        fromRoute: nextStep === null || nextStep.signInStep === 'DONE',
        retypedUsername: stepEnded ? stepUser : '',
        ways,
        resetRequired,
        passwordReset,
        ownSignInFooter: components.SignIn?.Footer !== undefined,
      })
    );
  const tabbed = (screen === 'signIn' || screen === 'signUp') && !hideSignUp;
  const framed = (
    <>
      {slots.Header ? <slots.Header /> : null}
      {/* The app's screen Header replaces the title on show, as Amplify UI's does; it is still read. */}
      <HeadingHiddenContext.Provider value={slots.Header !== undefined || tabbed}>
        <CustomFormFieldsContext.Provider value={(slots as FormFieldsSlots).FormFields}>
          {/* Until the step screens' chunk is there (it is fetched on mount, so rarely), the loading line. */}
          <Suspense fallback={loading}>{body}</Suspense>
        </CustomFormFieldsContext.Provider>
      </HeadingHiddenContext.Provider>
      {slots.Footer ? <slots.Footer /> : null}
    </>
  );

  return (
    <RouteProvider store={routes}>
      <div
        className={joinClasses('crk-authenticator', className)}
        lang={htmlLang(language)}
        dir={textDirection(language)}
        data-variation={variation}
        data-screen={screen}
        {...(colorMode === 'system' ? {} : { 'data-theme': colorMode })}
      >
        {Header ? <Header /> : null}
        <div
          ref={card}
          className="crk-authenticator__card"
          // The modal variation is a dialog named by the screen's title, holding focus until signed in.
          {...(modal
            ? {
                role: 'dialog',
                'aria-modal': true,
                tabIndex: -1,
                ...(screen === 'loading' ? { 'aria-label': t('authenticator.loading') } : { 'aria-labelledby': headingId }),
              }
            : {})}
        >
          <HeadingIdContext.Provider value={headingId}>
            <FocusOnMountContext.Provider value={shown.screen === screen && shown.focus}>
              {tabbed ? (
                <SignInTabs selected={screen} onSelect={setRoute}>
                  {framed}
                </SignInTabs>
              ) : (
                framed
              )}
            </FocusOnMountContext.Provider>
          </HeadingIdContext.Provider>
        </div>
        {Footer ? <Footer /> : null}
      </div>
    </RouteProvider>
  );
}

function capitalize<S extends string>(name: S): Capitalize<S> {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}` as Capitalize<S>;
}
