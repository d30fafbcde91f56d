// Per-section rules (client id, scalars, cookieStorage, storage, oauth, endpoints) and merging.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OAUTH_SCOPES,
  mergeConfig,
  type AuthConfig,
} from '../../src/core/config';
import { BASE, CLIENT, IDP, OAUTH, POOL, errorOf, fieldsOf, issuesOf, load, reasonFor } from './config.support';

const memoryStorage = () => ({ setItem() {}, getItem: () => null, removeItem() {}, clear() {} });

describe('app client id', () => {
  it.each([CLIENT, 'x', 'a'.repeat(128), 'abc_DEF+123'])('accepts %j', (userPoolWebClientId) => {
    expect(load({ userPoolId: POOL, userPoolWebClientId }).userPoolWebClientId).toBe(userPoolWebClientId);
  });

  it.each(['', 'a'.repeat(129), 'abc-def', 'a b', 12345, null])('rejects %j', (userPoolWebClientId) => {
    expect(fieldsOf({ userPoolId: POOL, userPoolWebClientId })).toStrictEqual(['userPoolWebClientId']);
  });

  it('requires userPoolId and userPoolWebClientId together, and some pool at all', () => {
    expect(fieldsOf({ userPoolId: POOL })).toStrictEqual(['userPoolWebClientId']);
    expect(fieldsOf({ userPoolWebClientId: CLIENT, identityPoolId: IDP })).toStrictEqual(['userPoolId']);
    expect(reasonFor({}, 'userPoolId')).toContain('identityPoolId');
  });
});

describe('scalar options', () => {
  it.each(['true', 1, null])('rejects mandatorySignIn %j', (mandatorySignIn) => {
    expect(fieldsOf({ ...BASE, mandatorySignIn })).toStrictEqual(['mandatorySignIn']);
  });

  it.each(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH'])('accepts authenticationFlowType %s', (flow) => {
    expect(load({ ...BASE, authenticationFlowType: flow }).authenticationFlowType).toBe(flow);
  });

  it.each(['user_srp_auth', 'SRP', 3])('rejects authenticationFlowType %j', (authenticationFlowType) => {
    expect(fieldsOf({ ...BASE, authenticationFlowType })).toStrictEqual(['authenticationFlowType']);
  });

  it('rejects clientMetadata that is not a plain object of strings, naming the key', () => {
    expect(fieldsOf({ ...BASE, clientMetadata: ['a'] })).toStrictEqual(['clientMetadata']);
    expect(fieldsOf({ ...BASE, clientMetadata: new Map([['a', 'b']]) })).toStrictEqual(['clientMetadata']);
    expect(fieldsOf({ ...BASE, clientMetadata: { ok: 'x', count: 3 } })).toStrictEqual(['clientMetadata.count']);
  });

  it('keeps a "__proto__" metadata key as data', () => {
    const metadata = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const resolved = load({ ...BASE, clientMetadata: metadata });
    expect(Object.getOwnPropertyDescriptor(resolved.clientMetadata, '__proto__')?.value).toBe('x');
  });
});

describe('cookieStorage', () => {
  it('applies path, expires and secure defaults and leaves sameSite unset', () => {
    expect(load({ ...BASE, cookieStorage: { domain: '.example.com' } }).cookieStorage).toStrictEqual({
      domain: '.example.com',
      path: '/',
      expires: 365,
      secure: true,
    });
  });

  it('normalizes sameSite case', () => {
    expect(load({ ...BASE, cookieStorage: { domain: 'localhost', sameSite: 'Strict', secure: false } }).cookieStorage?.sameSite).toBe('strict');
  });

  it('rejects sameSite "none" without secure', () => {
    expect(reasonFor({ ...BASE, cookieStorage: { domain: 'x.com', sameSite: 'None', secure: false } }, 'cookieStorage.sameSite')).toContain(
      'requires secure: true',
    );
    expect(load({ ...BASE, cookieStorage: { domain: 'x.com', sameSite: 'none' } }).cookieStorage?.sameSite).toBe('none');
  });

  it.each([
    [{}, 'cookieStorage.domain'],
    [{ domain: '' }, 'cookieStorage.domain'],
    [{ domain: 'https://example.com' }, 'cookieStorage.domain'],
    [{ domain: 'example.com:443' }, 'cookieStorage.domain'],
    [{ domain: 'a.com; Secure' }, 'cookieStorage.domain'],
    [{ domain: 'a.com', path: 'app' }, 'cookieStorage.path'],
    [{ domain: 'a.com', path: 4 }, 'cookieStorage.path'],
    [{ domain: 'a.com', expires: 0 }, 'cookieStorage.expires'],
    [{ domain: 'a.com', expires: -1 }, 'cookieStorage.expires'],
    [{ domain: 'a.com', expires: Number.NaN }, 'cookieStorage.expires'],
    [{ domain: 'a.com', expires: Number.POSITIVE_INFINITY }, 'cookieStorage.expires'],
    [{ domain: 'a.com', expires: '365' }, 'cookieStorage.expires'],
    [{ domain: 'a.com', secure: 'true' }, 'cookieStorage.secure'],
    [{ domain: 'a.com', sameSite: 'sometimes' }, 'cookieStorage.sameSite'],
  ])('rejects %j on %s', (cookieStorage, field) => {
    expect(fieldsOf({ ...BASE, cookieStorage })).toStrictEqual([field]);
  });

  it('rejects a non-object cookieStorage', () => {
    expect(fieldsOf({ ...BASE, cookieStorage: '.example.com' })).toStrictEqual(['cookieStorage']);
  });
});

