// Config forms, defaults, ids and regions, and how errors are reported.
import { describe, expect, it } from 'vitest';
import {
  normalizeConfigInput,
  resolveConfig,
  type AuthConfig,
  type AuthConfigInput,
} from '../../src/core/config';
import { BASE, CLIENT, IDP, OAUTH, POOL, errorOf, fieldsOf, issuesOf, load, reasonFor } from './config.support';

describe('defaults', () => {
  it('resolves a user pool config with every default applied and nothing extra', () => {
    expect(load(BASE)).toStrictEqual({
      region: 'us-east-1',
      userPoolId: POOL,
      userPoolWebClientId: CLIENT,
      mandatorySignIn: false,
      authenticationFlowType: 'USER_SRP_AUTH',
      clientMetadata: {},
      endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/',
    });
  });

  it('resolves an identity-pool-only config, deriving its region and endpoint from the id', () => {
    expect(load({ identityPoolId: 'eu-west-2:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' })).toStrictEqual({
      region: 'eu-west-2',
      identityPoolId: 'eu-west-2:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
      identityPoolRegion: 'eu-west-2',
      mandatorySignIn: false,
      authenticationFlowType: 'USER_SRP_AUTH',
      clientMetadata: {},
      endpoint: 'https://cognito-idp.eu-west-2.amazonaws.com/',
      identityPoolEndpoint: 'https://cognito-identity.eu-west-2.amazonaws.com/',
    });
  });

  it('resolves the seed guide example (with real values) as written', () => {
    const resolved = load({
      Auth: {
        identityPoolId: IDP,
        region: 'us-east-1',
        identityPoolRegion: 'us-east-1',
        userPoolId: POOL,
        userPoolWebClientId: CLIENT,
        mandatorySignIn: false,
        cookieStorage: { domain: '.yourdomain.com', path: '/', expires: 365, secure: true },
        authenticationFlowType: 'USER_PASSWORD_AUTH',
        clientMetadata: { myCustomKey: 'myCustomValue' },
        oauth: { ...OAUTH, scope: ['phone', 'email', 'profile', 'openid', 'aws.cognito.signin.user.admin'], responseType: 'code' },
      },
    });
    expect(resolved.authenticationFlowType).toBe('USER_PASSWORD_AUTH');
    expect(resolved.cookieStorage).toStrictEqual({ domain: '.yourdomain.com', path: '/', expires: 365, secure: true });
    expect(resolved.clientMetadata).toStrictEqual({ myCustomKey: 'myCustomValue' });
    expect(resolved.identityPoolEndpoint).toBe('https://cognito-identity.us-east-1.amazonaws.com/');
    expect(resolved.oauth?.redirectSignIn).toStrictEqual(['http://localhost:3000/']);
  });

  it('uses the amazonaws.com.cn suffix for China regions', () => {
    const resolved = load({ userPoolId: 'cn-north-1_AbC123', userPoolWebClientId: CLIENT, identityPoolId: 'cn-north-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' });
    expect(resolved.endpoint).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(resolved.identityPoolEndpoint).toBe('https://cognito-identity.cn-north-1.amazonaws.com.cn/');
  });
});

