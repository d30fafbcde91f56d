/**
 * Token issuing and checking. Every sign-in opens an "origin" (Cognito's origin_jti): its refresh token,
 * and the access/id tokens minted from it, live and die together, which is how RevokeToken and
 * GlobalSignOut revoke access tokens that are still inside their `exp`.
 */
import { base64UrlEncode, base64UrlJson, randomBytes, uuid } from './bytes';
import { MSG, fail } from './errors';
import type { JwtClaims, JwtSigner } from './jwt';
import type { UserRecord } from './users';
import type { BackendConfig } from './types';

interface Origin {
  jti: string;
  username: string;
  sub: string;
  authTime: number;
  deviceKey: string | undefined;
  revoked: boolean;
}

interface RefreshRecord {
  token: string;
  origin: Origin;
  expiresAt: number;
  /** Set when rotation replaced this token; it stays usable for the grace period only. */
  rotatedAt: number | undefined;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
}

export interface AccessContext {
  claims: JwtClaims;
  username: string;
  sub: string;
  originJti: string;
  deviceKey: string | undefined;
}

export class TokenService {
  readonly #origins = new Map<string, Origin>();
  readonly #refresh = new Map<string, RefreshRecord>();

  constructor(
    private readonly config: BackendConfig,
    private readonly signer: JwtSigner,
    private readonly now: () => number,
    private readonly onSecret: (value: string) => void,
  ) {}

  /** A completed sign-in: new origin, refresh token and first access/id tokens. */
  async signIn(user: UserRecord, deviceKey: string | undefined): Promise<AuthenticationResult> {
    const origin: Origin = { jti: uuid(), username: user.username, sub: user.sub, authTime: this.#seconds(), deviceKey, revoked: false };
    this.#origins.set(origin.jti, origin);
    const refresh = this.#newRefresh(origin);
    return { ...(await this.mint(user, origin)), RefreshToken: refresh.token };
  }

  /** Resolves a refresh token or throws the exact NotAuthorized message clients branch on. */
  useRefreshToken(token: string): { origin: Origin; record: RefreshRecord } {
    const record = this.#refresh.get(token);
    if (!record) throw fail.notAuthorized(MSG.refreshInvalid);
    if (record.origin.revoked) throw fail.notAuthorized(MSG.refreshRevoked);
    if (this.now() >= record.expiresAt) throw fail.notAuthorized(MSG.refreshExpired);
    if (record.rotatedAt !== undefined) {
      const graceMs = (this.config.refreshTokenRotation?.retryGracePeriodSeconds ?? 0) * 1000;
      if (this.now() > record.rotatedAt + graceMs) {
        throw fail.refreshTokenReuse('Refresh token has already been used.');
      }
    }
    return { origin: record.origin, record };
  }

  /** Rotation: a fresh refresh token in the same origin; the old one enters its grace period. */
  rotate(record: RefreshRecord): string {
    record.rotatedAt ??= this.now();
    return this.#newRefresh(record.origin).token;
  }

  async mint(user: UserRecord, origin: Origin): Promise<AuthenticationResult> {
    const iat = this.#seconds();
    const eventId = uuid();
    const { accessTokenSeconds, idTokenSeconds } = this.config.tokenValidity;
    const access: JwtClaims = {
      sub: user.sub,
      ...(origin.deviceKey ? { device_key: origin.deviceKey } : {}),
      iss: this.config.issuer,
      client_id: this.config.clientId,
      origin_jti: origin.jti,
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: origin.authTime,
      exp: iat + accessTokenSeconds,
      iat,
      jti: uuid(),
      username: user.username,
    };
    const id: JwtClaims = {
      ...idAttributeClaims(user.attributes),
      sub: user.sub,
      iss: this.config.issuer,
      'cognito:username': user.username,
      origin_jti: origin.jti,
      aud: this.config.clientId,
      event_id: eventId,
      token_use: 'id',
      auth_time: origin.authTime,
      exp: iat + idTokenSeconds,
      iat,
      jti: uuid(),
    };
    const result: AuthenticationResult = {
      AccessToken: await this.signer.sign(access),
      IdToken: await this.signer.sign(id),
      ExpiresIn: accessTokenSeconds,
      TokenType: 'Bearer',
    };
    this.onSecret(result.AccessToken);
    this.onSecret(result.IdToken);
    return result;
  }

  /** Signature, issuer, `exp` against the backend clock, then revocation, in Cognito's order. */
  async verifyAccess(token: string): Promise<AccessContext> {
    const claims = await this.signer.verify(token);
    if (
      !claims ||
      claims.token_use !== 'access' ||
      claims.iss !== this.config.issuer ||
      claims.client_id !== this.config.clientId ||
      typeof claims.exp !== 'number' ||
      typeof claims.username !== 'string' ||
      typeof claims.sub !== 'string' ||
      typeof claims.origin_jti !== 'string'
    ) {
      throw fail.notAuthorized(MSG.accessInvalid);
    }
    if (this.#seconds() >= claims.exp) throw fail.notAuthorized(MSG.accessExpired);
    const origin = this.#origins.get(claims.origin_jti);
    if (!origin || origin.revoked) throw fail.notAuthorized(MSG.accessRevoked);
    return {
      claims,
      username: claims.username,
      sub: claims.sub,
      originJti: claims.origin_jti,
      deviceKey: typeof claims.device_key === 'string' ? claims.device_key : undefined,
    };
  }

  /** RevokeToken: kills the refresh token and everything minted from it. False if the token is unknown. */
  revokeRefreshToken(token: string): boolean {
    const record = this.#refresh.get(token);
    if (!record) return false;
    record.origin.revoked = true;
    return true;
  }

  /** GlobalSignOut / DeleteUser: every origin of the user. */
  revokeUser(sub: string): void {
    for (const origin of this.#origins.values()) if (origin.sub === sub) origin.revoked = true;
  }

  #newRefresh(origin: Origin): RefreshRecord {
    // Shaped like Cognito's JWE refresh tokens (5 dot-separated parts) but opaque random content.
    const token = [
      base64UrlJson({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' }),
      base64UrlEncode(randomBytes(256)),
      base64UrlEncode(randomBytes(12)),
      base64UrlEncode(randomBytes(384)),
      base64UrlEncode(randomBytes(16)),
    ].join('.');
    const record: RefreshRecord = {
      token,
      origin,
      expiresAt: this.now() + this.config.tokenValidity.refreshTokenSeconds * 1000,
      rotatedAt: undefined,
    };
    this.#refresh.set(token, record);
    this.onSecret(token);
    return record;
  }

  #seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

/** Id-token claims from attributes: `*_verified` become booleans, as in Cognito id tokens. */
function idAttributeClaims(attributes: Record<string, string>): JwtClaims {
  const claims: JwtClaims = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'sub') continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}
