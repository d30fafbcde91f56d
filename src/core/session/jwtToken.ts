import { decodeJwtPayload, type JwtPayload } from './jwt';

/**
 * amazon-cognito-identity-js's token accessors (`getJwtToken()`, `payload`, `getExpiration()`),
 * reimplemented on `atob`: amazon-cognito-identity-js's own classes decode with the `buffer` package, which needs a
 * `global` that browsers do not have and that plain Vite apps do not define.
 */
export class JwtToken {
  readonly jwtToken: string;
  readonly payload: JwtPayload;

  constructor(token: string) {
    this.jwtToken = token;
    this.payload = decodeJwtPayload(token) ?? {};
  }

  getJwtToken(): string {
    return this.jwtToken;
  }

  /** `exp` claim, seconds since the epoch (0 when unreadable). */
  getExpiration(): number {
    return typeof this.payload.exp === 'number' ? this.payload.exp : 0;
  }

  /** `iat` claim, seconds since the epoch (0 when unreadable). */
  getIssuedAt(): number {
    return typeof this.payload.iat === 'number' ? this.payload.iat : 0;
  }

  decodePayload(): JwtPayload {
    return this.payload;
  }
}

/** v5's opaque refresh token wrapper. */
export class RefreshToken {
  readonly token: string;

  constructor(token: string) {
    this.token = token;
  }

  getToken(): string {
    return this.token;
  }
}
