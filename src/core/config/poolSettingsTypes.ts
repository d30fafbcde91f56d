/** How users sign in: Cognito's username, or an email/phone pool's alias used as the username. */
export type LoginMechanism = 'username' | 'email' | 'phone_number';
/** Attributes Cognito can send a confirmation code to. */
export type VerificationMechanism = 'email' | 'phone_number';
/** Social identity providers the hosted UI (and the `<Authenticator>`'s buttons) offer. */
export type SocialProvider = 'google' | 'facebook' | 'amazon' | 'apple';
/** Whether the pool asks for a second factor: never, when the user set one up, or always. */
export type MfaStatus = 'off' | 'optional' | 'on';
export type MfaMethod = 'SMS' | 'TOTP' | 'EMAIL';
/** A first factor besides the password (choice-based sign-in, USER_AUTH). */
export type PasswordlessMethod = 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** The rules a new password must meet, as the user pool's password policy says. Unset parts: Cognito's default. */
export interface PasswordPolicy {
  /** Default: 8. */
  minLength?: number;
  /** Default: true. */
  requireLowercase?: boolean;
  /** Default: true. */
  requireUppercase?: boolean;
  /** Default: true. */
  requireNumbers?: boolean;
  /** Default: true (Cognito's symbol set, space included). */
  requireSymbols?: boolean;
}

/**
 * What a config says about how the user pool is set up. The engine only carries it; the
 * `<Authenticator>` takes its defaults from it. Every part is optional: a resolved config holds
 * only the parts its source stated.
 */
export interface PoolSettings {
  /** What users sign in with, in the config's order (the `<Authenticator>` uses the first). */
  loginMechanisms?: LoginMechanism[];
  /** Attributes the pool requires at sign-up (`email`, `phone_number`, `name`, …). */
  signUpAttributes?: string[];
  /** Attributes Cognito verifies by sending a code. */
  verificationMechanisms?: VerificationMechanism[];
  passwordPolicy?: PasswordPolicy;
  mfaStatus?: MfaStatus;
  /** Second factors the pool offers. */
  mfaMethods?: MfaMethod[];
  /** Social providers set up in the hosted UI. */
  socialProviders?: SocialProvider[];
  /** First factors besides the password the pool offers (`passwordless` in v6 and Gen 2 configs). */
  passwordlessMethods?: PasswordlessMethod[];
  /** The first factor the config prefers (`passwordless.preferredChallenge`). */
  preferredChallenge?: 'PASSWORD' | 'PASSWORD_SRP' | PasswordlessMethod;
}
