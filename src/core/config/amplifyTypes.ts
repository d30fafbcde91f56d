import type { Generated, OAuthResponseType } from './types';

/** Standard attributes a v6 `userAttributes` entry can name (Amplify's `AuthStandardAttributeKey`). */
export type StandardAttribute =
  | 'address'
  | 'birthdate'
  | 'email'
  | 'email_verified'
  | 'family_name'
  | 'gender'
  | 'given_name'
  | 'locale'
  | 'middle_name'
  | 'name'
  | 'nickname'
  | 'phone_number'
  | 'phone_number_verified'
  | 'picture'
  | 'preferred_username'
  | 'profile'
  | 'sub'
  | 'updated_at'
  | 'website'
  | 'zoneinfo';

/** `Auth.Cognito` of an Amplify v6 `Amplify.configure` argument (the keys the kit reads, and two it ignores). */
export interface V6CognitoConfig {
  /** User pool id, `<region>_<id>`; the region comes from it. */
  userPoolId?: string;
  /** App client id (v5 called it `userPoolWebClientId`). */
  userPoolClientId?: string;
  identityPoolId?: string;
  /** User-pool endpoint override (v5: `endpoint`). */
  userPoolEndpoint?: string;
  identityPoolEndpoint?: string;
  /** Guest AWS credentials from the identity pool. Default false (v5's `mandatorySignIn` is its opposite). */
  allowGuestAccess?: boolean;
  /** Read by Amplify only; accepted so a v6 config type-checks. */
  signUpVerificationMethod?: 'code' | 'link';
  loginWith?: {
    username?: boolean;
    email?: boolean;
    phone?: boolean;
    oauth?: {
      domain: string;
      scopes: string[];
      redirectSignIn: string[];
      redirectSignOut: string[];
      responseType: OAuthResponseType;
      /** Custom (OIDC, SAML) providers have no `<Authenticator>` button and are skipped. */
      providers?: ('Google' | 'Facebook' | 'Amazon' | 'Apple' | { custom: string })[];
    };
  };
  /** Attributes of the pool; those with `required: true` are asked for at sign-up. */
  userAttributes?: { [A in StandardAttribute]?: { required: boolean } };
  passwordFormat?: {
    minLength?: number;
    requireLowercase?: boolean;
    requireUppercase?: boolean;
    requireNumbers?: boolean;
    requireSpecialCharacters?: boolean;
  };
  mfa?: { status?: 'on' | 'off' | 'optional'; totpEnabled?: boolean; smsEnabled?: boolean; emailEnabled?: boolean };
  /** Ignored by the kit (user groups live in the tokens). */
  groups?: object[];
  /** The pool's first factors besides the password: the `<Authenticator>` signs in by choice (USER_AUTH) with them. */
  passwordless?: {
    emailOtpEnabled?: boolean;
    smsOtpEnabled?: boolean;
    webAuthn?: { relyingPartyId?: string; userVerification?: string };
    preferredChallenge?: 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';
  };
}

/** An Amplify v6 `Amplify.configure` argument: `Auth.Cognito` is read, the other categories are ignored. */
export interface V6Config {
  Auth: { Cognito: V6CognitoConfig };
  API?: object;
  Analytics?: object;
  Geo?: object;
  Interactions?: object;
  Notifications?: object;
  Predictions?: object;
  Storage?: object;
}

/**
 * The `auth` section of Amplify Gen 2's `amplify_outputs.json`. Its enum-like values are
 * `Generated` strings, so `import outputs from './amplify_outputs.json'` type-checks.
 */
export interface AmplifyOutputsAuth {
  aws_region: string;
  user_pool_id: string;
  user_pool_client_id: string;
  identity_pool_id?: string;
  authentication_flow_type?: Generated<'USER_SRP_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH'>;
  oauth?: {
    identity_providers: Generated<'GOOGLE' | 'FACEBOOK' | 'LOGIN_WITH_AMAZON' | 'SIGN_IN_WITH_APPLE'>[];
    domain: string;
    scopes: string[];
    redirect_sign_in_uri: string[];
    redirect_sign_out_uri: string[];
    response_type: Generated<OAuthResponseType>;
  };
  username_attributes?: Generated<'email' | 'phone_number' | 'username'>[];
  standard_required_attributes?: Generated<StandardAttribute>[];
  user_verification_types?: Generated<'email' | 'phone_number'>[];
  unauthenticated_identities_enabled?: boolean;
  password_policy?: {
    min_length?: number;
    require_lowercase?: boolean;
    require_uppercase?: boolean;
    require_numbers?: boolean;
    require_symbols?: boolean;
  };
  mfa_configuration?: Generated<'NONE' | 'OPTIONAL' | 'REQUIRED'>;
  mfa_methods?: Generated<'SMS' | 'TOTP' | 'EMAIL'>[];
  /** Ignored by the kit. */
  groups?: object[];
  /** The pool's first factors besides the password: the `<Authenticator>` signs in by choice (USER_AUTH) with them. */
  passwordless?: {
    email_otp_enabled?: boolean;
    sms_otp_enabled?: boolean;
    web_authn?: { relying_party_id?: string; user_verification?: string };
    preferred_challenge?: Generated<'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN'>;
  };
}

/** Amplify Gen 2's `amplify_outputs.json`: `auth` is read, the other sections are ignored. */
export interface AmplifyOutputs {
  /** `"1"`, `"1.1"`, …: the kit reads major version 1. */
  version: string;
  auth: AmplifyOutputsAuth;
  data?: object;
  storage?: object;
  analytics?: object;
  geo?: object;
  notifications?: object;
  custom?: object;
}
