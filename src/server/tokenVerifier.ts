import { audienceProblem, decodeJWT, jwksUrl, poolIssuers, verifyIdTokenSignature, type JwtPayload } from '../core/index';
import type { ClaimsOf, TokenUse } from './claims';
import type { SigningKeys } from './signingKeys';

/** Why a token (or the request's session) was not accepted; the first check that failed. */
export type RejectionReason =
  /** No session cookies (signed out, or the browser engine keeps its session in localStorage). */
  | 'noSession'
  /** Different values under one cookie name (set for other Paths or Domains): which is ours cannot be told. */
  | 'ambiguousCookies'
  /** Not a JWT, or a header or payload that cannot be read. */
  | 'malformed'
  /** Signed with anything but RS256 (`none`, HS256, …): refused before any key is looked up. */
  | 'algorithm'
  /** `iss` is not this user pool. */
  | 'issuer'
  /** Issued to another app client (`aud` / `client_id`). */
  | 'audience'
  /** An id token where an access token belongs, or the other way round. */
  | 'tokenUse'
  /** `exp` passed (beyond the clock tolerance). */
  | 'expired'
  /** `iat` in the future (beyond the clock tolerance). */
  | 'issuedInFuture'
  /** The signature does not verify against the pool's published keys (or names a key it does not publish). */
  | 'signature'
  /** The id and access tokens are of different users. */
  | 'mismatch'
  /** The pool's keys could not be fetched: no verdict, so no session. */
  | 'keysUnavailable';

export interface VerifierContext {
  region: string;
  userPoolId: string;
  clientId: string;
  endpoint: string;
  keys: SigningKeys;
  now: () => number;
  toleranceSeconds: number;
}

export type TokenCheck<U extends TokenUse> = { ok: true; claims: ClaimsOf[U] } | { ok: false; reason: RejectionReason };

/**
 * Verifies one Cognito token: algorithm, then the claims (cheap, and a token for another pool or
 * client never costs a key fetch), then the RS256 signature against the pool's keys.
 */
export async function verifyToken<U extends TokenUse>(token: string, use: U, ctx: VerifierContext): Promise<TokenCheck<U>> {
  const reject = (reason: RejectionReason): TokenCheck<U> => ({ ok: false, reason });
  const header = readHeader(token);
  let payload: JwtPayload;
  try {
    payload = decodeJWT(token).payload;
  } catch {
    return reject('malformed');
  }
  if (!header) return reject('malformed');
  if (header.alg !== 'RS256') return reject('algorithm');
  const claimProblem = checkClaims(payload, use, ctx);
  if (claimProblem) return reject(claimProblem);
  try {
    await verifyIdTokenSignature(token, ctx.keys.keys, jwksUrl(ctx));
  } catch (error) {
    return reject((error as { name?: unknown }).name === 'OAuthTokenInvalid' ? 'signature' : 'keysUnavailable');
  }
  return { ok: true, claims: payload as ClaimsOf[U] };
}

function checkClaims(payload: JwtPayload, use: TokenUse, ctx: VerifierContext): RejectionReason | undefined {
  const issuer = payload['iss'];
  if (typeof issuer !== 'string' || !poolIssuers(ctx.region, ctx.userPoolId, ctx.endpoint).includes(issuer)) return 'issuer';
  if (payload['token_use'] !== use) return 'tokenUse';
  if (use === 'id' ? audienceProblem(payload, ctx.clientId) !== undefined : payload['client_id'] !== ctx.clientId) return 'audience';
  if (typeof payload['sub'] !== 'string' || payload['sub'] === '') return 'malformed';
  const username = use === 'id' ? payload['cognito:username'] : payload['username'];
  if (typeof username !== 'string' || username === '') return 'malformed';
  const nowSeconds = ctx.now() / 1000;
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || typeof iat !== 'number' || !Number.isFinite(iat)) return 'malformed';
  if (exp + ctx.toleranceSeconds <= nowSeconds) return 'expired';
  if (iat - ctx.toleranceSeconds > nowSeconds) return 'issuedInFuture';
  return undefined;
}

/** The JOSE header's `alg` and `kid`, or undefined when unreadable. */
function readHeader(token: string): { alg?: unknown; kid?: unknown } | undefined {
  const part = token.split('.')[0] ?? '';
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { alg?: unknown; kid?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