describe('storage', () => {
  it('keeps a custom storage object as given', () => {
    const storage = memoryStorage();
    expect(load({ ...BASE, storage }).storage).toBe(storage);
  });

  it('names a missing method', () => {
    const { removeItem: _, ...partial } = memoryStorage();
    expect(issuesOf({ ...BASE, storage: partial })).toStrictEqual([{ field: 'storage', reason: 'missing method removeItem' }]);
    expect(reasonFor({ ...BASE, storage: {} }, 'storage')).toBe('missing methods setItem, getItem, removeItem');
  });

  it('never echoes the storage value', () => {
    const error = errorOf(() => load({ ...BASE, storage: { token: 'SECRET-TOKEN' } }));
    expect(error.message).not.toContain('SECRET');
    expect(reasonFor({ ...BASE, storage: 'SECRET-TOKEN' }, 'storage')).not.toContain('SECRET');
  });

  it('rejects storage together with cookieStorage', () => {
    expect(fieldsOf({ ...BASE, storage: memoryStorage(), cookieStorage: { domain: 'a.com' } })).toStrictEqual(['storage']);
  });
});

describe('oauth', () => {
  it('applies Amplify\'s default scopes and the code flow', () => {
    expect(load({ ...BASE, oauth: OAUTH }).oauth).toStrictEqual({
      domain: OAUTH.domain,
      scope: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
      redirectSignIn: ['http://localhost:3000/'],
      redirectSignOut: ['http://localhost:3000/'],
      responseType: 'code',
    });
    expect(DEFAULT_OAUTH_SCOPES).toStrictEqual(['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin']);
  });

  it('splits and trims comma-separated redirects, accepting app schemes', () => {
    const oauth = { ...OAUTH, redirectSignIn: ' http://localhost:3000/ , https://app.example.com/cb,myapp://', redirectSignOut: 'com.example.app:/out' };
    expect(load({ ...BASE, oauth }).oauth).toMatchObject({
      redirectSignIn: ['http://localhost:3000/', 'https://app.example.com/cb', 'myapp://'],
      redirectSignOut: ['com.example.app:/out'],
    });
  });

  it('tells the user to drop the scheme from the domain', () => {
    expect(reasonFor({ ...BASE, oauth: { ...OAUTH, domain: 'https://myapp.auth.us-east-1.amazoncognito.com' } }, 'oauth.domain')).toContain(
      'drop the leading "https://"',
    );
  });

  it('tells the user to drop a trailing slash from the domain', () => {
    expect(reasonFor({ ...BASE, oauth: { ...OAUTH, domain: 'myapp.example.com/' } }, 'oauth.domain')).toContain('drop the trailing "/"');
  });

  it.each([
    [{ domain: undefined }, 'oauth.domain'],
    [{ domain: '' }, 'oauth.domain'],
    [{ domain: 'myapp.example.com/' }, 'oauth.domain'],
    [{ domain: 'myapp.example.com/login' }, 'oauth.domain'],
    [{ domain: 42 }, 'oauth.domain'],
    [{ scope: 'openid email' }, 'oauth.scope'],
    [{ scope: ['openid', ''] }, 'oauth.scope'],
    [{ scope: ['openid email'] }, 'oauth.scope'],
    [{ scope: [3] }, 'oauth.scope'],
    [{ redirectSignIn: undefined }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: 'localhost:3000' }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: '/callback' }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: 'javascript:alert(1)' }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: 'javascript://%0Aalert(1)' }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: 'http://a.com/,,http://b.com/' }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: 'http://a.com/#done' }, 'oauth.redirectSignIn'],
    [{ redirectSignIn: ['http://a.com/'] }, 'oauth.redirectSignIn'],
    [{ redirectSignOut: undefined }, 'oauth.redirectSignOut'],
    [{ redirectSignOut: 'not a url' }, 'oauth.redirectSignOut'],
    [{ responseType: 'id_token' }, 'oauth.responseType'],
    [{ responseType: 'CODE' }, 'oauth.responseType'],
  ])('rejects %j on %s', (change, field) => {
    expect(fieldsOf({ ...BASE, oauth: { ...OAUTH, ...change } })).toStrictEqual([field]);
  });

  it('rejects a non-object oauth and an oauth without an app client', () => {
    expect(fieldsOf({ ...BASE, oauth: 'myapp.auth' })).toStrictEqual(['oauth']);
    expect(fieldsOf({ identityPoolId: IDP, oauth: OAUTH })).toStrictEqual(['oauth']);
  });
});

