import type { AuthError } from '../errors';
import type { FlowContext } from '../flows/context';
import { refreshSession } from '../flows/refreshSession';
import type { AuthSession } from './authSession';

// Amplify v5 signs the user out locally on these (Auth.ts isSessionInvalid): the session is dead server-side.
const SESSION_ENDING_MESSAGES = new Set([
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

// One refresh per refresh token per page, shared by every engine on it: React StrictMode builds the
// provider's engine twice, both restore the same expired session, and where Web Locks are missing
// (jsdom, React Native, older Safari) nothing else would stop both from refreshing.
const refreshesInFlight = new Map<string, Promise<AuthSession>>();

export function sharedRefresh(ctx: FlowContext, username: string, session: AuthSession, rotation = false): Promise<AuthSession> {
  const key = `${ctx.clientId} ${username} ${session.refreshToken ?? ''}`;
  let refresh = refreshesInFlight.get(key);
  if (!refresh) {
    refresh = refreshSession(ctx, username, session, rotation).finally(() => refreshesInFlight.delete(key));
    refreshesInFlight.set(key, refresh);
  }
  return refresh;
}

export function endsSession(error: AuthError): boolean {
  if (error.name === 'UserNotFoundException' || error.name === 'PasswordResetRequiredException') return true;
  return error.name === 'NotAuthorizedException' && SESSION_ENDING_MESSAGES.has(error.message);
}
