import type { AuthError } from '../errors';

// Amplify v5 signs the user out locally on these (Auth.ts isSessionInvalid): the session is dead server-side.
const SESSION_ENDING_MESSAGES: readonly string[] = Object.freeze([
  'User is disabled.',
  'User does not exist.',
  'Access Token has been revoked',
  'Refresh Token has been revoked',
  'Refresh Token has expired',
  'Password reset required for the user',
]);

// Worth retrying later: the refresh token may be fine. Cognito names its 5xx errors
// (InternalErrorException) and throttles with a 400 TooManyRequestsException.
export function isTransient(error: AuthError): boolean {
  return (
    error.name === 'NetworkError' ||
    error.name === 'TooManyRequestsException' ||
    (error.statusCode !== undefined && error.statusCode >= 500) ||
    error.name.startsWith('HttpError5')
  );
}

export function endsSession(error: AuthError): boolean {
  if (error.name === 'UserNotFoundException' || error.name === 'PasswordResetRequiredException') return true;
  return error.name === 'NotAuthorizedException' && SESSION_ENDING_MESSAGES.includes(error.message);
}
