/**
 * Cognito error shapes. Names and message strings are copied from the real service because clients branch
 * on them (Amplify v5 signs the user out on `User is disabled.`, `Access Token has been revoked`, …).
 */

/** A Cognito service error: `name` is the exception (`NotAuthorizedException`), `message` its text. */
export class BackendError extends Error {
  override readonly name: string;
  readonly status: number;

  constructor(name: string, message: string, status = 400) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

export const MSG = {
  incorrectPassword: 'Incorrect username or password.',
  userNotFound: 'User does not exist.',
  usernameClientNotFound: 'Username/client id combination not found.',
  userNotConfirmed: 'User is not confirmed.',
  userDisabled: 'User is disabled.',
  passwordResetRequired: 'Password reset required for the user',
  accessRevoked: 'Access Token has been revoked',
  accessExpired: 'Access Token has expired',
  accessInvalid: 'Invalid Access Token',
  refreshRevoked: 'Refresh Token has been revoked',
  refreshExpired: 'Refresh Token has expired',
  refreshInvalid: 'Invalid Refresh Token',
  codeMismatch: 'Invalid verification code provided, please try again.',
  codeExpired: 'Invalid code provided, please request a code again.',
  mfaCodeMismatch: 'Invalid code received for user',
  totpReused: 'Your software token has already been used once.',
  attemptLimit: 'Attempt limit exceeded, please try after some time.',
  usernameExists: 'User already exists',
  sessionExpired: 'Invalid session for the user, session is expired.',
  sessionUsed: 'Invalid session for the user, session can only be used once.',
  deviceNotFound: 'Device does not exist.',
} as const;

type Thrower = (message: string) => BackendError;
const make =
  (name: string): Thrower =>
  (message) =>
    new BackendError(name, message);

export const fail = {
  notAuthorized: make('NotAuthorizedException'),
  userNotFound: make('UserNotFoundException'),
  userNotConfirmed: make('UserNotConfirmedException'),
  passwordResetRequired: make('PasswordResetRequiredException'),
  codeMismatch: make('CodeMismatchException'),
  expiredCode: make('ExpiredCodeException'),
  usernameExists: make('UsernameExistsException'),
  aliasExists: make('AliasExistsException'),
  invalidPassword: make('InvalidPasswordException'),
  invalidParameter: make('InvalidParameterException'),
  limitExceeded: make('LimitExceededException'),
  resourceNotFound: make('ResourceNotFoundException'),
  enableSoftwareToken: make('EnableSoftwareTokenMFAException'),
  softwareTokenNotFound: make('SoftwareTokenMFANotFoundException'),
  refreshTokenReuse: make('RefreshTokenReuseException'),
  unsupportedTokenType: make('UnsupportedTokenTypeException'),
} as const;
