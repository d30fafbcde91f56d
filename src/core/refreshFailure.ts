import type { AuthError } from './errors';
import { isTransient } from './session/refreshPolicy';

// Only an answer about the refresh token itself (revoked, expired, user gone) ends the session. An
// abort, throttling or a garbled answer says nothing about it: signing out there would lose it.
const SAYS_NOTHING_ABOUT_THE_TOKEN: readonly string[] = Object.freeze(['AbortError', 'LimitExceededException', 'UnknownError']);

/** Whether a failed refresh leaves the session in place (to be retried later) rather than ending it. */
export function keepsSessionAfterRefreshFailure(error: AuthError): boolean {
  return isTransient(error) || SAYS_NOTHING_ABOUT_THE_TOKEN.includes(error.name);
}
