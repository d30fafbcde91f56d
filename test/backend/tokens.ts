/**
 * Token issuing and checking. Every sign-in opens an "origin" (Cognito's origin_jti): its refresh token,
 * and the access/id tokens minted from it, live and die together, which is how RevokeToken and
 * GlobalSignOut revoke access tokens that are still inside their `exp`.
 */
import { base64UrlEncode, base64UrlJson, randomBytes, utf8, uuid } from './bytes';
import { MSG, fail } from './errors';
import { sha256 } from './hash';
import type { JwtClaims, JwtSigner } from './jwt';
import type { UserRecord } from './users';
import type { BackendConfig } from './types';

export interface Origin {
  jti: string;
  username: string;
  sub: string;
  authTime: number;
  deviceKey: string | undefined;
  revoked: boolean;
  /** Granted OAuth scopes (hosted UI sign-ins); undefined for API sign-ins (`aws.cognito.signin.user.admin`). */
  scope: string | undefined;
}

export interface OriginOptions {
  deviceKey?: string;
  scope?: string;
  /** Seconds; default now. */
  authTime?: number;
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
  /** Rotated refresh tokens presented after their grace period (each revoked its family). */
  reuseDetections = 0;

  constructor(
    private readonly config: BackendConfig,
    private readonly signer: JwtSigner,
    private readonly now: () => number,
    private readonly onSecret: (value: string) => void,
  ) {}

  /** A completed sign-in: new origin, refresh token and first access/id tokens. */
  async signIn(user: UserRecord, deviceKey: string | undefined): Promise<AuthenticationResult> {
    const origin = this.openOrigin(user, { deviceKey });
    const refresh = this.issueRefresh(origin);
    return { ...(await this.mint(user, origin)), RefreshToken: refresh };
  }

  /** A new origin without tokens yet (the hosted UI mints from it, with or without a refresh token). */
  openOrigin(user: UserRecord, options: OriginOptions = {}): Origin {
    const origin: Origin = {
      jti: uuid(),
      username: user.username,
      sub: user.sub,
      authTime: options.authTime ?? this.#seconds(),
      deviceKey: options.deviceKey,
      revoked: false,
      scope: options.scope,
    };
    this.#origins.set(origin.jti, origin);
    return origin;
  }

  issueRefresh(origin: Origin): string {
    return this.#newRefresh(origin).token;
  }

  /** Revokes an origin by id (a replayed authorization code kills what it minted). */
  revokeOrigin(jti: string): void {
    const origin = this.#origins.get(jti);
    if (origin) origin.revoked = true;
  }

  /** Claims of a token signed with this pool's key (signature only; callers check the rest). */
  verifySignature(token: string): Promise<JwtClaims | undefined> {
    return this.signer.verify(token);
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
        // Reuse detection: a retired token coming back means two holders (one may be a thief), so
        // the whole family dies, including the newest token and what was minted from it.
        record.origin.revoked = true;
        this.reuseDetections += 1;
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

  /** Access + id token for `origin`. Hosted-UI origins add `at_hash` and, when given, the OIDC `nonce`. */
  async mint(user: UserRecord, origin: Origin, options: { nonce?: string } = {}): Promise<AuthenticationResult> {
    const iat = this.#seconds();
    const eventId = uuid();
    const { accessTokenSeconds, idTokenSeconds } = this.config.tokenValidity;
    const groups = federatedGroups(this.config.userPoolId, user.attributes.identities);
    const access: JwtClaims = {
      sub: user.sub,
      ...(groups ? { 'cognito:groups': groups } : {}),
      ...(origin.deviceKey ? { device_key: origin.deviceKey } : {}),
      iss: this.config.issuer,
      client_id: this.config.clientId,
      origin_jti: origin.jti,
      event_id: eventId,
      token_use: 'access',
      scope: origin.scope ?? 'aws.cognito.signin.user.admin',
      auth_time: origin.authTime,
      exp: iat + accessTokenSeconds,
      iat,
      jti: uuid(),
      username: user.username,
    };
    const accessToken = await this.signer.sign(access);
    const id: JwtClaims = {
      ...(origin.scope !== undefined ? { at_hash: await atHash(accessToken) } : {}),
      ...idAttributeClaims(user.attributes),
      sub: user.sub,
      ...(groups ? { 'cognito:groups': groups } : {}),
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
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
    };
    const result: AuthenticationResult = {
      AccessToken: accessToken,
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

/** Id-token claims from attributes: `*_verified` become booleans and `identities` an array, as Cognito does. */
function idAttributeClaims(attributes: Record<string, string>): JwtClaims {
  const claims: JwtClaims = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'sub') continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : name === 'identities' ? parseJson(value) : value;
  }
  return claims;
}

/** Federated users are in the automatic `<userPoolId>_<Provider>` group. */
function federatedGroups(userPoolId: string, identities: string | undefined): string[] | undefined {
  const parsed = identities === undefined ? undefined : parseJson(identities);
  if (!Array.isArray(parsed)) return undefined;
  const names = parsed.map((i: unknown) => (typeof i === 'object' && i !== null ? (i as { providerName?: unknown }).providerName : undefined));
  const groups = names.filter((n): n is string => typeof n === 'string').map((n) => `${userPoolId}_${n}`);
  return groups.length > 0 ? groups : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** OIDC at_hash: base64url of the left half of SHA-256(access token). */
async function atHash(accessToken: string): Promise<string> {
  return base64UrlEncode((await sha256(utf8(accessToken))).subarray(0, 16));
}
