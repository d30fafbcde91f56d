import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeConfig,
  normalizeConfigInput,
  resolveConfig,
  type AuthConfig,
  type AuthConfigInput,
  type CookieSameSite,
  type ResolvedAuthConfig,
} from '../../src/core/config';
import { ConfigError } from '../../src/core/errors';
import { tally } from '../reliability/tally';

// ---- generators of valid configs -------------------------------------------------------------

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-2', 'ap-southeast-1', 'us-gov-west-1', 'cn-north-1', 'il-central-1', 'ca-west-1'];
const chars = (set: string) => fc.constantFrom(...set.split(''));
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = `${LOWER_ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

const region = fc.constantFrom(...REGIONS);
const poolSuffix = fc.string({ unit: chars(ALNUM), minLength: 1, maxLength: 12 });
const clientId = fc.oneof(
  fc.string({ unit: chars(LOWER_ALNUM), minLength: 26, maxLength: 26 }), // what cognito-local generates
  fc.string({ unit: chars(`${ALNUM}_+`), minLength: 1, maxLength: 128 }),
);
const label = fc.string({ unit: chars(LOWER_ALNUM), minLength: 1, maxLength: 10 });
const host = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => `${labels.join('.')}.example.com`);
const redirect = fc.oneof(
  fc.tuple(fc.constantFrom('http', 'https'), host, fc.option(fc.integer({ min: 1, max: 65535 })), fc.array(label, { maxLength: 3 })).map(
    ([scheme, name, port, path]) => `${scheme}://${name}${port === null ? '' : `:${port}`}/${path.join('/')}`,
  ),
  fc.constantFrom('myapp://', 'myapp://callback', 'com.example.app:/cb', 'http://localhost:3000/'),
);
const redirectList = fc
  .array(redirect, { minLength: 1, maxLength: 3 })
  .chain((urls) => fc.constantFrom(', ', ',', ' , ').map((separator) => urls.join(separator)));
const scopeName = fc.string({ unit: chars(`${LOWER_ALNUM}._/:`), minLength: 1, maxLength: 20 });
const storageObject = fc.constant(null).map(() => ({ setItem() {}, getItem: () => null, removeItem() {}, clear() {} }));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const validConfig: fc.Arbitrary<AuthConfig> = fc
  .record({
    region,
    kind: fc.constantFrom('userPool', 'identityPool', 'both'),
    explicitRegion: fc.boolean(),
    poolSuffix,
    clientId,
    uuid: fc.uuid(),
    mandatorySignIn: opt(fc.boolean()),
    authenticationFlowType: opt(fc.constantFrom('USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH') as fc.Arbitrary<'USER_SRP_AUTH'>),
    clientMetadata: opt(fc.dictionary(fc.string(), fc.string(), { maxKeys: 4 })),
    storageKind: fc.constantFrom('none', 'cookie', 'custom'),
    cookie: fc.record({
      domain: fc.oneof(host, host.map((name) => `.${name}`), fc.constant('localhost')),
      path: opt(fc.array(label, { maxLength: 2 }).map((parts) => `/${parts.join('/')}`)),
      expires: opt(fc.double({ min: 0.001, max: 10_000, noNaN: true })),
      secure: opt(fc.boolean()),
      // Mixed case is accepted at runtime even though the type only names lowercase.
      sameSite: opt(fc.constantFrom('strict', 'lax', 'Lax', 'STRICT') as fc.Arbitrary<CookieSameSite>),
    }),
    storage: storageObject,
    oauth: opt(
      fc.record({
        domain: fc.oneof(host, host.map((name) => `${name}:8443`)),
        scope: opt(fc.array(scopeName, { maxLength: 5 })),
        redirectSignIn: redirectList,
        redirectSignOut: redirectList,
        responseType: opt(fc.constantFrom('code', 'token') as fc.Arbitrary<'code'>),
      }),
    ),
    endpoint: opt(fc.constantFrom('http://localhost:9229', 'https://proxy.example.com/cognito/')),
    refreshTokenRotation: opt(fc.boolean()),
  })
  .map((g): AuthConfig => {
    const config: AuthConfig = {};
    if (g.explicitRegion) config.region = g.region;
    // An identity-pool-only config cannot use the hosted UI, which needs an app client.
    const userPool = g.kind !== 'identityPool';
    if (userPool) Object.assign(config, { userPoolId: `${g.region}_${g.poolSuffix}`, userPoolWebClientId: g.clientId });
    if (g.kind !== 'userPool') config.identityPoolId = `${g.region}:${g.uuid}`;
    if (g.storageKind === 'cookie') config.cookieStorage = withoutUndefined(g.cookie);
    if (g.storageKind === 'custom') config.storage = g.storage;
    if (userPool && g.oauth !== undefined) config.oauth = withoutUndefined(g.oauth);
    for (const key of ['mandatorySignIn', 'authenticationFlowType', 'clientMetadata', 'endpoint', 'refreshTokenRotation'] as const) {
      if (g[key] !== undefined) Object.assign(config, { [key]: g[key] });
    }
    return config;
  });

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** The same config as aws-exports, for the fields aws-exports can carry. */
function toAwsExports(config: AuthConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { aws_project_region: config.region ?? 'us-east-1' };
  const map = {
    region: 'aws_cognito_region',
    userPoolId: 'aws_user_pools_id',
    userPoolWebClientId: 'aws_user_pools_web_client_id',
    identityPoolId: 'aws_cognito_identity_pool_id',
    endpoint: 'aws_user_pools_endpoint',
    authenticationFlowType: 'aws_cognito_authentication_flow_type',
    oauth: 'oauth',
  } as const;
  for (const [key, awsKey] of Object.entries(map)) {
    const value = config[key as keyof typeof map];
    if (value !== undefined) out[awsKey] = value;
  }
  if (config.mandatorySignIn !== undefined) out.aws_mandatory_sign_in = config.mandatorySignIn ? 'enable' : 'disable';
  return out;
}

