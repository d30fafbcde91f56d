import type { AuthError } from './errors';

/** Where Cognito sent a code. */
export interface CodeDeliveryDetails {
  destination?: string;
  deliveryMedium?: 'EMAIL' | 'SMS' | 'PHONE' | string;
  attributeName?: string;
}

export type MfaType = 'SMS' | 'TOTP' | 'EMAIL';

/**
 * A first factor of choice-based sign-in (`USER_AUTH`): a password (sent as is, or proven by SRP), a
 * code sent by email or SMS, or a passkey.
 */
export type AuthFactorType = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** Nothing left to do: signed in. */
export interface DoneStep {
  signInStep: 'DONE';
}

/** Who a pending step is for: the name the user typed, so a screen can show or reuse it. */
interface StepFor {
  username: string;
}

/** Type the code Cognito sent by SMS (or email, per `codeDeliveryDetails.deliveryMedium`). */
export interface SmsCodeStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE';
  codeDeliveryDetails: CodeDeliveryDetails;
  /** The code is the way to sign in (USER_AUTH), not an MFA: `resendSignInCode()` sends a new one. */
  firstFactor?: true;
}

/** Type the code Cognito sent by email (a first factor, the MFA, or the proof of an email being set up). */
export interface EmailCodeStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE';
  codeDeliveryDetails: CodeDeliveryDetails;
  /** The code is the way to sign in (USER_AUTH), not an MFA: `resendSignInCode()` sends a new one. */
  firstFactor?: true;
}

/** Choose how to sign in (USER_AUTH): answer with one of `availableChallenges`. */
export interface FirstFactorSelectionStep extends StepFor {
  signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION';
  availableChallenges: AuthFactorType[];
}

/** Type the password, after choosing it as the way to sign in. */
export interface PasswordStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD';
}

/** Choose the MFA method to set up now: answer `EMAIL` or `TOTP`. */
export interface MfaSetupSelectionStep extends StepFor {
  signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION';
  allowedMFATypes: ('EMAIL' | 'TOTP')[];
}

/** Give the email address MFA codes should go to; a code is sent there to prove it. */
export interface EmailSetupStep extends StepFor {
  signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP';
}

/** Type the code the authenticator app shows. */
export interface TotpCodeStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE';
}

/** Choose the MFA method for this sign-in. */
export interface MfaSelectionStep extends StepFor {
  signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION';
  allowedMFATypes: MfaType[];
}

/** Add the secret to an authenticator app, then type its first code. */
export interface TotpSetupStep extends StepFor {
  signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP';
  totpSetupDetails: { sharedSecret: string };
}

/** Choose a new password, with the attributes the pool still requires. */
export interface NewPasswordStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED';
  /** Attributes the pool requires before a new password is accepted (may be empty). */
  missingAttributes: string[];
}

/** Answer a custom challenge (a Lambda-defined auth flow). */
export interface CustomChallengeStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE';
  /** Public parameters of the challenge. */
  additionalInfo: Record<string, string>;
}

/** Confirm the account with the code sent at sign-up. Absent details: the code went out earlier. */
export interface ConfirmSignUpStep extends StepFor {
  signInStep: 'CONFIRM_SIGN_UP';
  codeDeliveryDetails?: CodeDeliveryDetails;
}

/** The pool requires a password reset before this user can sign in. */
export interface ResetPasswordStep extends StepFor {
  signInStep: 'RESET_PASSWORD';
}

/** Type the reset code and a new password. Absent details: Cognito did not say where it went. */
export interface ConfirmResetPasswordStep extends StepFor {
  signInStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE';
  codeDeliveryDetails?: CodeDeliveryDetails;
}

/**
 * What the user must do next. Plain and serialisable: a UI renders its screen from this alone.
 * Narrow on `signInStep` and the step's fields are there, typed.
 */
