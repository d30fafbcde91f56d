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
  // Only reached when a freshly refreshed token is refused too (SessionManager.withAccessToken).
  'Invalid Access Token',
]);

export function endsSession(error: AuthError): boolean {
  if (error.name === 'UserNotFoundException' || error.name === 'PasswordResetRequiredException') return true;
  return error.name === 'NotAuthorizedException' && SESSION_ENDING_MESSAGES.includes(error.message);
}

// Only Cognito's own word about the refresh token or its user (revoked, expired, reused, user gone,
// disabled or reset) ends the session. Anything else (a network fault, a timeout, throttling, a 5xx,
// an abort, a garbled answer, a proxy's 4xx page without a Cognito error type) says nothing about
// the token: signing out there would lose a session that may be fine.
const ABOUT_THE_TOKEN_OR_USER: readonly string[] = Object.freeze([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'RefreshTokenReuseException',
]);

/** Whether a failed refresh leaves the session in place (to be retried later) rather than ending it. */
export function keepsSessionAfterRefreshFailure(error: AuthError): boolean {
  return !ABOUT_THE_TOKEN_OR_USER.includes(error.name);
}

/** Refresh this many seconds before expiry: the configured margin, capped at half the tokens' lifetime. */
export function refreshMarginFor(session: AuthSession, marginSeconds: number): number {
  const lifetime = session.lifetime;
  return lifetime > 0 ? Math.min(marginSeconds, lifetime / 2) : marginSeconds;
}

/** When (ms, server clock) a session is due for a refresh: its expiry less the margin. */
export function refreshDueAt(session: AuthSession, marginSeconds: number): number {
  return (session.expiresAt - refreshMarginFor(session, marginSeconds)) * 1000;
}
