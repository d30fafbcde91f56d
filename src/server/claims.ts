import type { JwtPayload } from '../core/index';

/** What every verified Cognito token carries. */
interface VerifiedClaims extends JwtPayload {
  /** The user's id: stable, unique, never reassigned. */
  sub: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` (or the configured endpoint's). */
  iss: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issue time, seconds since the epoch. */
  iat: number;
  auth_time?: number;
  jti?: string;
  /** Present when the app client revokes tokens: shared by the tokens of one sign-in. */
  origin_jti?: string;
  /** The user's groups, when any. */
  'cognito:groups'?: string[];
}

/** A verified id token's claims: the user's attributes (`email`, `custom:…`) next to Cognito's own. */
export interface IdTokenClaims extends VerifiedClaims {
  token_use: 'id';
  /** The app client it was issued to. */
  aud: string | string[];
  'cognito:username': string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
}

/** A verified access token's claims. */
export interface AccessTokenClaims extends VerifiedClaims {
  token_use: 'access';
  /** The app client it was issued to. */
  client_id: string;
  /** Cognito's internal username (the `sub` when the pool signs in by e-mail or phone). */
  username: string;
  /** Space-separated; `aws.cognito.signin.user.admin` for sign-ins through the API. */
  scope?: string;
}

export type TokenUse = 'id' | 'access';

/** The claims type of each kind of token. */
export interface ClaimsOf {
  id: IdTokenClaims;
  access: AccessTokenClaims;
}