describe('input forms', () => {
  const auth: AuthConfig = {
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_Xyz789',
    userPoolWebClientId: CLIENT,
    identityPoolId: 'eu-west-2:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
    mandatorySignIn: true,
    authenticationFlowType: 'CUSTOM_AUTH',
    endpoint: 'https://proxy.example.com/cognito',
    identityPoolEndpoint: 'https://proxy.example.com/identity',
    oauth: { ...OAUTH, scope: ['openid'], responseType: 'token' },
  };
  const awsExports = {
    aws_project_region: 'eu-west-2',
    aws_cognito_region: 'eu-west-2',
    aws_user_pools_id: 'eu-west-2_Xyz789',
    aws_user_pools_web_client_id: CLIENT,
    aws_cognito_identity_pool_id: 'eu-west-2:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
    aws_mandatory_sign_in: 'enable',
    aws_cognito_authentication_flow_type: 'CUSTOM_AUTH',
    aws_user_pools_endpoint: 'https://proxy.example.com/cognito',
    aws_cognito_identity_pool_endpoint: 'https://proxy.example.com/identity',
    oauth: { ...OAUTH, scope: ['openid'], responseType: 'token' },
    aws_appsync_graphqlEndpoint: 'https://example.com/graphql',
  };

  it('gives the same resolved config for Auth, { Auth } and aws-exports', () => {
    const expected = load(auth);
    expect(load({ Auth: auth, API: { endpoints: [] } })).toStrictEqual(expected);
    expect(load(awsExports)).toStrictEqual(expected);
    expect(expected.mandatorySignIn).toBe(true);
  });

  it.each([
    ['enable', true],
    ['disable', false],
    [true, true],
    [false, false],
  ])('maps aws_mandatory_sign_in %j to %j', (value, mandatory) => {
    expect(load({ aws_user_pools_id: POOL, aws_user_pools_web_client_id: CLIENT, aws_mandatory_sign_in: value }).mandatorySignIn).toBe(mandatory);
  });

  it('reports an unknown aws_mandatory_sign_in value on mandatorySignIn', () => {
    expect(fieldsOf({ aws_user_pools_id: POOL, aws_user_pools_web_client_id: CLIENT, aws_mandatory_sign_in: 'yes' })).toStrictEqual(['mandatorySignIn']);
  });

  it('treats the CLI\'s empty `oauth: {}` as no hosted UI', () => {
    expect(load({ aws_user_pools_id: POOL, aws_user_pools_web_client_id: CLIENT, oauth: {} }).oauth).toBeUndefined();
  });

  it('ignores keys of other categories and unknown Auth keys', () => {
    expect(load({ ...BASE, signUpVerificationMethod: 'code', Storage: {} })).toStrictEqual(load(BASE));
  });

  it('lets an explicit Auth override aws_ keys beside it, as Amplify does', () => {
    const resolved = load({ aws_user_pools_id: 'eu-west-1_Old1', aws_user_pools_web_client_id: 'old', Auth: BASE });
    expect(resolved.userPoolId).toBe(POOL);
    expect(resolved.userPoolWebClientId).toBe(CLIENT);
  });

  it.each([null, undefined, 42, 'us-east-1_AbCdEf123', true, [BASE], Symbol('config'), () => BASE, 10n])(
    'rejects non-object input %s on field "config"',
    (input) => {
      expect(errorOf(() => normalizeConfigInput(input as AuthConfigInput)).fields).toStrictEqual(['config']);
      expect(errorOf(() => resolveConfig(input as AuthConfig)).fields).toStrictEqual(['config']);
    },
  );

  it('rejects a non-object Auth on field "Auth"', () => {
    expect(errorOf(() => normalizeConfigInput({ Auth: 'x' } as unknown as AuthConfigInput)).fields).toStrictEqual(['Auth']);
  });

  it('accepts class instances and null-prototype objects', () => {
    class Config {
      userPoolId = POOL;
      get userPoolWebClientId(): string {
        return CLIENT;
      }
    }
    expect(load(new Config()).userPoolWebClientId).toBe(CLIENT);
    expect(load(Object.assign(Object.create(null) as object, BASE)).userPoolId).toBe(POOL);
  });
});

