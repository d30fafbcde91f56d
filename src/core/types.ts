import type { AuthError } from './errors';

/** Where Cognito sent a code. */
export interface CodeDeliveryDetails {
  destination?: string;
  deliveryMedium?: 'EMAIL' | 'SMS' | 'PHONE' | string;
  attributeName?: string;
}

export type MfaType = 'SMS' | 'TOTP';

export type SignInStep =
  | 'DONE'
  | 'CONFIRM_SIGN_IN_WITH_SMS_CODE'
  | 'CONFIRM_SIGN_IN_WITH_TOTP_CODE'
  | 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION'
  | 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'
  | 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED'
  | 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE'
  | 'CONFIRM_SIGN_UP'
  | 'RESET_PASSWORD'
  | 'CONFIRM_RESET_PASSWORD_WITH_CODE';

/**
 * What the user must do next. Plain and serialisable: a UI renders its screen from this alone.
 * Only the fields that apply to `signInStep` are present.
 */
export interface AuthNextStep {
  signInStep: SignInStep;
  /** Who the step is for (the name the user typed), so a screen can show or reuse it. */
  username?: string;
  codeDeliveryDetails?: CodeDeliveryDetails;
  allowedMFATypes?: MfaType[];
  totpSetupDetails?: { sharedSecret: string };
  /** Attributes the pool requires before a new password is accepted (NEW_PASSWORD_REQUIRED). */
  missingAttributes?: string[];
  /** Public parameters of a custom challenge. */
  additionalInfo?: Record<string, string>;
}

export interface SignInResult {
  isSignedIn: boolean;
  nextStep: AuthNextStep;
}

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

export interface DoneStep extends AuthNextStep {
  signInStep: 'DONE';
}

export type AuthStatus = AuthState['status'];

/** `{ Name, Value }` as Cognito (and Amplify v5's CognitoUserAttribute) shape attributes. */
export interface UserAttribute {
  Name: string;
  Value: string;
}

export type PreferredMfa = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'NOMFA';

export interface DeviceInfo {
  id: string;
  name: string;
  remembered?: boolean;
  createdAt?: Date;
  lastAuthenticatedAt?: Date;
}