function onlyAwsExportsFields(config: AuthConfig): AuthConfig {
  const { cookieStorage: _c, storage: _s, clientMetadata: _m, refreshTokenRotation: _r, ...rest } = config;
  return rest;
}

// ---- invalid values, per field ---------------------------------------------------------------

const notString = fc.anything().filter((value) => typeof value !== 'string' && value !== undefined);
const notBoolean = fc.anything().filter((value) => typeof value !== 'boolean' && value !== undefined);
const notObject = fc.anything().filter((value) => value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)));
const badUrl = fc.oneof(notString, fc.constantFrom('', 'localhost:9229', 'ftp://example.com', '/relative', 'http://'));
const badRedirect = fc.oneof(
  notString,
  fc.constantFrom('', 'localhost:3000', '/cb', 'javascript:alert(1)', 'data:text/html,x', 'http://a.com/#x', 'http://a.com/,,myapp://', 'not a url'),
);

/** Field path → values that field must reject in every config (valid or not around it). */
const INVALID: Record<string, fc.Arbitrary<unknown>> = {
  userPoolId: fc.oneof(notString, fc.constantFrom('', 'foo', 'us-east-1', 'us-east-1_', '_Ab1', 'us-east-1_a-b', 'a_b c')),
  userPoolWebClientId: fc.oneof(notString, fc.constantFrom('', 'abc-def', 'a b', 'x'.repeat(129))),
  identityPoolId: fc.oneof(notString, fc.constantFrom('', 'us-east-1', 'us-east-1:', 'us-east-1:xyz', 'us-east-1_abc')),
  region: fc.oneof(notString, fc.constantFrom('', 'us east 1', 'us.east.1', 'us/east')),
  identityPoolRegion: fc.oneof(notString, fc.constantFrom('', 'eu west', 'eu.west.1')),
  mandatorySignIn: fc.oneof(notBoolean, fc.constantFrom('true', 'enable', 0, 1)),
  refreshTokenRotation: fc.oneof(notBoolean, fc.constantFrom('true', 'enabled', 0, 1)),
  authenticationFlowType: fc.oneof(notString, fc.constantFrom('', 'USER_SRP', 'user_srp_auth')),
  clientMetadata: fc.oneof(notObject, fc.constant(new Map([['a', 'b']]))),
  cookieStorage: notObject,
  'cookieStorage.domain': fc.oneof(notString, fc.constantFrom('', 'https://a.com', 'a.com:443', 'a.com/x', 'a;b')),
  'cookieStorage.path': fc.oneof(notString, fc.constantFrom('', 'app', '/a b', '/a;b')),
  'cookieStorage.expires': fc.oneof(
    fc.anything().filter((value) => typeof value !== 'number' && value !== undefined),
    fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, -Number.MIN_VALUE),
  ),
  'cookieStorage.secure': notBoolean,
  'cookieStorage.sameSite': fc.oneof(notString, fc.constantFrom('', 'nonee', 'strict ')),
  storage: fc.oneof(notObject, fc.constant({ setItem() {}, getItem() {} })),
  oauth: notObject,
  'oauth.domain': fc.oneof(notString, fc.constantFrom('', 'https://a.com', 'a.com/', 'a.com/login', 'a b.com')),
  'oauth.scope': fc.oneof(
    fc.anything().filter((value) => !Array.isArray(value) && value !== undefined),
    fc.constantFrom([''], ['a b'], [3], ['openid', null]),
  ),
  'oauth.redirectSignIn': badRedirect,
  'oauth.redirectSignOut': badRedirect,
  'oauth.responseType': fc.oneof(notString, fc.constantFrom('', 'id_token', 'CODE')),
  endpoint: badUrl,
  identityPoolEndpoint: badUrl,
};

