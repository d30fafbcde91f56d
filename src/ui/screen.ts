import type { AuthNextStep, AuthStatus } from '../core/index';

/** Screens that exist before any engine call: the UI's own route, nothing the engine knows. */
export type AuthRoute = 'signIn' | 'signUp' | 'forgotPassword';

export type ScreenName =
  | 'loading'
  | 'signedIn'
  | AuthRoute
  | 'confirmSignUp'
  | 'selectFirstFactor'
  | 'confirmSignInWithPassword'
  /** The code of a sign-in step: SMS, email or TOTP. */
  | 'confirmSignIn'
  | 'selectMfaType'
  | 'selectMfaSetup'
  | 'setupTotp'
  | 'setupEmail'
  | 'forceNewPassword'
  | 'customChallenge'
  | 'confirmResetPassword'
  /** After sign-in through the UI, while the user has an unverified email/phone (skippable). */
  | 'verifyUser'
  | 'confirmVerifyUser'
  /** After sign-in through the UI, with `passwordless.passkeyRegistrationPrompts` on, for a user with no passkey (skippable). */
  | 'passkeyPrompt';

/** The screen for an engine state: its status and `nextStep.signInStep`; the route only when there is no step. */
export function screenFor(status: AuthStatus, nextStep: AuthNextStep | null, route: AuthRoute): ScreenName {
  if (status === 'loading') return 'loading';
  if (status === 'signedIn') return 'signedIn';
  switch (nextStep?.signInStep) {
    case 'CONFIRM_SIGN_UP':
      return 'confirmSignUp';
    case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION':
      return 'selectFirstFactor';
    case 'CONFIRM_SIGN_IN_WITH_PASSWORD':
      return 'confirmSignInWithPassword';
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
    case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
      return 'confirmSignIn';
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      return 'selectMfaType';
    case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
      return 'selectMfaSetup';
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
      return 'setupTotp';
    case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
      return 'setupEmail';
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      return 'forceNewPassword';
    case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
      return 'customChallenge';
    case 'RESET_PASSWORD':
      return 'forgotPassword';
    case 'CONFIRM_RESET_PASSWORD_WITH_CODE':
      return 'confirmResetPassword';
    default:
      return route;
  }
}

/**
 * Whether showing `next` after `previous` moves focus to its heading: yes on every step change,
 * except the first screen after loading (the page just opened) and switching the Sign In / Create
 * Account tabs (focus stays on the tab, as the tabs pattern expects).
 */
export function movesFocus(previous: ScreenName, next: ScreenName): boolean {
  // The passkey prompt's "loading" is its lookup after a sign-in, not the page opening.
  if (previous === next || (previous === 'loading' && next !== 'passkeyPrompt')) return false;
  const tabs: ScreenName[] = ['signIn', 'signUp'];
  return !(tabs.includes(previous) && tabs.includes(next));
}
