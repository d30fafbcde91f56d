/** The engine operation an error came from (`signIn`, `currentSession`, `configure`, …). */
export type AuthErrorSource = string;

/** Client-side error names; Cognito's own exception names pass through unchanged. */
export type ClientErrorName =
  | 'NetworkError'
  | 'AbortError'
  | 'NoCurrentUser'
  | 'NoUserPool'
  | 'EmptyUsername'
  | 'EmptyPassword'
  | 'EmptyCode'
  | 'EmptyChallengeResponse'
  | 'InvalidMFAType'
  | 'InvalidAuthFactor'
  | 'PasskeyNotSupported'
  | 'PasskeyCanceled'
  | 'PasskeyAlreadyExists'
  | 'RelyingPartyMismatch'
  | 'PasskeyFailed'
  | 'NoSignInInProgress'
  | 'NoTOTPSetup'
  | 'NoDevice'
  | 'UserAlreadyAuthenticatedException'
  | 'OAuthNotConfigured'
  | 'OAuthRedirectMismatch'
  | 'OAuthFlowNotFound'
  | 'OAuthStateMismatch'
  | 'OAuthTokenInvalid'
  | 'OAuthSignInException'
  | 'OAuthPopupBlocked'
  | 'OAuthPopupClosed'
  | 'OAuthPopupTimeout'
  | 'NoIdentityPool'
  | 'MandatorySignInEnabled'
  | 'AutoSignInException'
  | 'InvalidArgument'
  | 'SignInSessionExpired'
  | 'TokenExpiredOnArrival'
  | 'SessionSignatureInvalid'
  | 'UnknownError';

/** Exceptions Cognito (user pools and identity pools) answers with; their names pass through unchanged. */
export type CognitoErrorName =
  | 'NotAuthorizedException'
  | 'UserNotFoundException'
  | 'UserNotConfirmedException'
  | 'PasswordResetRequiredException'
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'UsernameExistsException'
  | 'AliasExistsException'
  | 'InvalidPasswordException'
  | 'PasswordHistoryPolicyViolationException'
  | 'InvalidParameterException'
  | 'LimitExceededException'
  | 'TooManyRequestsException'
  | 'TooManyFailedAttemptsException'
  | 'CodeDeliveryFailureException'
  | 'EnableSoftwareTokenMFAException'
  | 'SoftwareTokenMFANotFoundException'
  | 'MFAMethodNotFoundException'
  | 'UserLambdaValidationException'
  | 'InvalidLambdaResponseException'
  | 'UnexpectedLambdaException'
  | 'InvalidUserPoolConfigurationException'
  | 'InvalidSmsRoleAccessPolicyException'
  | 'InvalidSmsRoleTrustRelationshipException'
  | 'InvalidEmailRoleAccessPolicyException'
  | 'UnsupportedTokenTypeException'
  | 'ForbiddenException'
  | 'ResourceNotFoundException'
  | 'InternalErrorException'
  | 'ExternalServiceException'
  | 'InvalidIdentityPoolConfigurationException'
  | 'ResourceConflictException'
  | 'WebAuthnNotEnabledException'
  | 'WebAuthnChallengeNotFoundException'
  | 'WebAuthnClientMismatchException'
  | 'WebAuthnOriginNotAllowedException'
  | 'WebAuthnRelyingPartyMismatchException'
  | 'WebAuthnCredentialNotSupportedException'
  | 'WebAuthnConfigurationMissingException';

/**
 * An error's `name`: a known Cognito exception or client code, still open to names this version
 * does not know (`string & {}` keeps editor completion for the known ones).
 */
/** Raised only in native shells (React Native): no random source, an in-app browser closed. The prebuilt web UI has no text for them. */
export type NativeErrorName = 'NoSecureRandom' | 'OAuthSignInCanceled';

/**
 * `tokenIsolation: 'worker'` (docs/token-isolation.md): no Web Worker here or a CSP that blocks it (`Unavailable`),
 * combined with `sessionEndpoint` (`Conflict`, from `createAuth`), a request the worker will not send (`Refused`).
 * Developer-facing: the prebuilt web UI shows its generic message.
 */
export type TokenIsolationErrorName = 'TokenIsolationUnavailable' | 'TokenIsolationConflict' | 'TokenIsolationRefused';

export type AuthErrorName = CognitoErrorName | ClientErrorName | NativeErrorName | TokenIsolationErrorName | (string & {});

export interface AuthErrorOptions {
  name: AuthErrorName;
  message: string;
  source: AuthErrorSource;
  recoverySuggestion?: string;
  cause?: unknown;
  /** HTTP status of the Cognito response, when there was one. */
  statusCode?: number;
}

/**
 * Every failure of the engine. `name` is the Cognito exception (`NotAuthorizedException`, …) or a
 * client code (`NetworkError`, `EmptyPassword`, …): branch on it, never on `message`.
 */
export class AuthError extends Error {
  override readonly name: AuthErrorName;
  readonly source: AuthErrorSource;
  // `declare`: absent unless set, so `'recoverySuggestion' in error` tells whether there is one.
  declare readonly recoverySuggestion?: string;
  declare readonly statusCode?: number;
  /** Same as `name`, for code written against Amplify v5 (`err.code === 'UserNotFoundException'`). */
  readonly code: AuthErrorName;

  constructor(options: AuthErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name;
    this.code = options.name;
    this.source = options.source;
    if (options.recoverySuggestion !== undefined) this.recoverySuggestion = options.recoverySuggestion;
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
  }

  /** Plain-object form, safe to serialise (no cause, which may hold a raw response). */
  toJSON(): { name: AuthErrorName; message: string; source: string; recoverySuggestion?: string } {
    const json: { name: AuthErrorName; message: string; source: string; recoverySuggestion?: string } = {
      name: this.name,
      message: this.message,
      source: this.source,
    };
    if (this.recoverySuggestion !== undefined) json.recoverySuggestion = this.recoverySuggestion;
    return json;
  }
}

/** One problem with one config field. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `cookieStorage.domain`. */
  field: string;
  reason: string;
}

/** A config that cannot run. Lists every bad field at once, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid Auth config:\n${issues.map((issue) => `  - ${issue.field}: ${issue.reason}`).join('\n')}`,
    );
    this.issues = issues;
  }

  /** The names of the fields that are wrong. */
  get fields(): string[] {
    return this.issues.map((issue) => issue.field);
  }
}