const PARENT_DEFAULTS: Record<string, Record<string, unknown>> = {
  cookieStorage: { domain: '.example.com' },
  oauth: { domain: 'auth.example.com', redirectSignIn: 'http://localhost:3000/', redirectSignOut: 'http://localhost:3000/' },
};

/** A copy of `config` with `field` (a dotted path) set to `value`, creating its parent if needed. */
function withField(config: AuthConfig, field: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  const [head = '', child] = field.split('.');
  if (child === undefined) {
    copy[head] = value;
  } else {
    const parent = copy[head];
    const base = typeof parent === 'object' && parent !== null ? parent : PARENT_DEFAULTS[head];
    copy[head] = { ...base, [child]: value };
  }
  return copy;
}

const mutated = fc
  .tuple(validConfig, fc.constantFrom(...Object.keys(INVALID)))
  .chain(([config, field]) => (INVALID[field] ?? fc.constant(null)).map((value) => ({ config, field, input: withField(config, field, value) })));

// ---- arbitrary inputs: mostly-valid, mutated, and garbage -------------------------------------

const richAnything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  maxDepth: 3,
});
const KNOWN_KEYS = [...Object.keys(INVALID).filter((key) => !key.includes('.'))];
const knownKeysWithJunk = fc.dictionary(fc.constantFrom(...KNOWN_KEYS), fc.oneof(richAnything, fc.func(fc.anything())), { maxKeys: 6 });
const awsKeysWithJunk = fc.dictionary(
  fc.constantFrom('aws_cognito_region', 'aws_user_pools_id', 'aws_user_pools_web_client_id', 'aws_cognito_identity_pool_id', 'aws_mandatory_sign_in', 'aws_user_pools_endpoint', 'oauth'),
  richAnything,
  { minKeys: 1, maxKeys: 5 },
);
const inForm = (config: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(config, fc.constantFrom('auth', 'wrapped', 'awsExports')).map(([value, form]): unknown =>
    form === 'auth' ? value : form === 'wrapped' ? { Auth: value, API: {} } : toAwsExports(value as AuthConfig),
  );
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  inForm(validConfig as fc.Arbitrary<Record<string, unknown>>),
  inForm(mutated.map((m) => m.input)),
  knownKeysWithJunk,
  knownKeysWithJunk.map((auth) => ({ Auth: auth })),
  awsKeysWithJunk,
  richAnything,
  fc.constantFrom(Symbol('x'), () => ({}), new (class Config {})(), Object.create(null) as unknown),
);

type Outcome = { ok: true; value: ResolvedAuthConfig; normalized: AuthConfig } | { ok: false; error: ConfigError; normalized?: AuthConfig };

/** normalize → resolve; any exception other than ConfigError escapes and fails the property. */
function attempt(input: unknown): Outcome {
  let normalized: AuthConfig | undefined;
  try {
    normalized = normalizeConfigInput(input as AuthConfigInput); // any value, as a plain-JS app may pass
    return { ok: true, value: resolveConfig(normalized), normalized };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return normalized === undefined ? { ok: false, error } : { ok: false, error, normalized };
  }
}

const REQUIRED = new Set(['userPoolId', 'userPoolWebClientId', 'region', 'cookieStorage.domain', 'oauth.domain', 'oauth.redirectSignIn', 'oauth.redirectSignOut']);

