/**
 * The `Logins` map of GetId / GetCredentialsForIdentity: one user-pool id token under the key
 * `cognito-idp.<region>.amazonaws.com/<userPoolId>`, checked the way Cognito Identity does, with its messages.
 */
import type { Ctx, Input } from '../context';
import { fail } from '../errors';
import { stringMap } from '../input';
import { decodeJwt, type JwtClaims } from '../jwt';

const invalid = (reason: string) => fail.notAuthorized(`Invalid login token. ${reason}`);
const UNSUPPORTED = 'Token is not from a supported provider of this identity pool.';

/** The verified user (`sub`) behind `Logins`, or undefined when no login was given. */
export async function loginSub(ctx: Ctx, input: Input): Promise<string | undefined> {
  let sub: string | undefined;
  for (const [provider, token] of Object.entries(stringMap(input, 'Logins'))) {
    const verified = await verifyLogin(ctx, provider, token);
    if (sub !== undefined && sub !== verified) throw fail.notAuthorized(UNSUPPORTED);
    sub = verified;
  }
  return sub;
}

async function verifyLogin(ctx: Ctx, provider: string, token: string): Promise<string> {
  const pool = ctx.config.identityPool;
  let claims: JwtClaims;
  try {
    claims = decodeJwt(token);
  } catch {
    throw invalid('Not a valid OpenId Connect identity token.');
  }
  if (issuerKey(claims.iss) !== provider) throw invalid("Issuer doesn't match providerName");
  // A well-formed token from a provider (or app client) this pool isn't configured for.
  if (provider !== pool.providerName) throw fail.notAuthorized(UNSUPPORTED);
  if (claims.aud === undefined) throw invalid('Missing a required claim: aud');
  if (claims.aud !== pool.clientId) throw fail.notAuthorized(UNSUPPORTED);
  const verified = await ctx.tokens.verifySignature(token);
  if (!verified) throw invalid("Couldn't verify signed token.");
  if (verified.token_use !== 'id' || typeof verified.sub !== 'string' || typeof verified.exp !== 'number') {
    throw invalid('Not a valid OpenId Connect identity token.');
  }
  const now = Math.floor(ctx.now() / 1000);
  if (now >= verified.exp) throw invalid(`Token expired: ${now} >= ${verified.exp}`);
  return verified.sub;
}

/** `https://cognito-idp.<region>.amazonaws.com/<pool>` → `cognito-idp.<region>.amazonaws.com/<pool>`. */
function issuerKey(iss: unknown): string | undefined {
  if (typeof iss !== 'string') return undefined;
  try {
    const url = new URL(iss);
    return url.host + url.pathname;
  } catch {
    return undefined;
  }
}
