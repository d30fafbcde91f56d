import type { AuthError } from '../errors';
import type { AuthSession } from './authSession';

// Every rule about refreshing a session, in one place: when it is due, and what a failure means.

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

// Only an answer about the refresh token itself (revoked, expired, user gone) ends the session. An
// abort, throttling or a garbled answer says nothing about it: signing out there would lose it.
const SAYS_NOTHING_ABOUT_THE_TOKEN: readonly string[] = Object.freeze(['AbortError', 'LimitExceededException', 'UnknownError']);

/** Whether a failed refresh leaves the session in place (to be retried later) rather than ending it. */
export function keepsSessionAfterRefreshFailure(error: AuthError): boolean {
  return isTransient(error) || SAYS_NOTHING_ABOUT_THE_TOKEN.includes(error.name);
}

/** Refresh this many seconds before expiry: the configured margin, capped at half the tokens' lifetime. */
export function refreshMarginFor(session: AuthSession, marginSeconds: number): number {
  const lifetime = session.lifetime;
  return lifetime > 0 ? Math.min(marginSeconds, lifetime / 2) : marginSeconds;
}

/** When (ms, device clock) a session is due for a refresh: its expiry on the server's clock, less the margin. */
export function refreshDueAt(session: AuthSession, marginSeconds: number): number {
  return (session.expiresAt + session.clockDrift - refreshMarginFor(session, marginSeconds)) * 1000;
}
