import { decodeJwtPayload, type JwtPayload } from './jwt';

/** Who may have issued this pool's tokens: Cognito's issuer URL, and the endpoint override's (emulators). */
export function poolIssuers(region: string, userPoolId: string, endpoint?: string): string[] {
  const issuers = [`https://cognito-idp.${region}.amazonaws.com/${userPoolId}`];
  if (endpoint) issuers.push(`${endpoint.replace(/\/+$/, '')}/${userPoolId}`);
  return issuers;
}

export interface TokenOrigin {
  clientId: string;
  issuers: readonly string[];
}

/**
 * Whether stored tokens were issued to this app client by this pool. Storage is shared with other
 * apps on the origin (and, with cookies, on the domain): tokens under our keys that name another
 * client or pool are not our session, whoever wrote them. (Signatures are not checked here: that
 * needs the pool's keys, a request; the server rejects a forged token at its first use.)
 */
export function issuedFor(idToken: string, accessToken: string, origin: TokenOrigin): boolean {
  const id = decodeJwtPayload(idToken);
  const access = decodeJwtPayload(accessToken);
  if (!id || !access) return false;
  const fromPool = (payload: JwtPayload) => typeof payload['iss'] === 'string' && origin.issuers.includes(payload['iss']);
  return fromPool(id) && fromPool(access) && idTokenAudience(id, origin.clientId) && access['client_id'] === origin.clientId;
}

/** OIDC Core 3.1.3.7: `aud` contains the client, and with several audiences `azp` names it. */
export function idTokenAudience(payload: JwtPayload, clientId: string): boolean {
  const aud = payload['aud'];
  if (aud === clientId) return payload['azp'] === undefined || payload['azp'] === clientId;
  if (!Array.isArray(aud) || !aud.includes(clientId)) return false;
  return aud.length === 1 ? payload['azp'] === undefined || payload['azp'] === clientId : payload['azp'] === clientId;
}
