import type { ConfiguredPool } from '../configuredPool';
import type { AuthSession } from './authSession';

/**
 * Cookies can be written by every app on the cookie domain, so a sibling subdomain can plant a whole
 * session with the right issuer and audience. A session restored from them counts once the pool's
 * signing keys confirm its tokens (checked in the background after start, keys loaded on demand).
 * True only when a token is definitely not the pool's; a key set that cannot be had decides nothing.
 */
export async function restoredSessionForged(session: AuthSession, pool: ConfiguredPool): Promise<boolean> {
  const ctx = pool.maybeCtx;
  if (!ctx || !pool.config.cookieStorage) return false;
  const { signedByPool } = await import('../oauth/idTokenSignature');
  const { region, endpoint } = pool.config;
  const where = { region, userPoolId: ctx.userPoolId, ...(endpoint ? { endpoint } : {}) };
  return (await signedByPool([session.idToken, session.accessToken], where, pool.signingKeys)) === false;
}
