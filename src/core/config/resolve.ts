import { ConfigError } from '../errors';
import { Issues, describe, expected, guard, isObjectLike, isPlainObject, oneOf, quoteAll } from './issues';
import { AUTH_KEYS } from './keys';
import {
  defaultIdentityPoolEndpoint,
  defaultUserPoolEndpoint,
  httpUrlProblem,
  identityPoolRegion,
  isClientId,
  isRegion,
  placeholderHint,
  userPoolRegion,
} from './patterns';
import { resolveOAuth } from './resolveOAuth';
import { resolvePoolSettings } from './resolvePoolSettings';
import { resolveStorage } from './resolveStorage';
import type { AuthConfig, AuthenticationFlowType, ResolvedAuthConfig } from './types';

type Raw = Partial<Record<(typeof AUTH_KEYS)[number], unknown>>;

const FLOW_TYPES: readonly AuthenticationFlowType[] = Object.freeze(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH', 'USER_AUTH']);

const REGION_FORMAT = 'an AWS region such as "us-east-1"';
const USER_POOL_FORMAT = '"<region>_<id>" such as "us-east-1_AbCdEf123"';
const IDENTITY_POOL_FORMAT = '"<region>:<uuid>" such as "us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"';
const CLIENT_ID_FORMAT = '1-128 letters, digits, "_" or "+" (the app client id, e.g. "a1b2c3d4e5f6g7h8i9j0k1l2m3")';
const URL_FORMAT = 'an absolute http(s) URL such as "http://localhost:9229/"';

/**
 * Applies defaults and validates. Throws one ConfigError listing every bad field (dotted path
 * plus reason); never throws anything else, whatever `config` holds.
 */
export function resolveConfig(config: AuthConfig): ResolvedAuthConfig {
  return guard(() => {
    if (!isObjectLike(config)) {
      throw new ConfigError([{ field: 'config', reason: expected('an Auth config object', config) }]);
    }
    const issues = new Issues();
    const raw: Raw = issues.read(config, AUTH_KEYS, '');
    const pools = resolvePools(raw, issues);
    const endpoints = resolveEndpoints(raw, pools, issues);
    const storage = resolveStorage(raw.cookieStorage, raw.storage, issues);
    const oauth = resolveOAuth(raw.oauth, issues);
    // The hosted UI signs in to a user pool app client; without one it has nothing to talk to.
    if (oauth !== undefined && raw.userPoolWebClientId === undefined) {
      issues.add('oauth', 'needs userPoolId and userPoolWebClientId: the hosted UI signs in to a user pool app client');
    }
    const mandatorySignIn = oneOf(raw.mandatorySignIn, [false, true], 'mandatorySignIn', 'true or false', issues);
    const flow = oneOf(raw.authenticationFlowType, FLOW_TYPES, 'authenticationFlowType', quoteAll(FLOW_TYPES), issues);
    const clientMetadata = resolveClientMetadata(raw.clientMetadata, issues);
    const rotation = oneOf(raw.refreshTokenRotation, [false, true], 'refreshTokenRotation', 'true or false', issues);
    const requestTimeout = resolveTimeout(raw.requestTimeout, issues);
    const poolSettings = resolvePoolSettings(raw.poolSettings, issues);
    issues.throwIfAny();
    // No issues means resolvePools derived a region; the check only narrows the type.
    if (pools.region === undefined || endpoints.endpoint === undefined) {
      throw new ConfigError([{ field: 'region', reason: 'could not be derived' }]);
    }
    const resolved: ResolvedAuthConfig = {
      region: pools.region,
      mandatorySignIn: mandatorySignIn ?? false,
      authenticationFlowType: flow ?? 'USER_SRP_AUTH',
      clientMetadata,
      endpoint: endpoints.endpoint,
    };
    if (pools.userPoolId !== undefined) resolved.userPoolId = pools.userPoolId;
    if (pools.userPoolWebClientId !== undefined) resolved.userPoolWebClientId = pools.userPoolWebClientId;
    if (pools.identityPoolId !== undefined) resolved.identityPoolId = pools.identityPoolId;
    if (pools.identityPoolRegion !== undefined) resolved.identityPoolRegion = pools.identityPoolRegion;
    if (endpoints.identityPoolEndpoint !== undefined) resolved.identityPoolEndpoint = endpoints.identityPoolEndpoint;
    if (storage.cookieStorage !== undefined) resolved.cookieStorage = storage.cookieStorage;
    if (storage.storage !== undefined) resolved.storage = storage.storage;
    if (oauth !== undefined) resolved.oauth = oauth;
    if (rotation === true) resolved.refreshTokenRotation = true;
    if (requestTimeout !== undefined) resolved.requestTimeout = requestTimeout;
    if (poolSettings !== undefined) resolved.poolSettings = poolSettings;
    return resolved;
  });
}

interface Pools {
  region?: string;
  userPoolId?: string;
  userPoolWebClientId?: string;
  identityPoolId?: string;
  identityPoolRegion?: string;
}

function resolvePools(raw: Raw, issues: Issues): Pools {
  // An endpoint override means an emulator or proxy, whose ids need not name a real region.
  const looseUserPool = raw.endpoint !== undefined;
  const looseIdentityPool = raw.identityPoolEndpoint !== undefined;
  const region = checkRegion(raw.region, 'region', looseUserPool, issues);
  const idpRegion = checkRegion(raw.identityPoolRegion, 'identityPoolRegion', looseIdentityPool, issues);
  const pools: Pools = {};

  if (raw.userPoolId !== undefined) {
    const id = raw.userPoolId;
    const fromId = typeof id === 'string' ? userPoolRegion(id, looseUserPool) : undefined;
    if (typeof id !== 'string' || fromId === undefined) {
      issues.add('userPoolId', expected(USER_POOL_FORMAT, id) + hint(id));
    } else {
      pools.userPoolId = id;
      pools.region = fromId;
      if (region !== undefined && region !== fromId) {
        issues.add('region', `${describe(region)} does not match the region of userPoolId (${describe(fromId)})`);
      }
    }
  }

  const clientId = raw.userPoolWebClientId;
  if (clientId !== undefined) {
    if (typeof clientId !== 'string' || !isClientId(clientId)) {
      issues.add('userPoolWebClientId', expected(CLIENT_ID_FORMAT, clientId));
    } else {
      pools.userPoolWebClientId = clientId;
    }
  }
  // A pool without its app client (or the reverse) cannot sign anyone in.
  if (raw.userPoolId !== undefined && clientId === undefined) {
    issues.add('userPoolWebClientId', 'is required when userPoolId is set');
  }
  if (clientId !== undefined && raw.userPoolId === undefined) {
    issues.add('userPoolId', 'is required when userPoolWebClientId is set');
  }

  if (raw.identityPoolId !== undefined) {
    const id = raw.identityPoolId;
    const fromId = typeof id === 'string' ? identityPoolRegion(id, looseIdentityPool) : undefined;
    if (typeof id !== 'string' || fromId === undefined) {
      issues.add('identityPoolId', expected(IDENTITY_POOL_FORMAT, id) + hint(id));
    } else {
      const [want, source] = idpRegion !== undefined ? [idpRegion, 'identityPoolRegion'] : [region, 'region'];
      if (want !== undefined && want !== fromId) {
        issues.add('identityPoolId', `its region ${describe(fromId)} does not match ${source} (${describe(want)})`);
      }
      pools.identityPoolId = id;
      pools.identityPoolRegion = fromId;
      pools.region ??= region ?? fromId;
    }
  }

  if (raw.userPoolId === undefined && raw.identityPoolId === undefined && !issues.has('userPoolId')) {
    issues.add('userPoolId', 'userPoolId (with userPoolWebClientId) or identityPoolId is required (an Amplify v6 config or amplify_outputs.json goes in as a whole)');
  }
  if (pools.region === undefined && issues.list.length === 0) {
    issues.add('region', 'could not be derived: set region or a valid userPoolId');
  }
  return pools;
}

function checkRegion(value: unknown, field: string, loose: boolean, issues: Issues): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isRegion(value, loose)) return value;
  issues.add(field, expected(REGION_FORMAT, value) + hint(value));
  return undefined;
}