describe('endpoints', () => {
  it('keeps overrides and rejects anything but absolute http(s) URLs', () => {
    const resolved = load({ ...BASE, identityPoolId: IDP, endpoint: 'http://localhost:9229/', identityPoolEndpoint: 'http://localhost:9230/' });
    expect([resolved.endpoint, resolved.identityPoolEndpoint]).toStrictEqual(['http://localhost:9229/', 'http://localhost:9230/']);
    for (const bad of ['localhost:9229', 'ftp://example.com', '', 9229]) {
      expect(fieldsOf({ ...BASE, endpoint: bad })).toStrictEqual(['endpoint']);
      expect(fieldsOf({ identityPoolId: IDP, identityPoolEndpoint: bad })).toStrictEqual(['identityPoolEndpoint']);
    }
  });

  it('drops identityPoolEndpoint when there is no identity pool', () => {
    expect(load({ ...BASE, identityPoolEndpoint: 'http://localhost:9230/' }).identityPoolEndpoint).toBeUndefined();
  });
});

describe('mergeConfig', () => {
  const current: AuthConfig = { ...BASE, oauth: { ...OAUTH, scope: ['openid'] }, cookieStorage: { domain: 'a.com', expires: 7 } };

  it('merges oauth and cookieStorage field by field and replaces the rest', () => {
    const merged = mergeConfig(current, { authenticationFlowType: 'CUSTOM_AUTH', oauth: { responseType: 'token' }, cookieStorage: { secure: false } });
    expect(merged).toStrictEqual({
      ...BASE,
      authenticationFlowType: 'CUSTOM_AUTH',
      oauth: { ...OAUTH, scope: ['openid'], responseType: 'token' },
      cookieStorage: { domain: 'a.com', expires: 7, secure: false },
    });
  });

  it('accepts the partial in every form', () => {
    const viaExports = mergeConfig(BASE, { aws_mandatory_sign_in: 'enable' });
    const viaWrapper = mergeConfig(BASE, { Auth: { mandatorySignIn: true } });
    expect(viaExports).toStrictEqual({ ...BASE, mandatorySignIn: true });
    expect(viaWrapper).toStrictEqual(viaExports);
  });

  it('replaces storage, and lets a later call switch between storage and cookieStorage', () => {
    const first = memoryStorage();
    const second = memoryStorage();
    expect(mergeConfig({ ...BASE, storage: first }, { storage: second }).storage).toBe(second);
    const switched = mergeConfig(current, { storage: first });
    expect(switched.cookieStorage).toBeUndefined();
    expect(mergeConfig(switched, { cookieStorage: { domain: 'b.com' } }).storage).toBeUndefined();
  });

  it('treats undefined values as not given', () => {
    expect(mergeConfig(current, { userPoolId: undefined, oauth: undefined })).toStrictEqual(current);
  });

  it('rejects a non-object partial on "config" and leaves validation to resolveConfig', () => {
    expect(errorOf(() => mergeConfig(current, 'x')).fields).toStrictEqual(['config']);
    expect(mergeConfig(current, { region: 5 }).region).toBe(5);
  });
});
