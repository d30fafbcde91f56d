/** Public option and snapshot types of the test backend. */

export type UserStatus = 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA';
export type CodeKind = 'SIGN_UP' | 'MFA' | 'FORGOT_PASSWORD' | 'VERIFY_ATTRIBUTE' | 'CUSTOM_CHALLENGE';
export type DeliveryMedium = 'EMAIL' | 'SMS';

/** A code the pool "sent". Tests read these instead of an inbox. */
export interface DeliveredCode {
  username: string;
  kind: CodeKind;
  code: string;
  destination: string;
  medium: DeliveryMedium;
  attributeName?: string;
  /** Backend clock (ms) at delivery. */
  at: number;
}

export interface PasswordPolicy {
  minLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export interface TokenValidity {
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
}

export interface InterceptResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Fault-injection hook: return a response to short-circuit the operation, undefined to let it run. */
export type Intercept = (
  operation: string,
  input: unknown,
) => InterceptResponse | undefined | Promise<InterceptResponse | undefined>;

export interface BackendOptions {
  /** Pool id; its prefix is the region. Default `us-east-1_TestPool01`. */
  userPoolId?: string;
  /** App client id (public client, no secret). Default a fixed 26-char lowercase id. */
  clientId?: string;
  /** Default: the part of userPoolId before `_`. */
  region?: string;
  /** Token `iss`. Default `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  issuer?: string;
  /** Default 3600 / 3600 / 30 days. */
  tokenValidity?: Partial<TokenValidity>;
  /** Lifetime of sign-up, forgot-password and attribute codes. Default 3600. */
  codeValiditySeconds?: number;
  /** Lifetime of a challenge `Session` (Cognito's AuthSessionValidity). Default 180. */
  sessionValiditySeconds?: number;
  /** Default: length 8, all character classes required (Cognito's default). */
  passwordPolicy?: Partial<PasswordPolicy>;
  /** Default `OPTIONAL`. */
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  /** Sign in by email/phone; the internal username (USER_ID_FOR_SRP) becomes the sub. Default none. */
  usernameAttributes?: ('email' | 'phone_number')[];
  /** Attributes verified by the sign-up code. Default `['email']`. */
  autoVerifiedAttributes?: ('email' | 'phone_number')[];
  /** Attribute names a NEW_PASSWORD_REQUIRED answer must supply. Default none. */
  requiredAttributesOnNewPassword?: string[];
  /** New sign-ins get NewDeviceMetadata; remembered devices skip MFA. Default true. */
  deviceTracking?: boolean;
  /** Simulated Define/Create/Verify-Auth-Challenge Lambdas. Default one code round, 3 tries. */
  customAuth?: { rounds?: number; maxAttempts?: number };
  /** Hide whether a user exists (Cognito's PreventUserExistenceErrors=ENABLED). Default false. */
  preventUserExistenceErrors?: boolean;
  /**
   * Refresh-token rotation for GetTokensFromRefreshToken. Off by default (Cognito's default); when on,
   * each refresh returns a new refresh token and the old one dies after the grace period.
   */
  refreshTokenRotation?: { retryGracePeriodSeconds?: number };
  /** Clock in ms. Default Date.now. `advanceTime` adds to it. */
  now?: () => number;
  intercept?: Intercept;
}

export interface BackendConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  issuer: string;
  /** userPoolId.split('_')[1]: the SRP "pool name". */
  poolName: string;
  tokenValidity: TokenValidity;
  codeValiditySeconds: number;
  sessionValiditySeconds: number;
  passwordPolicy: PasswordPolicy;
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  usernameAttributes: ('email' | 'phone_number')[];
  autoVerifiedAttributes: ('email' | 'phone_number')[];
  requiredAttributesOnNewPassword: string[];
  deviceTracking: boolean;
  customAuth: { rounds: number; maxAttempts: number };
  preventUserExistenceErrors: boolean;
  refreshTokenRotation: { retryGracePeriodSeconds: number } | undefined;
}

export interface SeedUser {
  username: string;
  password: string;
  attributes?: Record<string, string>;
  /** Default CONFIRMED. */
  status?: UserStatus;
  /** Default true. */
  enabled?: boolean;
  mfa?: { sms?: boolean; totpSecret?: string; preferred?: MfaType };
}

export interface DeviceSnapshot {
  deviceKey: string;
  deviceGroupKey: string;
  name: string | undefined;
  /** ConfirmDevice received (a verifier is stored). */
  confirmed: boolean;
  remembered: boolean;
  createdAt: number;
  lastAuthenticatedAt: number | undefined;
}

export interface UserSnapshot {
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  mfa: {
    sms: boolean;
    totp: boolean;
    preferred: MfaType | undefined;
    /** The verified TOTP secret, if any. */
    totpSecret: string | undefined;
  };
  devices: DeviceSnapshot[];
}

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RecordedRequest {
  operation: string;
  input: unknown;
}