export type AuthNextStep =
  | DoneStep
  | SmsCodeStep
  | EmailCodeStep
  | TotpCodeStep
  | FirstFactorSelectionStep
  | PasswordStep
  | MfaSelectionStep
  | MfaSetupSelectionStep
  | TotpSetupStep
  | EmailSetupStep
  | NewPasswordStep
  | CustomChallengeStep
  | ConfirmSignUpStep
  | ResetPasswordStep
  | ConfirmResetPasswordStep;

export type SignInStep = AuthNextStep['signInStep'];

/** The step type for one `signInStep`: `NextStepOf<'CONFIRM_SIGN_IN_WITH_SMS_CODE'>`. */
export type NextStepOf<S extends SignInStep> = Extract<AuthNextStep, { signInStep: S }>;

/** A step that waits for the user (everything but DONE). */
export type PendingStep = Exclude<AuthNextStep, DoneStep>;

/** What a sign-in call resolved to: signed in, or the step to show next. */
export type SignInResult = { isSignedIn: true; nextStep: DoneStep } | { isSignedIn: false; nextStep: PendingStep };

export type SignUpStep = 'CONFIRM_SIGN_UP' | 'DONE' | 'COMPLETE_AUTO_SIGN_IN';

/** Amplify v5's casing of the same details (`Destination`, …), kept where v5 returned them. */
export interface V5CodeDeliveryDetails {
  Destination?: string;
  DeliveryMedium?: string;
  AttributeName?: string;
}

export interface SignUpResult {
  user: { username: string };
  userConfirmed: boolean;
  userSub: string;
  /** v6's names for `userConfirmed` and `userSub`. */
  isSignUpComplete: boolean;
  userId: string;
  /** Both casings: v6's `destination` and v5's `Destination`, so code written for either reads it. */
  codeDeliveryDetails?: CodeDeliveryDetails & V5CodeDeliveryDetails;
  nextStep: { signUpStep: SignUpStep; codeDeliveryDetails?: CodeDeliveryDetails };
}

/** The signed-in user, plain and serialisable. */
export interface AuthUser {
  /** Cognito's internal username (the `sub` when the pool signs in by email or phone). */
  username: string;
  /** The `sub`: stable, unique, never reassigned. */
  userId: string;
  attributes: Record<string, string>;
}

export type AuthState =
  | { status: 'loading'; user: null; nextStep: null; error: null }
  | { status: 'signedOut'; user: null; nextStep: AuthNextStep | null; error: AuthError | null }
  | { status: 'signedIn'; user: AuthUser; nextStep: DoneStep; error: AuthError | null };

export type AuthStatus = AuthState['status'];

/** `{ Name, Value }` as Cognito (and Amplify v5's CognitoUserAttribute) shape attributes. */
export interface UserAttribute {
  Name: string;
  Value: string;
}

/** v5's answer to `getPreferredMFA`, plus `EMAIL_OTP` for pools with email MFA. */
export type PreferredMfa = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'NOMFA';

export interface DeviceInfo {
  id: string;
  name: string;
  remembered?: boolean;
  createdAt?: Date;
  lastAuthenticatedAt?: Date;
}

/** What `resendSignUp` and `verifyCurrentUserAttribute` resolve to: where the code went, in both casings. */
export interface CodeDeliveryResult {
  /** Amplify v5's casing. */
  CodeDeliveryDetails: V5CodeDeliveryDetails | undefined;
  codeDeliveryDetails: CodeDeliveryDetails | undefined;
}

/** What `forgotPassword` resolves to. */
export interface ForgotPasswordResult extends CodeDeliveryResult {
  nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE'; codeDeliveryDetails: CodeDeliveryDetails | undefined };
}

/** Per attribute: whether it changed now, or waits for a code (a changed email or phone number). */
export type UpdateAttributesResult = Record<string, { isUpdated: boolean; codeDeliveryDetails?: CodeDeliveryDetails }>;

/** What `currentUserInfo` resolves to (Amplify v5's shape). */
export interface CurrentUserInfo {
  username: string;
  userId: string;
  attributes: Record<string, string>;
  id?: string;
}
