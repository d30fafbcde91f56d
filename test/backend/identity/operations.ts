/** Cognito Identity (`AWSCognitoIdentityService.*`): GetId and GetCredentialsForIdentity. */
import type { Ctx, Input, Operation } from '../context';
import { BackendError, fail } from '../errors';
import { optionalString, requireString } from '../input';
import { loginSub } from './logins';

const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const UNAUTH_NOT_SUPPORTED = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_DONT_MATCH = "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/** Required id member with the AWS pattern check (`[\w-]+:[0-9a-f-]+`). */
function requireId(input: Input, key: 'IdentityPoolId' | 'IdentityId'): string {
  const value = requireString(input, key);
  if (!ID_PATTERN.test(value) || value.length > 55) {
    const member = key.charAt(0).toLowerCase() + key.slice(1);
    throw fail.invalidParameter(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`,
    );
  }
  return value;
}

export const GetId: Operation = async (ctx, input) => {
  const poolId = requireId(input, 'IdentityPoolId');
  optionalString(input, 'AccountId');
  if (poolId !== ctx.config.identityPool.identityPoolId) throw fail.resourceNotFound(`IdentityPool '${poolId}' not found.`);
  const sub = await loginSub(ctx, input);
  if (sub !== undefined) return { IdentityId: ctx.identities.forUser(sub).id };
  if (!ctx.config.identityPool.allowUnauthenticated) throw fail.notAuthorized(UNAUTH_NOT_SUPPORTED);
  return { IdentityId: ctx.identities.guest().id };
};

export const GetCredentialsForIdentity: Operation = async (ctx: Ctx, input) => {
  const id = requireId(input, 'IdentityId');
  // Accepted and ignored: the stand-in pool uses its default roles ("Use default role").
  optionalString(input, 'CustomRoleArn');
  const identity = ctx.identities.get(id);
  if (!identity) throw fail.resourceNotFound(`Identity '${id}' not found.`);
  const pool = ctx.config.identityPool;
  const sub = await loginSub(ctx, input);
  let target = identity;
  if (identity.sub !== undefined) {
    if (sub !== identity.sub) throw fail.notAuthorized(LOGINS_DONT_MATCH);
  } else if (sub !== undefined) {
    target = ctx.identities.claim(identity, sub);
  } else if (!pool.allowUnauthenticated) {
    throw fail.notAuthorized(UNAUTH_NOT_SUPPORTED);
  }
  const roleArn = target.sub !== undefined ? pool.roles.authenticated : pool.roles.unauthenticated;
  if (!roleArn) {
    throw new BackendError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
  }
  const issued = ctx.identities.issue(target, roleArn, pool.credentialsSeconds);
  return {
    IdentityId: target.id,
    Credentials: {
      AccessKeyId: issued.accessKeyId,
      SecretKey: issued.secretAccessKey,
      SessionToken: issued.sessionToken,
      // AWS JSON timestamps are epoch seconds.
      Expiration: issued.expiration / 1000,
    },
  };
};

export const IDENTITY_OPERATIONS: Readonly<Record<string, Operation>> = { GetId, GetCredentialsForIdentity };
