/** Public option and snapshot types of the test backend. */

/** EXTERNAL_PROVIDER: a federated user created by the hosted UI (no password sign-in). */
export type UserStatus = 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
/** Cognito's SignInPolicy.AllowedFirstAuthFactors: what USER_AUTH may start with. */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';
export type CodeKind = 'SIGN_UP' | 'MFA' | 'SIGN_IN' | 'FORGOT_PASSWORD' | 'VERIFY_ATTRIBUTE' | 'CUSTOM_CHALLENGE';
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
  /** MFA methods the pool offers; MFA_SETUP lists the ones set up during sign-in (TOTP, email). Default SMS and TOTP. */
  mfaMethods?: MfaType[];
  /**
   * Choice-based sign-in (USER_AUTH) and its first factors (SignInPolicy.AllowedFirstAuthFactors).
   * Absent: USER_AUTH is refused as "not enabled for this client", like a pool on the Lite tier.
   */
  allowedFirstAuthFactors?: FirstAuthFactor[];
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
  /** Called with each code as it is "sent" (also kept in `codes()`), e.g. to print it. Default none. */
  onCodeSent?: (delivered: DeliveredCode) => void;
  /** Hosted UI / OAuth endpoints (`/oauth2/*`, `/login`, `/logout`). Absent: they answer unauthorized_client. */
  oauth?: OAuthOptions;
  /** The identity pool behind `AWSCognitoIdentityService.*`. Always on; these options change its defaults. */
  identityPool?: IdentityPoolOptions;
  /** Passkeys (WebAuthn registration and the WEB_AUTHN challenge). Absent: off (WebAuthnNotEnabledException). */
  webAuthn?: WebAuthnOptions;
}

export interface WebAuthnOptions {
  /** The relying party id: credentials are scoped to it (rpIdHash). Default `localhost`. */
  relyingPartyId?: string;
  /** `rp.name` in the creation options. Default the pool name (userPoolId after `_`). */
  relyingPartyName?: string;
  /** Exact origins (`http://localhost:5173`) clientDataJSON may name. Default none: every ceremony fails until set. */
  origins?: string[];
  /** `required`: assertions and registrations without the UV flag fail. Default `required`. */
  userVerification?: 'required' | 'preferred';
  /** Lifetime of a registration or sign-in challenge, and the `timeout` hint sent with it. Default 180. */
  timeoutSeconds?: number;
}

export interface WebAuthnConfig {
  relyingPartyId: string;
  relyingPartyName: string;
  origins: string[];
  userVerification: 'required' | 'preferred';
  timeoutSeconds: number;
}

export interface OAuthOptions {
  /** Allowed callback URLs, matched exactly (no prefix or normalisation). */
  callbackUrls: string[];
  /** Allowed sign-out URLs for `/logout?logout_uri=`, matched exactly. */
  logoutUrls: string[];
  /** Default `openid email phone profile aws.cognito.signin.user.admin`; also the scope when none is requested. */
  allowedScopes?: string[];
  /** Authorization code lifetime. Default 300. */
  authCodeSeconds?: number;
  /**
   * Providers linked from the sign-in page. Default Google, Facebook, LoginWithAmazon, SignInWithApple.
   * Any other non-empty `identity_provider` is accepted too (as an OIDC provider).
   */
  identityProviders?: string[];
}

export interface OAuthConfig {
  callbackUrls: string[];
  logoutUrls: string[];
  allowedScopes: string[];
  authCodeSeconds: number;
  identityProviders: string[];
}

export interface IdentityPoolOptions {
  /** Default `<region>:` + a fixed UUID. */
  identityPoolId?: string;
  /** Guest identities and credentials. Default true. */
  allowUnauthenticated?: boolean;
  /** Lifetime of issued AWS credentials. Default 3600. */
  credentialsSeconds?: number;
  /** The app client whose id tokens the pool trusts (the `aud`). Default the backend's clientId. */
  clientId?: string;
  /** Role per identity kind; `null` = none assigned (GetCredentialsForIdentity then fails). */
  roles?: { authenticated?: string | null; unauthenticated?: string | null };
}

export interface IdentityPoolConfig {
  identityPoolId: string;
  allowUnauthenticated: boolean;
  credentialsSeconds: number;
  clientId: string;
  /** The `Logins` key: the user pool issuer without its scheme. */
  providerName: string;
  roles: { authenticated: string | null; unauthenticated: string | null };
}

/** AWS credentials handed out by GetCredentialsForIdentity (for a fake AWS service checking SigV4). */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  identityId: string;
  authenticated: boolean;
  /** Role the credentials stand for. */
  roleArn: string;
  /** Backend clock, ms. */
  expiration: number;
}

/** An authorization code the hosted UI issued. */
export interface OAuthCodeSnapshot {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** A code_challenge (S256) was sent: false means a public client skipped PKCE. */
  pkce: boolean;
  nonce: string | undefined;
  username: string;
  issuedAt: number;
  expiresAt: number;
  /** Redeemed (or burnt by a failed redemption) at the token endpoint. */
  used: boolean;
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
  mfaMethods: MfaType[];
  allowedFirstAuthFactors: FirstAuthFactor[] | undefined;
  usernameAttributes: ('email' | 'phone_number')[];
  autoVerifiedAttributes: ('email' | 'phone_number')[];
  requiredAttributesOnNewPassword: string[];
  deviceTracking: boolean;
  customAuth: { rounds: number; maxAttempts: number };
  preventUserExistenceErrors: boolean;
  refreshTokenRotation: { retryGracePeriodSeconds: number } | undefined;
  oauth: OAuthConfig | undefined;
  identityPool: IdentityPoolConfig;
  /** Undefined: passkeys off. */
  webAuthn: WebAuthnConfig | undefined;
}

export interface SeedUser {
  username: string;
  password: string;
  attributes?: Record<string, string>;
  /** Default CONFIRMED. */
  status?: UserStatus;
  /** Default true. */
  enabled?: boolean;
  mfa?: { sms?: boolean; email?: boolean; totpSecret?: string; preferred?: MfaType };
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
    email: boolean;
    preferred: MfaType | undefined;
    /** The verified TOTP secret, if any. */
    totpSecret: string | undefined;
  };
  devices: DeviceSnapshot[];
  passkeys: PasskeySnapshot[];
}

export interface PasskeySnapshot {
  /** base64url. */
  credentialId: string;
  /** COSE algorithm: -7 (ES256) or -257 (RS256). */
  alg: number;
  signCount: number;
  transports: string[];
  attachment: 'platform' | 'cross-platform' | undefined;
  friendlyName: string;
  createdAt: number;
  lastUsedAt: number | undefined;
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
