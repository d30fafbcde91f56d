import { authError } from '../normalizeError';
import type { JwtPayload } from '../session/jwt';

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
  const issuers = [`https://cognito-idp.${expected.region}.amazonaws.com/${expected.userPoolId}`];
  if (expected.endpoint) issuers.push(`${expected.endpoint.replace(/\/+$/, '')}/${expected.userPoolId}`);
  if (typeof payload['iss'] !== 'string' || !issuers.includes(payload['iss'])) fail('an unexpected issuer');
  const aud = payload['aud'];
  const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expected.clientId)) fail('another audience (client)');
  // A token for several audiences was issued to whoever `azp` names: it must be this client.
  const azp = payload['azp'];
  if (azp !== undefined && azp !== expected.clientId) fail('another authorized party (azp)');
  if (audiences.length > 1 && azp === undefined) fail('several audiences and no authorized party (azp)');
  if (payload['token_use'] !== 'id') fail('token_use other than "id"');
  const nowSeconds = expected.nowMs / 1000;
  if (typeof payload.exp !== 'number' || payload.exp + LEEWAY_SECONDS <= nowSeconds) fail('an expiry in the past');
  // Minted "tomorrow": a clock or a forgery, not this sign-in (judged on the server clock, like exp).
  if (typeof payload.iat !== 'number' || payload.iat - LEEWAY_SECONDS > nowSeconds) fail('an issue time (iat) in the future');
  if (expected.nonce !== undefined && payload['nonce'] !== expected.nonce) fail('a nonce that does not match this sign-in');
}
