/**
 * createBackend: a Cognito user pool double, transport-free and browser-safe. Import this file (not
 * index.ts) from browsers and service workers; index.ts adds the node:http server.
 */
import { uuid } from './bytes';
import { CodeStore } from './codes';
import { resolveConfig } from './config';
import type { Ctx } from './context';
import { BackendError } from './errors';
import { handleHttp, jsonResponse, targetFor, type Service } from './http';
import { IDENTITY_OPERATIONS } from './identity/operations';
import { IdentityStore } from './identity/store';
import { createJwtSigner, isRecord, type JwtClaims, type PublicJwk } from './jwt';
import { GrantStore } from './oauth/grants';
import { handleOAuth, isOAuthPath } from './oauth/index';
import { OPERATIONS } from './operations/index';
import { RequestLog, createGate } from './requestLog';
import { SessionStore } from './sessions';
import { TokenService } from './tokens';
import type {
  BackendConfig,
  BackendOptions,
  CodeKind,
  DeliveredCode,
  HttpRequest,
  HttpResponse,
  IssuedCredentials,
  OAuthCodeSnapshot,
  RecordedRequest,
  SeedUser,
  UserSnapshot,
  UserStatus,
} from './types';
import { UserStore, type UserRecord } from './users';

export interface CognitoBackend {
  readonly config: BackendConfig;
  /** The whole HTTP behaviour (CORS, JWKS, operations), without a socket. */
  handle(request: HttpRequest): Promise<HttpResponse>;
  /**
   * Runs an operation through `handle`; throws BackendError on a Cognito error. `GetId` and
   * `GetCredentialsForIdentity` go to the identity pool (`AWSCognitoIdentityService.*`).
   */
  call(operation: string, input: object): Promise<Record<string, unknown>>;

  /** Seeds a user; no password policy check, email/phone default to verified. */
  createUser(seed: SeedUser): Promise<UserSnapshot>;
  /** By username or sign-in alias. */
  getUser(username: string): UserSnapshot | undefined;
  disableUser(username: string): void;
  enableUser(username: string): void;
  setUserStatus(username: string, status: UserStatus): void;
  /** Like AdminDeleteUser: tokens stay valid JWTs but the user is gone. */
  deleteUser(username: string): void;

  /** Every delivered code, optionally for one user (username or alias). */
  codes(username?: string): DeliveredCode[];
  /** The latest code of `kind` sent to the user; throws if none was sent. */
  lastCode(username: string, kind: CodeKind): string;

  /** Requests seen for `operation`, or all of them. */
  count(operation?: string): number;
  requests(): RecordedRequest[];
  resetCounts(): void;
  /**
   * Passwords seen, codes sent, tokens, sessions, TOTP secrets, OAuth codes and verifiers, and AWS secret
   * keys / session tokens issued: for "nothing logged" checks.
   */
  secrets(): string[];
  /** Rotated refresh tokens presented after their grace period (RefreshTokenReuseException; family revoked). */
  refreshTokenReuses(): number;

  /** Every authorization code the hosted UI issued (`pkce: false` = a code flow without PKCE). */
  oauthCodes(): OAuthCodeSnapshot[];
  /** Every set of AWS credentials GetCredentialsForIdentity issued, oldest first. */
  issuedCredentials(): IssuedCredentials[];
  /** The issued credentials with this access key id (to check a SigV4 signature), or undefined. */
  credentialsFor(accessKeyId: string): IssuedCredentials | undefined;

  now(): number;
  advanceTime(ms: number): void;
  jwks(): Promise<{ keys: PublicJwk[] }>;
  /** GET requests for the JWKS (`/<userPoolId>/.well-known/jwks.json`) so far: what servers verifying tokens cost the pool. */
  jwksRequests(): number;
  /** Signs any claims with the pool's current key (tokens the API would never issue: expired, another issuer, another client). */
  signJwt(claims: JwtClaims): Promise<string>;
  /** Signs with a new key from now on; the JWKS then lists the new key and the previous one, as Cognito does while it rotates. */
  rotateSigningKey(): void;
}

