import { authError } from './normalizeError';
import { decodeJwtPayload, type JwtPayload } from './session/jwt';

/** A JWT read (not verified: Cognito and your API verify signatures), as Amplify v6's `decodeJWT` returns it. */
export interface DecodedJWT {
  payload: JwtPayload;
  /** The token as it came. */
  toString(): string;
}

/** Amplify v6's `decodeJWT`: the claims of a token; `InvalidArgument` for anything that is not a JWT. */
export function decodeJWT(token: string): DecodedJWT {
  const payload = typeof token === 'string' && token.split('.').length === 3 ? decodeJwtPayload(token) : undefined;
  if (!payload) throw authError('InvalidArgument', 'This is not a JSON Web Token.', 'decodeJWT');
  return { payload, toString: () => token };
}
