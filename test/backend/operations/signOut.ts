/** GlobalSignOut and RevokeToken. */
import type { Operation } from '../context';
import { fail } from '../errors';
import { requireClient, requireString, userFromAccessToken } from '../input';

export const GlobalSignOut: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  ctx.tokens.revokeUser(user.sub);
  return {};
};

export const RevokeToken: Operation = async (ctx, input) => {
  const token = requireString(input, 'Token');
  requireClient(ctx, input);
  // Only refresh tokens can be revoked; a JWT (access/id token) is the wrong type.
  if (token.split('.').length === 3) throw fail.unsupportedTokenType('Unsupported token type');
  // Unknown or already revoked tokens succeed silently (RFC 7009 §2.2, which Cognito follows).
  ctx.tokens.revokeRefreshToken(token);
  return {};
};
