import type { AuthSession } from './session/authSession';
import type { AuthUser } from './types';

// Claims that describe the token, not the user.
const TOKEN_CLAIMS: readonly string[] = Object.freeze([
  'iss', 'aud', 'exp', 'iat', 'auth_time', 'token_use', 'jti', 'origin_jti', 'event_id',
  'cognito:username', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role', 'at_hash', 'nonce',
]);

/** The user as the id token describes it: no request needed. Attribute values are strings, as in Cognito. */
export function userFromSession(session: AuthSession, username: string): AuthUser {
  const attributes: Record<string, string> = {};
  for (const [claim, value] of Object.entries(session.idTokenPayload)) {
    if (TOKEN_CLAIMS.includes(claim) || value === undefined || value === null) continue;
    attributes[claim] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const sub = session.idTokenPayload.sub ?? session.accessTokenPayload.sub;
  return { username, userId: typeof sub === 'string' ? sub : '', attributes };
}
