import { authError } from '../normalizeError';
import type { JwtPayload } from '../session/jwt';
import { audienceProblem, poolIssuers } from '../session/tokenIssuers';

export interface IdTokenExpectations {
  userPoolId: string;
  region: string;
  clientId: string;
  /** The user-pool endpoint override, if any: emulators issue tokens with `iss` = endpoint + pool id. */
  endpoint?: string;
  nonce?: string;
  /** The server's clock (learnt from `Date` headers), not the device's. */
  nowMs: number;
}

// Tolerated clock difference (server clock vs. the token's issuer) when judging `exp` and `iat`.
const LEEWAY_SECONDS = 300;

/** Checks an id token from the hosted UI (OIDC Core 3.1.3.7): issuer, audience and authorized party, use, issue and expiry times, nonce. Throws OAuthTokenInvalid. */
export function checkIdToken(payload: JwtPayload | undefined, expected: IdTokenExpectations): void {
  const fail = (what: string) => {
    throw authError('OAuthTokenInvalid', `The hosted UI returned an id token with ${what}.`, 'handleRedirect');
  };
  if (!payload) return fail('no readable payload');
  const issuers = poolIssuers(expected.region, expected.userPoolId, expected.endpoint);
  if (typeof payload['iss'] !== 'string' || !issuers.includes(payload['iss'])) fail('an unexpected issuer');
  const audience = audienceProblem(payload, expected.clientId);
  if (audience) fail(audience);
  if (payload['token_use'] !== 'id') fail('token_use other than "id"');
  const nowSeconds = expected.nowMs / 1000;
  if (typeof payload.exp !== 'number' || payload.exp + LEEWAY_SECONDS <= nowSeconds) fail('an expiry in the past');
  // Minted "tomorrow": a clock or a forgery, not this sign-in (judged on the server clock, like exp).
  if (typeof payload.iat !== 'number' || payload.iat - LEEWAY_SECONDS > nowSeconds) fail('an issue time (iat) in the future');
  if (expected.nonce !== undefined && payload['nonce'] !== expected.nonce) fail('a nonce that does not match this sign-in');
}
