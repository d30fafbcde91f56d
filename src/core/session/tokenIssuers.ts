import { defaultUserPoolEndpoint } from '../config/patterns';
import { decodeJwtPayload, type JwtPayload } from './jwt';

/** Who may have issued this pool's tokens: Cognito's issuer URL (China regions included), and the endpoint override's (emulators). */
export function poolIssuers(region: string, userPoolId: string, endpoint?: string): string[] {
  const issuers = [`${defaultUserPoolEndpoint(region)}${userPoolId}`];
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
  return fromPool(id) && fromPool(access) && audienceProblem(id, origin.clientId) === undefined && access['client_id'] === origin.clientId;
}

/**
 * OIDC Core 3.1.3.7: `aud` contains the client; `azp`, when present, names it; with several
 * audiences it must be present. What is wrong, or undefined when nothing is.
 */
export function audienceProblem(payload: JwtPayload, clientId: string): string | undefined {
  const aud = payload['aud'];
  const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(clientId)) return 'another audience (client)';
  // A token for several audiences was issued to whoever `azp` names: it must be this client.
  const azp = payload['azp'];
  if (azp !== undefined && azp !== clientId) return 'another authorized party (azp)';
  if (audiences.length > 1 && azp === undefined) return 'several audiences and no authorized party (azp)';
  return undefined;
}
