import { decodeJwtPayload, numericClaim, type JwtPayload } from './jwt';
import { JwtToken, RefreshToken } from './jwtToken';

export interface SessionTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  /** Device clock minus server clock, in seconds (amazon-cognito-identity-js's definition). */
  clockDrift: number;
}

/**
 * The tokens of the signed-in user. Strings on the outside (`session.idToken`), plus Amplify v5's
 * accessors (`session.getIdToken().getJwtToken()`, `.payload`) so v5 code keeps working.
 */
export class AuthSession implements SessionTokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly clockDrift: number;
  readonly idTokenPayload: JwtPayload;
  readonly accessTokenPayload: JwtPayload;

  constructor(tokens: SessionTokens) {
    this.idToken = tokens.idToken;
    this.accessToken = tokens.accessToken;
    if (tokens.refreshToken !== undefined) this.refreshToken = tokens.refreshToken;
    this.clockDrift = tokens.clockDrift;
    this.idTokenPayload = decodeJwtPayload(tokens.idToken) ?? {};
    this.accessTokenPayload = decodeJwtPayload(tokens.accessToken) ?? {};
  }

  getIdToken(): JwtToken {
    return new JwtToken(this.idToken);
  }

  getAccessToken(): JwtToken {
    return new JwtToken(this.accessToken);
  }

  getRefreshToken(): RefreshToken {
    return new RefreshToken(this.refreshToken ?? '');
  }

  getClockDrift(): number {
    return this.clockDrift;
  }

  /** Seconds (server clock) when the first of the access and id tokens expires. */
  get expiresAt(): number {
    const exps = [numericClaim(this.accessTokenPayload, 'exp'), numericClaim(this.idTokenPayload, 'exp')];
    return Math.min(...exps.map((exp) => exp ?? 0));
  }

  /** Seconds between issue and expiry of the access token (0 when unreadable). */
  get lifetime(): number {
    const iat = numericClaim(this.accessTokenPayload, 'iat');
    const exp = numericClaim(this.accessTokenPayload, 'exp');
    return iat !== undefined && exp !== undefined ? Math.max(0, exp - iat) : 0;
  }

  /** True while both tokens are valid for at least `marginSeconds` more, judged on the server's clock. */
  isValid(nowMs: number = Date.now(), marginSeconds = 0): boolean {
    return this.isValidAt(nowMs - this.clockDrift * 1000, marginSeconds);
  }

  /** `isValid` for a known server time (ms), rather than a device time corrected by the stored drift. */
  isValidAt(serverNowMs: number, marginSeconds = 0): boolean {
    return serverNowMs / 1000 + marginSeconds < this.expiresAt;
  }

  toJSON(): SessionTokens {
    return {
      idToken: this.idToken,
      accessToken: this.accessToken,
      ...(this.refreshToken === undefined ? {} : { refreshToken: this.refreshToken }),
      clockDrift: this.clockDrift,
    };
  }
}

/** Drift from a fresh token's `iat`; 0 when the claim is unreadable (never NaN). */
export function clockDriftFrom(tokens: { idToken: string; accessToken: string }, nowMs: number): number {
  const iats = [tokens.accessToken, tokens.idToken]
    .map((token) => numericClaim(decodeJwtPayload(token), 'iat'))
    .filter((iat): iat is number => iat !== undefined);
  if (iats.length === 0) return 0;
  return Math.floor(nowMs / 1000) - Math.min(...iats);
}

/** Whether two sessions hold the same three tokens (a rotated refresh token alone makes them differ). */
export function sameTokens(a: SessionTokens, b: SessionTokens): boolean {
  return a.accessToken === b.accessToken && a.idToken === b.idToken && a.refreshToken === b.refreshToken;
}
