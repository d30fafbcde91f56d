/**
 * Input narrowing with AWS-style validation messages, plus the two checks most operations start with:
 * the app client id and the access token.
 */
import type { AccessContext } from './tokens';
import type { Ctx, Input } from './context';
import { BackendError, MSG, fail } from './errors';
import type { UserRecord } from './users';

/** AWS reports member names in lowerCamelCase: `Value null at 'clientId'`. */
function memberName(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function typeError(key: string): BackendError {
  return new BackendError('SerializationException', `Unexpected value type for member '${memberName(key)}'`);
}

export function requireString(input: Input, key: string): string {
  const value = input[key];
  if (value === undefined || value === null) {
    throw fail.invalidParameter(
      `1 validation error detected: Value null at '${memberName(key)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  if (typeof value !== 'string') throw typeError(key);
  return value;
}

export function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw typeError(key);
  return value;
}

export function optionalBoolean(input: Input, key: string): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw typeError(key);
  return value;
}

/** AuthParameters / ChallengeResponses: string values; nulls dropped (acij sends `DEVICE_KEY: null`). */
export function stringMap(input: Input, key: string): Record<string, string> {
  const value = input[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError(key);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') throw typeError(`${key}.${k}`);
    out[k] = v;
  }
  return out;
}

/** `[{Name, Value}]` → record. */
export function attributeList(input: Input, key: string): Record<string, string> {
  const value = input[key];
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw typeError(key);
  const out: Record<string, string> = {};
  for (const item of value) {
    if (typeof item !== 'object' || item === null) throw typeError(key);
    const name: unknown = (item as Record<string, unknown>).Name;
    const val: unknown = (item as Record<string, unknown>).Value;
    if (typeof name !== 'string' || (val !== undefined && val !== null && typeof val !== 'string')) throw typeError(key);
    out[name] = typeof val === 'string' ? val : '';
  }
  return out;
}

export function stringList(input: Input, key: string): string[] {
  const value = input[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw typeError(key);
  return value as string[];
}

export function requireParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw fail.invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/** Public operations name the app client; an unknown one doesn't exist in this pool. */
export function requireClient(ctx: Ctx, input: Input): void {
  const clientId = requireString(input, 'ClientId');
  if (clientId !== ctx.config.clientId) throw fail.resourceNotFound(`User pool client ${clientId} does not exist.`);
}

/** Verifies `AccessToken` (incl. the `aws.cognito.signin.user.admin` scope) and returns its (still existing, enabled) user. */
export async function userFromAccessToken(ctx: Ctx, input: Input): Promise<{ user: UserRecord; access: AccessContext }> {
  const access = await ctx.tokens.verifyAccess(requireString(input, 'AccessToken'));
  // Hosted-UI tokens reach the user API only when the admin scope was granted.
  const scope = typeof access.claims.scope === 'string' ? access.claims.scope.split(' ') : [];
  if (!scope.includes('aws.cognito.signin.user.admin')) throw fail.notAuthorized('Access Token does not have required scopes');
  const user = ctx.users.get(access.username);
  // A recreated user with the same name is a different sub: the old token must not reach it.
  if (!user || user.sub !== access.sub) throw fail.userNotFound(MSG.userNotFound);
  if (!user.enabled) throw fail.notAuthorized(MSG.userDisabled);
  return { user, access };
}