export function createBackend(options: BackendOptions = {}): CognitoBackend {
  const config = resolveConfig(options);
  const baseNow = options.now ?? Date.now;
  let offset = 0;
  const now = (): number => baseNow() + offset;
  const secretSet = new Set<string>();
  const secret = (value: string): void => {
    if (value) secretSet.add(value);
  };
  const signer = createJwtSigner();
  let jwksCount = 0;
  // RSA key generation costs ~150 ms; starting it now lets it overlap with the test's own setup.
  signer.warmUp();
  const ctx: Ctx = {
    config,
    users: new UserStore(config, now),
    codes: new CodeStore(now, secret, config.codeValiditySeconds * 1000, options.onCodeSent),
    tokens: new TokenService(config, signer, now, secret),
    sessions: new SessionStore(now, config.sessionValiditySeconds * 1000, secret),
    identities: new IdentityStore(config.region, now, secret),
    grants: new GrantStore(now, (config.oauth?.authCodeSeconds ?? 300) * 1000, secret),
    now,
    secret,
  };
  const log = new RequestLog(secret);
  const gate = createGate(log, options.intercept);

  const dispatch = (operation: string, input: Record<string, unknown>, service: Service): Promise<HttpResponse> => {
    const table = service === 'identity' ? IDENTITY_OPERATIONS : OPERATIONS;
    return gate(operation, input, async () => {
      const op = Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
      if (!op) throw new BackendError('UnknownOperationException', `Unknown operation ${operation}`);
      return jsonResponse(200, await op(ctx, input));
    }, 'application/x-amz-json-1.1');
  };

  const requireUser = (username: string): UserRecord => {
    const user = ctx.users.find(username);
    if (!user) throw new Error(`test backend: no user ${username}`);
    return user;
  };

  const backend: CognitoBackend = {
    config,
    async handle(request) {
      const deps = { config, jwks: () => (jwksCount++, signer.jwks()), dispatch, isOAuthPath, oauth: (req: HttpRequest) => handleOAuth(ctx, req, gate) };
      const response = await handleHttp(deps, request);
      // `Date` by the backend's clock (node:http would stamp the real one): clients may read the
      // server time from it, as the SRP TIMESTAMP must be on the server's clock.
      return { ...response, headers: { date: new Date(now()).toUTCString(), ...response.headers } };
    },

    async call(operation, input) {
      const service: Service = Object.prototype.hasOwnProperty.call(IDENTITY_OPERATIONS, operation) ? 'identity' : 'idp';
      const res = await backend.handle({
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': targetFor(service, operation) },
        body: JSON.stringify(input),
      });
      const body: unknown = res.body ? safeParse(res.body) : {};
      if (res.status >= 200 && res.status < 300) return isRecord(body) ? body : {};
      const type = (isRecord(body) && typeof body.__type === 'string' ? body.__type : res.headers['x-amzn-errortype']) ?? 'UnknownError';
      const message = isRecord(body) && typeof body.message === 'string' ? body.message : res.body;
      throw new BackendError(type.split('#').pop() ?? type, message, res.status);
    },

    async createUser(seed) {
      secret(seed.password);
      const attributes = { ...seed.attributes };
      let username = seed.username;
      if (config.usernameAttributes.length > 0 && !attributes.sub) {
        // Alias pools: the seed's username is the email/phone, the internal username is the sub.
        const attr = seed.username.includes('@') ? 'email' : 'phone_number';
        attributes[attr] ??= seed.username;
        attributes.sub = uuid();
        username = attributes.sub;
      }
      if (ctx.users.get(username)) throw new Error(`test backend: user ${seed.username} already exists`);
      for (const attr of ['email', 'phone_number']) {
        if (attributes[attr] !== undefined) attributes[`${attr}_verified`] ??= 'true';
      }
      const user = await ctx.users.create({
        username,
        password: seed.password,
        attributes,
        status: seed.status ?? 'CONFIRMED',
        enabled: seed.enabled ?? true,
      });
      if (seed.mfa?.sms) {
        if (!attributes.phone_number) throw new Error('test backend: SMS MFA needs a phone_number attribute');
        user.mfa.sms = true;
      }
      if (seed.mfa?.email) {
        if (!attributes.email) throw new Error('test backend: email MFA needs an email attribute');
        user.mfa.email = true;
      }
      if (seed.mfa?.totpSecret) {
        secret(seed.mfa.totpSecret);
        user.mfa.totp = true;
        user.mfa.totpSecret = seed.mfa.totpSecret;
      }
      user.mfa.preferred = seed.mfa?.preferred;
      return ctx.users.snapshot(user);
    },

    getUser(username) {
      const user = ctx.users.find(username);
      return user ? ctx.users.snapshot(user) : undefined;
    },
    disableUser(username) {
      requireUser(username).enabled = false;
    },
    enableUser(username) {
      requireUser(username).enabled = true;
    },
    setUserStatus(username, status) {
      requireUser(username).status = status;
    },
    deleteUser(username) {
      const user = requireUser(username);
      ctx.users.delete(user);
      ctx.codes.forgetUser(user.username);
    },

    codes(username) {
      if (username === undefined) return [...ctx.codes.log];
      const internal = ctx.users.find(username)?.username ?? username;
      return ctx.codes.log.filter((c) => c.username.toLowerCase() === internal.toLowerCase());
    },
    lastCode(username, kind) {
      const hit = backend.codes(username).filter((c) => c.kind === kind).pop();
      if (!hit) throw new Error(`test backend: no ${kind} code was sent to ${username}`);
      return hit.code;
    },

    count: (operation) => log.count(operation),
    requests: () => log.all(),
    resetCounts: () => log.reset(),
    secrets: () => [...secretSet],
    refreshTokenReuses: () => ctx.tokens.reuseDetections,

    oauthCodes: () => ctx.grants.snapshots(),
    issuedCredentials: () => ctx.identities.issued(),
    credentialsFor: (accessKeyId) => ctx.identities.credentialsFor(accessKeyId),

    now,
    advanceTime(ms) {
      offset += ms;
    },
    jwks: () => signer.jwks(),
    jwksRequests: () => jwksCount,
    signJwt: (claims) => signer.sign(claims),
    rotateSigningKey: () => signer.rotate(),
  };
  return backend;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
