import {
  AuthSession,
  ConfigError,
  normalizeConfigInput,
  resolveConfig,
  userFromSession,
  type AuthConfigInput,
  type AuthUser,
  type FetchLike,
} from '../core/index';
import type { AccessTokenClaims, ClaimsOf, IdTokenClaims, TokenUse } from './claims';
import { cookieValues, type CookieSource } from './cookieSource';
import { AMBIGUOUS, readCookieTokens } from './sessionCookies';
import { SigningKeys } from './signingKeys';
import { verifyToken, type RejectionReason, type VerifierContext } from './tokenVerifier';

export interface ServerAuthOptions {
  /** fetch for the pool's signing keys (JWKS). Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
  /** Clock difference tolerated when judging `exp` and `iat`, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** After a fetch of the signing keys, how long a token naming an unknown key (`kid`) waits before it may fetch them again, in seconds. Default 30. */
  keysCooldownSeconds?: number;
  /** How long fetched signing keys are trusted before they are fetched again, in seconds. Default 600. */
  keysMaxAgeSeconds?: number;
}

/** The signed-in user's verified session on the server. */
export interface ServerSession {
  /** The user, as `useAuth().user` describes it in the browser. */
  user: AuthUser;
  /** The verified id token (to forward to an API that expects it). */
  idToken: string;
  /** The verified access token (to call Cognito or your API as the user). */
  accessToken: string;
  idTokenClaims: IdTokenClaims;
  accessTokenClaims: AccessTokenClaims;
}

/** What a request's cookies say: a verified session, or signed out and why. */
export type ServerAuthResult = { status: 'signedIn'; session: ServerSession } | { status: 'signedOut'; reason: RejectionReason };

/**
 * Verifies the browser engine's session on a server, from a request's cookies (the browser engine
 * must keep its session in cookies: `cookieStorage` in its config). Create one per app, at module
 * level, and share it: it caches the pool's signing keys. Web-standard APIs only (fetch, WebCrypto),
 * so it runs on Node and edge runtimes.
 */
export class ServerAuth {
  readonly #ctx: VerifierContext;

  /** `config`: the config the browser engine is given (v5, v6, Gen 2's amplify_outputs.json, or the kit's); needs `userPoolId` and the app client id. */
  constructor(config: AuthConfigInput, options: ServerAuthOptions = {}) {
    const resolved = resolveConfig(normalizeConfigInput(config));
    const { userPoolId, userPoolWebClientId: clientId } = resolved;
    if (!userPoolId || !clientId) {
      throw new ConfigError([{ field: userPoolId ? 'userPoolWebClientId' : 'userPoolId', reason: 'is needed to verify the user pool’s tokens on the server' }]);
    }
    const now = options.now ?? (() => Date.now());
    const keys = new SigningKeys({
      fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      now,
      cooldownSeconds: options.keysCooldownSeconds ?? 30,
      maxAgeSeconds: options.keysMaxAgeSeconds ?? 600,
    });
    this.#ctx = { region: resolved.region, userPoolId, clientId, endpoint: resolved.endpoint, keys, now, toleranceSeconds: options.clockToleranceSeconds ?? 30 };
  }

  /** The session in `source`'s cookies, verified, or signed out with the reason (for logs; never shown to users). */
  async authenticate(source: CookieSource): Promise<ServerAuthResult> {
    const tokens = readCookieTokens(cookieValues(source), this.#ctx.clientId);
    if (tokens === null) return signedOut('noSession');
    if (tokens === AMBIGUOUS) return signedOut('ambiguousCookies');
    const [id, access] = await Promise.all([
      verifyToken(tokens.idToken, 'id', this.#ctx),
      verifyToken(tokens.accessToken, 'access', this.#ctx),
    ]);
    if (!id.ok) return signedOut(id.reason);
    if (!access.ok) return signedOut(access.reason);
    if (id.claims.sub !== access.claims.sub) return signedOut('mismatch');
    const session = new AuthSession({ ...tokens, clockDrift: 0 });
    return {
      status: 'signedIn',
      session: {
        user: userFromSession(session, access.claims.username),
        idToken: tokens.idToken,
        accessToken: tokens.accessToken,
        idTokenClaims: id.claims,
        accessTokenClaims: access.claims,
      },
    };
  }

  /** The verified session in `source`'s cookies, or null. */
  async getSession(source: CookieSource): Promise<ServerSession | null> {
    const result = await this.authenticate(source);
    return result.status === 'signedIn' ? result.session : null;
  }

  /** The signed-in user from `source`'s cookies (verified), or null. */
  async getUser(source: CookieSource): Promise<AuthUser | null> {
    return (await this.getSession(source))?.user ?? null;
  }

  /** One token (e.g. from an `Authorization: Bearer` header) verified as an id or access token of this pool and app client: its claims, or null. */
  async verifyToken<U extends TokenUse>(token: string, use: U): Promise<ClaimsOf[U] | null> {
    const check = await verifyToken(token, use, this.#ctx);
    return check.ok ? check.claims : null;
  }
}

/** A {@link ServerAuth} for the user pool in `config`. */
export function createServerAuth(config: AuthConfigInput, options?: ServerAuthOptions): ServerAuth {
  return new ServerAuth(config, options);
}

function signedOut(reason: RejectionReason): ServerAuthResult {
  return { status: 'signedOut', reason };
}