function pathExists(root: unknown, field: string): boolean {
  // clientMetadata keys may themselves contain dots.
  const parts = field.startsWith('clientMetadata.') ? ['clientMetadata', field.slice('clientMetadata.'.length)] : field.split('.');
  let node: unknown = root;
  for (const part of parts) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

// ---- properties -------------------------------------------------------------------------------

// 11,000 cases in all (issue 9: at least 10,000), each property tallied in the reliability summary once it has passed.
const RUNS = { anyInput: 4000, valid: 1500, forms: 500, mutated: 2500, errorFields: 2000, merge: 500 } as const;

describe('config properties', () => {
  it('any input yields a ResolvedAuthConfig or a ConfigError, never another exception', () => {
    fc.assert(
      fc.property(anyInput, validConfig, (input, current) => {
        const outcome = attempt(input);
        if (outcome.ok) expect(typeof outcome.value.endpoint).toBe('string');
        try {
          resolveConfig(input as AuthConfig);
          resolveConfig(mergeConfig(current, input));
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
        }
      }),
      { numRuns: RUNS.anyInput },
    );
    tally('fuzzCases', RUNS.anyInput);
  });

  it('every generated valid config resolves, with defaults filled in', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const resolved = resolveConfig(config);
        const poolRegion = (config.userPoolId ?? config.identityPoolId ?? '').split(/[_:]/)[0];
        expect(resolved.region).toBe(poolRegion);
        expect(resolved.mandatorySignIn).toBe(config.mandatorySignIn ?? false);
        expect(resolved.authenticationFlowType).toBe(config.authenticationFlowType ?? 'USER_SRP_AUTH');
        expect(resolved.endpoint).toBe(config.endpoint ?? `https://cognito-idp.${poolRegion}.amazonaws.com${poolRegion?.startsWith('cn-') ? '.cn' : ''}/`);
        if (config.cookieStorage) expect(resolved.cookieStorage?.path).toBe(config.cookieStorage.path ?? '/');
        if (config.oauth) expect(resolved.oauth?.responseType).toBe(config.oauth.responseType ?? 'code');
        expect(resolved.oauth?.redirectSignIn.every((url) => url === url.trim() && url !== '') ?? true).toBe(true);
      }),
      { numRuns: RUNS.valid },
    );
    tally('fuzzCases', RUNS.valid);
  });

  it('Auth, { Auth } and aws-exports forms resolve to the same config', () => {
    fc.assert(
      fc.property(validConfig.map(onlyAwsExportsFields), (config) => {
        const expected = resolveConfig(config);
        expect(resolveConfig(normalizeConfigInput({ Auth: config }))).toStrictEqual(expected);
        expect(resolveConfig(normalizeConfigInput(toAwsExports(config)))).toStrictEqual(expected);
      }),
      { numRuns: RUNS.forms },
    );
    tally('fuzzCases', RUNS.forms);
  });

  it('a field set to an invalid value is always named in the ConfigError', () => {
    fc.assert(
      fc.property(mutated, ({ field, input }) => {
        const outcome = attempt(input);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.error.fields).toContain(field);
      }),
      { numRuns: RUNS.mutated },
    );
    tally('fuzzCases', RUNS.mutated);
  });

  it('a ConfigError names at least one field, each a path in the input or a required field', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = attempt(input);
        if (outcome.ok) return;
        expect(outcome.error.issues.length).toBeGreaterThan(0);
        for (const { field, reason } of outcome.error.issues) {
          expect(reason.length).toBeGreaterThan(0);
          // Normalization failures point into the raw input; resolution failures into the Auth config.
          const root = outcome.normalized ?? input;
          const known = field === 'config' || REQUIRED.has(field) || pathExists(root, field) || pathExists(outcome.normalized ?? {}, field);
          expect(known, `unexpected field ${field}`).toBe(true);
        }
      }),
      { numRuns: RUNS.errorFields },
    );
    tally('fuzzCases', RUNS.errorFields);
  });

  it('merging a valid partial over a valid config still resolves', () => {
    fc.assert(
      fc.property(validConfig, validConfig, (current, partial) => {
        const merged = mergeConfig(current, partial);
        // Storage choice follows the later call, so the merge never becomes ambiguous.
        expect(merged.storage !== undefined && merged.cookieStorage !== undefined).toBe(false);
        const attemptMerged = attempt(merged);
        // Mixed pools from two configs may disagree on region; anything else must resolve.
        if (!attemptMerged.ok) {
          for (const f of attemptMerged.error.fields) expect(['region', 'identityPoolId', 'oauth']).toContain(f);
        }
      }),
      { numRuns: RUNS.merge },
    );
    tally('fuzzCases', RUNS.merge);
  });
});
