import { authError } from '../normalizeError';
import type { JwtPayload } from '../session/jwt';

export interface IdTokenExpectations {
  userPoolId: string;
  region: string;
  clientId: string;
  /** The user-pool endpoint override, if any: emulators issue tokens with `iss` = endpoint + pool id. */
  endpoint?: string;
  nonce?: string;
  nowMs: number;
}

// Tolerated device/server clock difference when judging `exp` of a fresh token.
const LEEWAY_SECONDS = 300;

/** Checks an id token from the hosted UI: issuer, audience, use, expiry and nonce. Throws OAuthTokenInvalid. */
export function checkIdToken(payload: JwtPayload | undefined, expected: IdTokenExpectations): void {
  const fail = (what: string) => {
    throw authError('OAuthTokenInvalid', `The hosted UI returned an id token with ${what}.`, 'handleRedirect');
  };
  if (!payload) return fail('no readable payload');
  const issuers = [`https://cognito-idp.${expected.region}.amazonaws.com/${expected.userPoolId}`];
  if (expected.endpoint) issuers.push(`${expected.endpoint.replace(/\/+$/, '')}/${expected.userPoolId}`);
  if (typeof payload['iss'] !== 'string' || !issuers.includes(payload['iss'])) fail('an unexpected issuer');
  const aud = payload['aud'];
  if (!(aud === expected.clientId || (Array.isArray(aud) && aud.includes(expected.clientId)))) fail('another audience (client)');
  if (payload['token_use'] !== 'id') fail('token_use other than "id"');
  if (typeof payload.exp !== 'number' || payload.exp + LEEWAY_SECONDS <= expected.nowMs / 1000) fail('an expiry in the past');
  if (expected.nonce !== undefined && payload['nonce'] !== expected.nonce) fail('a nonce that does not match this sign-in');
}