function hint(value: unknown): string {
  return typeof value === 'string' ? placeholderHint(value) : '';
}

function resolveEndpoints(
  raw: Raw,
  pools: Pools,
  issues: Issues,
): { endpoint?: string; identityPoolEndpoint?: string } {
  const endpoint = checkUrl(raw.endpoint, 'endpoint', issues);
  const identityPoolEndpoint = checkUrl(raw.identityPoolEndpoint, 'identityPoolEndpoint', issues);
  const out: { endpoint?: string; identityPoolEndpoint?: string } = {};
  if (pools.region !== undefined) out.endpoint = endpoint ?? defaultUserPoolEndpoint(pools.region);
  // Only meaningful with an identity pool; without one the credentials flow never runs.
  if (pools.identityPoolRegion !== undefined) {
    out.identityPoolEndpoint = identityPoolEndpoint ?? defaultIdentityPoolEndpoint(pools.identityPoolRegion);
  }
  return out;
}

function checkUrl(value: unknown, field: string, issues: Issues): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && httpUrlProblem(value.trim()) === undefined) return value.trim();
  issues.add(field, expected(URL_FORMAT, value));
  return undefined;
}

// setTimeout's ceiling: a larger delay fires at once, the opposite of what was asked.
const MAX_TIMEOUT_MS = 2_147_483_647;

function resolveTimeout(value: unknown, issues: Issues): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_TIMEOUT_MS) return value;
  issues.add('requestTimeout', expected(`a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}, such as 15000`, value));
  return undefined;
}

function resolveClientMetadata(value: unknown, issues: Issues): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) {
    issues.add('clientMetadata', expected('a plain object of string values', value));
    return {};
  }
  const keys = Object.keys(value);
  const read = issues.read(value, keys, 'clientMetadata.');
  const entries: Array<[string, string]> = [];
  for (const key of keys) {
    const item = read[key];
    if (typeof item === 'string') entries.push([key, item]);
    else issues.add(`clientMetadata.${key}`, expected('a string', item));
  }
  // fromEntries defines own properties, so a "__proto__" key stays data instead of a prototype.
  return Object.fromEntries(entries);
}
