import type { Auth, AuthUser, ConfirmSignUpInput, ConfirmSignUpOutput, ForgotPasswordResult, SignInOptions, SignInResult, SignUpResult } from '../core/index';

/** Amplify v6's `signIn` input, as the sign-in form sends it. */
export interface SignInInput {
  username: string;
  password?: string;
  options?: SignInOptions;
}

/** Amplify v6's `signUp` input: attributes and auto sign-in under `options`. */
export interface SignUpInput {
  username: string;
  password?: string;
  options?: {
    userAttributes?: Record<string, string>;
    validationData?: Record<string, string>;
    clientMetadata?: Record<string, string>;
    autoSignIn?: boolean | { clientMetadata?: Record<string, string> };
  };
}

/** Amplify v6's `confirmSignIn` input. */
export interface ConfirmSignInInput {
  challengeResponse: string;
  options?: { userAttributes?: Record<string, string>; clientMetadata?: Record<string, string> };
}

/** Amplify v6's `resetPassword` input. */
export interface ResetPasswordInput {
  username: string;
  options?: { clientMetadata?: Record<string, string> };
}

/** Amplify v6's `confirmResetPassword` input. */
export interface ConfirmResetPasswordInput {
  username: string;
  newPassword: string;
  confirmationCode: string;
  options?: { clientMetadata?: Record<string, string> };
}

/** Field name → its message(s), shown under that field (Amplify UI's `ValidationError`). */
export type ValidationErrors = Record<string, string | string[]>;

/**
 * Amplify UI's `services`: the calls the Authenticator makes, each replaceable. Inputs are Amplify
 * v6's. An override calls the engine itself (`auth.signUp({ ...input, username: … })`): the engine's
 * state moves the screens, so whatever the override sends is what the next screen shows.
 */
export interface AuthenticatorServices {
  /** Sign-in form. Default: `auth.signIn(input)`. */
  handleSignIn: (input: SignInInput) => Promise<SignInResult>;
  /** Create-account form (`options.autoSignIn: true`). Default: `auth.signUp(input)`. */
  handleSignUp: (input: SignUpInput) => Promise<SignUpResult>;
  /** Every answer to a sign-in step (code, MFA choice, TOTP or email setup, custom challenge). Default: `auth.confirmSignIn`. */
  handleConfirmSignIn: (input: ConfirmSignInInput) => Promise<SignInResult>;
  /** The sign-up code. Default: `auth.confirmSignUp(input)`. */
  handleConfirmSignUp: (input: ConfirmSignUpInput) => Promise<ConfirmSignUpOutput>;
  /** Sends the reset code (v6 `resetPassword`). Default: `auth.forgotPassword({ username })`. */
  handleForgotPassword: (input: ResetPasswordInput) => Promise<ForgotPasswordResult>;
  /** The reset code and new password (v6 `confirmResetPassword`). Default: `auth.forgotPasswordSubmit`. */
  handleForgotPasswordSubmit: (input: ConfirmResetPasswordInput) => Promise<void | 'SUCCESS'>;
  /** The signed-in user handed to the app and `useAuthenticator`, after each sign-in. Default: `auth.currentAuthenticatedUser()`. */
  getCurrentUser: () => Promise<AuthUser>;
  /** Extra checks of the create-account form, on each change and blur and before sending; errors keep it from submitting. Default: none. */
  validateCustomSignUp: (formData: Record<string, string>, touchData: Record<string, boolean>) => ValidationErrors | null | void | Promise<ValidationErrors | null | void>;
}

export type ServiceName = keyof AuthenticatorServices;

/** The engine behind each service, with Amplify's v6 input mapped to the engine's where they differ. */
export function defaultService<K extends ServiceName>(auth: Auth, name: K): AuthenticatorServices[K] {
  const services: AuthenticatorServices = {
    handleSignIn: (input) => auth.signIn(input),
    handleSignUp: (input) => auth.signUp(input),
    handleConfirmSignIn: ({ challengeResponse, options }) => auth.confirmSignIn({ challengeResponse, ...options }),
    handleConfirmSignUp: (input) => auth.confirmSignUp(input),
    handleForgotPassword: ({ username, options }) => auth.forgotPassword({ username, ...options }),
    handleForgotPasswordSubmit: ({ username, newPassword, confirmationCode, options }) => auth.forgotPasswordSubmit({ username, newPassword, code: confirmationCode, ...options }),
    getCurrentUser: () => auth.currentAuthenticatedUser(),
    validateCustomSignUp: () => undefined,
  };
  return services[name];
}