describe('pool ids and regions', () => {
  it.each(['us-east-1', 'eu-west-2', 'ap-southeast-1', 'us-gov-west-1', 'cn-north-1', 'il-central-1', 'ca-west-1'])(
    'accepts the region %s',
    (region) => {
      expect(load({ region, userPoolId: `${region}_Ab12`, userPoolWebClientId: CLIENT }).region).toBe(region);
    },
  );

  it('rejects a malformed userPoolId with the documented message', () => {
    expect(reasonFor({ userPoolId: 'foo', userPoolWebClientId: CLIENT }, 'userPoolId')).toBe(
      'expected "<region>_<id>" such as "us-east-1_AbCdEf123", got "foo"',
    );
  });

  it.each(['', 'us-east-1', 'us-east-1_', '_AbC', 'us-east-1_Ab-C', 'US-EAST-1_Ab', 'useast1_Ab', 42, null, {}])(
    'rejects the userPoolId %j',
    (userPoolId) => {
      expect(fieldsOf({ userPoolId, userPoolWebClientId: CLIENT })).toContain('userPoolId');
    },
  );

  it('names the docs placeholder when it is pasted as-is', () => {
    const reason = reasonFor({ region: 'XX-XXXX-X', userPoolId: 'XX-XXXX-X_abcd1234', userPoolWebClientId: CLIENT }, 'userPoolId');
    expect(reason).toContain('placeholder');
  });

  it.each(['US-EAST-1', 'us_east_1', 'us-east', '', 7])('rejects the region %j', (region) => {
    expect(fieldsOf({ ...BASE, region })).toStrictEqual(['region']);
  });

  it('rejects a region that differs from the user pool id\'s', () => {
    expect(reasonFor({ ...BASE, region: 'eu-west-1' }, 'region')).toBe('"eu-west-1" does not match the region of userPoolId ("us-east-1")');
  });

  it('checks the identity pool id against identityPoolRegion, else region', () => {
    const idp = 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
    expect(fieldsOf({ ...BASE, identityPoolId: idp, identityPoolRegion: 'eu-west-2' })).toStrictEqual(['identityPoolId']);
    expect(fieldsOf({ ...BASE, identityPoolId: idp, region: 'us-east-1' })).toStrictEqual(['identityPoolId']);
    expect(load({ ...BASE, identityPoolId: idp, identityPoolRegion: 'eu-west-1' }).identityPoolRegion).toBe('eu-west-1');
    // Without region or identityPoolRegion the identity pool id says where it lives.
    const resolved = load({ ...BASE, identityPoolId: idp });
    expect([resolved.region, resolved.identityPoolRegion]).toStrictEqual(['us-east-1', 'eu-west-1']);
  });

  it.each(['us-east-1', 'us-east-1:xyz', 'us-east-1:1a2b3c4d', 'us-east-1_1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d', 3])(
    'rejects the identityPoolId %j',
    (identityPoolId) => {
      expect(fieldsOf({ identityPoolId })).toContain('identityPoolId');
    },
  );

  it('rejects a bad identityPoolRegion', () => {
    expect(fieldsOf({ identityPoolId: IDP, identityPoolRegion: 'east' })).toContain('identityPoolRegion');
  });

  it('accepts emulator ids such as cognito-local\'s local_XXXXXXXX when an endpoint is set', () => {
    const local = { userPoolId: 'local_4Bx9cYz1', userPoolWebClientId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3', endpoint: 'http://localhost:9229' };
    expect(load(local)).toMatchObject({ region: 'local', userPoolId: 'local_4Bx9cYz1', endpoint: 'http://localhost:9229' });
    expect(load({ ...local, region: 'local' }).region).toBe('local');
    const { endpoint: _, ...withoutEndpoint } = local;
    expect(fieldsOf(withoutEndpoint)).toStrictEqual(['userPoolId']);
  });
});

describe('error reporting', () => {
  it('lists every bad field at once, in one ConfigError', () => {
    const fields = fieldsOf({
      userPoolId: 'foo',
      userPoolWebClientId: 'bad-id',
      mandatorySignIn: 'no',
      cookieStorage: { expires: -1 },
      oauth: { domain: 'https://x.com', redirectSignIn: 'nope', redirectSignOut: 'http://ok.com/' },
      endpoint: 'nowhere',
    });
    expect(fields).toStrictEqual(
      expect.arrayContaining([
        'userPoolId',
        'userPoolWebClientId',
        'mandatorySignIn',
        'cookieStorage.domain',
        'cookieStorage.expires',
        'oauth.domain',
        'oauth.redirectSignIn',
        'endpoint',
      ]),
    );
  });

  it('formats the message as "field: reason" lines', () => {
    const error = errorOf(() => load({ userPoolId: 'foo', userPoolWebClientId: CLIENT }));
    expect(error.message).toContain('userPoolId: expected "<region>_<id>" such as "us-east-1_AbCdEf123", got "foo"');
  });

  it('never echoes more than ~60 characters of a value', () => {
    const long = `us-east-1_${'x'.repeat(300)}`;
    const reason = reasonFor({ userPoolId: long, userPoolWebClientId: CLIENT }, 'userPoolId');
    expect(reason).toContain('…');
    expect(reason.length).toBeLessThan(150);
  });

  it('turns throwing getters and hostile proxies into ConfigError', () => {
    const getter = Object.defineProperty({ ...BASE }, 'region', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(getter)).toStrictEqual([{ field: 'region', reason: 'could not be read (its getter threw)' }]);
    const oauth = Object.defineProperty({ ...OAUTH }, 'domain', {
      get() {
        throw new TypeError('boom');
      },
    });
    expect(fieldsOf({ ...BASE, oauth })).toStrictEqual(['oauth.domain']);
    const hostile = new Proxy({}, {
      ownKeys() {
        throw new Error('trap');
      },
    });
    expect(errorOf(() => normalizeConfigInput(hostile)).fields).toStrictEqual(['config']);
    expect(errorOf(() => load({ ...BASE, clientMetadata: hostile })).fields).toStrictEqual(['config']);
  });

  it('describes values whose toString is not callable without throwing', () => {
    expect(fieldsOf({ ...BASE, region: { toString: 1, valueOf: 2 } })).toStrictEqual(['region']);
  });
});
