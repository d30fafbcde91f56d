/** What the user or developer can do about an error, keyed by the error name. */
const suggestions: Record<string, string> = {
  NotAuthorizedException: 'Check the username and password, or sign in again.',
  UserNotFoundException: 'Check the username, or sign up first.',
  UserNotConfirmedException: 'Confirm the account with the code that was sent, or request a new code.',
  PasswordResetRequiredException: 'Reset the password with forgotPassword, then sign in with the new one.',
  CodeMismatchException: 'Check the code and enter it again.',
  ExpiredCodeException: 'Request a new code and try again.',
  UsernameExistsException: 'Sign in instead, or choose another username.',
  AliasExistsException: 'That email or phone number is already used by another account.',
  InvalidPasswordException: 'Choose a password that meets the pool’s password policy.',
  InvalidParameterException: 'Check the values sent; one is missing or malformed.',
  LimitExceededException: 'Too many attempts: wait a while before trying again.',
  TooManyRequestsException: 'Too many requests: wait a moment and retry.',
  TooManyFailedAttemptsException: 'Too many failed attempts: wait a while before trying again.',
  CodeDeliveryFailureException: 'The code could not be sent; check the email address or phone number.',
  EnableSoftwareTokenMFAException: 'Verify the authenticator app code before enabling TOTP.',
  SoftwareTokenMFANotFoundException: 'Set up an authenticator app (setupTOTP) first.',
  ResourceNotFoundException: 'Check the user pool id, client id and endpoint in the config.',
  NetworkError: 'Check the network connection and the endpoint, then retry.',
  NoCurrentUser: 'Sign in first.',
  UserAlreadyAuthenticatedException: 'Sign out before signing in as someone else.',
  NoUserPool: 'Configure userPoolId and userPoolWebClientId.',
  EmptyUsername: 'Enter a username.',
  EmptyPassword: 'Enter a password.',
  EmptyCode: 'Enter the code.',
  EmptyChallengeResponse: 'Enter an answer to the challenge.',
  NoSignInInProgress: 'Call signIn first; this step belongs to a sign-in in progress.',
  InvalidMFAType: 'Use one of SMS, TOTP or NOMFA.',
};

export function recoverySuggestionFor(name: string): string | undefined {
  return suggestions[name];
}
