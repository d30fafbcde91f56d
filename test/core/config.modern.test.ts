// Amplify v6 (`{ Auth: { Cognito } }`), Gen 2 (amplify_outputs.json) and the aws-exports pool keys:
// how each maps to the resolved config and its poolSettings, and what a near miss is told.
import { describe, expect, it } from 'vitest';
import { mergeConfig, normalizeConfigInput, resolveConfig } from '../../src/core/config';
import type { AmplifyOutputs, V6Config } from '../../src/core/index';
import outputs from '../fixtures/config/amplify_outputs.json';
import { CLIENT, IDP, POOL, errorOf, issuesOf, load, reasonFor } from './config.support';

const GEN2_POOL = 'eu-central-1_Xy7AbCdEf';
const GEN2_CLIENT = '4k2m9q7r1s5t8v3w6x0y2z4a6b';
const GEN2_IDP = 'eu-central-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

/** A v6 config as `Amplify.configure` takes it, with hosted UI, MFA, password policy and an identity pool. */
const V6: V6Config = {
  Auth: {
    Cognito: {
      userPoolId: POOL,
      userPoolClientId: CLIENT,
      identityPoolId: IDP,
      allowGuestAccess: true,
      signUpVerificationMethod: 'code',
      loginWith: {
        email: true,
        phone: false,
        username: false,
        oauth: {
          domain: 'myapp.auth.us-east-1.amazoncognito.com',
          scopes: ['openid', 'email'],
          redirectSignIn: ['http://localhost:3000/', 'myapp://signin'],
          redirectSignOut: ['http://localhost:3000/'],
          responseType: 'code',
          providers: ['Google', 'Amazon', { custom: 'Okta' }],
        },
      },
      userAttributes: { email: { required: true }, name: { required: true }, nickname: { required: false } },
      passwordFormat: { minLength: 10, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSpecialCharacters: false },
      mfa: { status: 'optional', totpEnabled: true, smsEnabled: false, emailEnabled: true },
    },
  },
  API: { GraphQL: { endpoint: 'https://example.com/graphql' } },
};

describe('Amplify v6 config', () => {
  it('maps { Auth: { Cognito } } to the resolved config and its poolSettings', () => {
    expect(load(V6)).toStrictEqual({
      region: 'us-east-1',
      userPoolId: POOL,
      userPoolWebClientId: CLIENT,
      identityPoolId: IDP,
      identityPoolRegion: 'us-east-1',
      // allowGuestAccess: true
      mandatorySignIn: false,
      authenticationFlowType: 'USER_SRP_AUTH',
      clientMetadata: {},
      endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/',
      identityPoolEndpoint: 'https://cognito-identity.us-east-1.amazonaws.com/',
      oauth: {
        domain: 'myapp.auth.us-east-1.amazoncognito.com',
        scope: ['openid', 'email'],
        redirectSignIn: ['http://localhost:3000/', 'myapp://signin'],
        redirectSignOut: ['http://localhost:3000/'],
        responseType: 'code',
      },
      poolSettings: {
        loginMechanisms: ['email'],
        signUpAttributes: ['email', 'name'],
        passwordPolicy: { minLength: 10, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: false },
        mfaStatus: 'optional',
        mfaMethods: ['TOTP', 'EMAIL'],
        // The custom (OIDC) provider has no button.
        socialProviders: ['google', 'amazon'],
      },
    });
  });

  it('accepts the bare { Cognito } too, and reads v6 defaults: no guests unless allowed', () => {
    const resolved = load({ Cognito: { userPoolId: POOL, userPoolClientId: CLIENT, identityPoolId: IDP, userPoolEndpoint: 'http://localhost:9229/' } });
    expect(resolved).toMatchObject({ mandatorySignIn: true, endpoint: 'http://localhost:9229/', userPoolWebClientId: CLIENT });
    // Nothing said about the pool's setup: no poolSettings at all.
    expect(resolved.poolSettings).toBeUndefined();
  });

  it('takes the login mechanisms in the order the config lists them, as Amplify UI does', () => {
    const poolSettings = (loginWith: object) => load({ Cognito: { userPoolId: POOL, userPoolClientId: CLIENT, loginWith } }).poolSettings;
    expect(poolSettings({ phone: true, email: true })?.loginMechanisms).toStrictEqual(['phone_number', 'email']);
    expect(poolSettings({ username: true, email: false })?.loginMechanisms).toStrictEqual(['username']);
  });

  it('accepts an identity-pool-only v6 config', () => {
    expect(load({ Auth: { Cognito: { identityPoolId: IDP, allowGuestAccess: true } } })).toMatchObject({ identityPoolId: IDP, mandatorySignIn: false });
  });

  it('says to use userPoolClientId when the v5 name userPoolWebClientId is inside Cognito', () => {
    const issues = issuesOf({ Auth: { Cognito: { userPoolId: POOL, userPoolWebClientId: CLIENT } } });
    expect(issues).toStrictEqual([
      { field: 'Auth.Cognito.userPoolWebClientId', reason: 'is not a key of an Amplify v6 config: use userPoolClientId' },
      { field: 'Auth.Cognito.userPoolClientId', reason: 'is required with userPoolId' },
    ]);
  });

  it('tells where the other v5 keys went', () => {
    const issues = issuesOf({ Cognito: { userPoolId: POOL, userPoolClientId: CLIENT, region: 'us-east-1', endpoint: 'http://localhost:9229/', mandatorySignIn: true, storage: {} } });
    expect(issues).toStrictEqual([
      { field: 'Cognito.region', reason: 'is not a key of an Amplify v6 config: the region comes from userPoolId' },
      { field: 'Cognito.endpoint', reason: 'is not a key of an Amplify v6 config: use userPoolEndpoint' },
      { field: 'Cognito.mandatorySignIn', reason: 'is not a key of an Amplify v6 config: use allowGuestAccess (its opposite)' },
      { field: 'Cognito.storage', reason: 'has no place in an Amplify v6 config: pass it in a later configure({ storage })' },
    ]);
  });

  it('names a bad value by its v6 path', () => {
    const cognito = V6.Auth.Cognito;
    const bad = (patch: object) => ({ Auth: { Cognito: { ...cognito, ...patch } } });
    expect(issuesOf(bad({ userPoolClientId: 'not valid!' })).map((issue) => issue.field)).toStrictEqual(['Auth.Cognito.userPoolClientId']);
    expect(issuesOf(bad({ allowGuestAccess: 'yes' }))).toStrictEqual([{ field: 'Auth.Cognito.allowGuestAccess', reason: 'expected true or false, got "yes"' }]);
    const oauth = { ...cognito.loginWith?.oauth, scopes: ['open id'], redirectSignOut: ['localhost:3000'] };
    expect(issuesOf(bad({ loginWith: { oauth } })).map((issue) => issue.field)).toStrictEqual([
      'Auth.Cognito.loginWith.oauth.scopes',
      'Auth.Cognito.loginWith.oauth.redirectSignOut',
    ]);
    expect(reasonFor(bad({ passwordFormat: { minLength: 4 } }), 'Auth.Cognito.passwordFormat.minLength')).toBe('expected a whole number from 6 to 99, got 4');
    expect(reasonFor(bad({ mfa: 'on' }), 'Auth.Cognito.mfa')).toBe('expected an object, got "on"');
  });

  it('requires a pool, in v6 names', () => {
    expect(issuesOf({ Auth: { Cognito: {} } })).toStrictEqual([
      { field: 'Auth.Cognito.userPoolId', reason: 'is required in an Amplify v6 config (with userPoolClientId), unless identityPoolId is set' },
    ]);
    expect(issuesOf({ Auth: { Cognito: 'x' } })).toStrictEqual([{ field: 'Auth.Cognito', reason: 'expected an object, got "x"' }]);
  });
});

describe('Gen 2 amplify_outputs.json', () => {
  it('maps the auth section to the resolved config and its poolSettings; other sections are ignored', () => {
    expect(load(outputs)).toStrictEqual({
      region: 'eu-central-1',
      userPoolId: GEN2_POOL,
      userPoolWebClientId: GEN2_CLIENT,
      identityPoolId: GEN2_IDP,
      identityPoolRegion: 'eu-central-1',
      mandatorySignIn: false,
      authenticationFlowType: 'USER_SRP_AUTH',
      clientMetadata: {},
      endpoint: 'https://cognito-idp.eu-central-1.amazonaws.com/',
      identityPoolEndpoint: 'https://cognito-identity.eu-central-1.amazonaws.com/',
      oauth: {
        domain: '0a1b2c3d4e5f6a7b8c9d.auth.eu-central-1.amazoncognito.com',
        scope: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
        redirectSignIn: ['http://localhost:5173/', 'https://main.d1a2b3c4.amplifyapp.com/'],
        redirectSignOut: ['http://localhost:5173/'],
        responseType: 'code',
      },
      poolSettings: {
        loginMechanisms: ['email'],
        signUpAttributes: ['email', 'phone_number'],
        verificationMechanisms: ['email'],
        mfaMethods: ['SMS', 'TOTP'],
        passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: false },
        socialProviders: ['google', 'apple'],
        mfaStatus: 'optional',
      },
    });
  });

  it('reads a minimal file: no guests, no hosted UI, flow and MFA from their Gen 2 names', () => {
    const minimal: AmplifyOutputs = {
      version: '1',
      auth: {
        aws_region: 'us-east-1',
        user_pool_id: POOL,
        user_pool_client_id: CLIENT,
        authentication_flow_type: 'CUSTOM_AUTH',
        mfa_configuration: 'REQUIRED',
        username_attributes: ['phone_number'],
      },
    };
    expect(load(minimal)).toMatchObject({ mandatorySignIn: true, authenticationFlowType: 'CUSTOM_AUTH', poolSettings: { mfaStatus: 'on', loginMechanisms: ['phone_number'] } });
    expect(load(minimal).oauth).toBeUndefined();
  });

  it('reads passwordless: the methods on (WebAuthn by its settings object) and the preferred challenge, from both shapes', () => {
    const gen2: AmplifyOutputs = {
      ...outputs,
      auth: {
        ...outputs.auth,
        passwordless: { email_otp_enabled: true, sms_otp_enabled: false, web_authn: { relying_party_id: 'example.com', user_verification: 'preferred' }, preferred_challenge: 'WEB_AUTHN' },
      },
    };
    expect(load(gen2).poolSettings).toMatchObject({ passwordlessMethods: ['EMAIL_OTP', 'WEB_AUTHN'], preferredChallenge: 'WEB_AUTHN' });
    const v6: V6Config = { Auth: { Cognito: { ...V6.Auth.Cognito, passwordless: { smsOtpEnabled: true, preferredChallenge: 'SMS_OTP' } } } };
    expect(load(v6).poolSettings).toMatchObject({ passwordlessMethods: ['SMS_OTP'], preferredChallenge: 'SMS_OTP' });
    // All off: no methods, and nothing said means nothing stored.
    expect(load({ ...outputs, auth: { ...outputs.auth, passwordless: { email_otp_enabled: false } } }).poolSettings?.passwordlessMethods).toEqual([]);
    expect(load(outputs).poolSettings).not.toHaveProperty('passwordlessMethods');
  });

  it('names a bad passwordless value by its source path', () => {
    const bad = { ...outputs, auth: { ...outputs.auth, passwordless: { preferred_challenge: 'MAGIC_LINK' } } };
    expect(issuesOf(bad)).toEqual([{ field: 'auth.passwordless.preferred_challenge', reason: 'expected one of "PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN", got "MAGIC_LINK"' }]);
    const notObject = { Auth: { Cognito: { ...V6.Auth.Cognito, passwordless: true } } };
    expect(issuesOf(notObject).map((issue) => issue.field)).toEqual(['Auth.Cognito.passwordless']);
  });

  it('accepts USER_AUTH (choice-based sign-in) as the flow, from any shape', () => {
    expect(load({ ...outputs, auth: { ...outputs.auth, authentication_flow_type: 'USER_AUTH' } }).authenticationFlowType).toBe('USER_AUTH');
    expect(load({ userPoolId: POOL, userPoolWebClientId: CLIENT, authenticationFlowType: 'USER_AUTH' }).authenticationFlowType).toBe('USER_AUTH');
  });

  it('names a missing auth.user_pool_client_id by that name', () => {
    const { user_pool_client_id: _, ...auth } = outputs.auth;
    expect(issuesOf({ ...outputs, auth })).toStrictEqual([{ field: 'auth.user_pool_client_id', reason: 'is required with user_pool_id' }]);
  });

  it('says which Gen 2 name a camelCase key was meant as', () => {
    const { user_pool_client_id: _, ...auth } = outputs.auth;
    expect(issuesOf({ ...outputs, auth: { ...auth, userPoolClientId: GEN2_CLIENT } })).toContainEqual({
      field: 'auth.userPoolClientId',
      reason: 'is not a key of amplify_outputs.json: use user_pool_client_id',
    });
  });

  it('names a bad value by its Gen 2 path', () => {
    const bad = (patch: object) => ({ ...outputs, auth: { ...outputs.auth, ...patch } });
    expect(reasonFor(bad({ aws_region: 'us-west-2' }), 'auth.aws_region')).toBe('"us-west-2" does not match the region of userPoolId ("eu-central-1")');
    expect(issuesOf(bad({ username_attributes: ['email', 'nickname'] }))).toStrictEqual([
      { field: 'auth.username_attributes', reason: 'item 1: expected one of "username", "email", "phone_number", got "nickname"' },
    ]);
    expect(issuesOf(bad({ password_policy: { ...outputs.auth.password_policy, require_symbols: 'no' } })).map((issue) => issue.field)).toStrictEqual([
      'auth.password_policy.require_symbols',
    ]);
    expect(issuesOf(bad({ oauth: { ...outputs.auth.oauth, redirect_sign_in_uri: [] } })).map((issue) => issue.field)).toStrictEqual(['auth.oauth.redirect_sign_in_uri']);
  });

  it('checks the version, and asks for an auth section', () => {
    expect(issuesOf({ ...outputs, version: '2' })).toStrictEqual([
      { field: 'version', reason: 'expected "1" or "1.x" (the amplify_outputs.json versions the kit reads), got "2"' },
    ]);
    expect(issuesOf({ version: '1.3', data: {} })).toStrictEqual([
      { field: 'auth', reason: 'is required: this amplify_outputs.json has no auth section (add auth to the backend)' },
    ]);
  });

  it('reads a lower-case auth without version as a Gen 2 file and says how the v5 wrapper is spelt', () => {
    expect(issuesOf({ auth: { userPoolId: POOL, userPoolWebClientId: CLIENT } })).toContainEqual({
      field: 'version',
      reason: 'is required in amplify_outputs.json (an Amplify v5 config spells its wrapper Auth)',
    });
  });
});

describe('mixed and misspelt shapes', () => {
  it('refuses a config that mixes shapes, naming the stray keys', () => {
    expect(issuesOf({ ...outputs, Auth: { userPoolId: POOL }, aws_user_pools_id: POOL })).toStrictEqual([
      { field: 'config', reason: 'mixes amplify_outputs.json with Auth, aws_user_pools_id: pass one shape (kit options such as storage go in a later configure())' },
    ]);
    expect(reasonFor({ Auth: { Cognito: { userPoolId: POOL, userPoolClientId: CLIENT }, userPoolWebClientId: CLIENT } }, 'config')).toBe(
      'mixes an Amplify v6 config with Auth.userPoolWebClientId: pass one shape (kit options such as storage go in a later configure())',
    );
    expect(reasonFor({ Cognito: { userPoolId: POOL, userPoolClientId: CLIENT }, cookieStorage: { domain: 'a.com' } }, 'config')).toContain('with cookieStorage');
  });

  it('points a wrongly cased wrapper at the right one', () => {
    expect(issuesOf({ AUTH: { userPoolId: POOL } })).toStrictEqual([{ field: 'AUTH', reason: 'is not a config key: did you mean Auth?' }]);
    expect(issuesOf({ Auth: { cognito: { userPoolId: POOL } } })).toStrictEqual([{ field: 'Auth.cognito', reason: 'is not a config key: did you mean Cognito?' }]);
  });

  it('says that a v6 config or amplify_outputs.json goes in whole when no pool is found', () => {
    expect(reasonFor({}, 'userPoolId')).toContain('an Amplify v6 config or amplify_outputs.json goes in as a whole');
  });
});

describe('aws-exports pool keys', () => {
  it('maps the CLI pool settings to poolSettings', () => {
    const resolved = load({
      aws_project_region: 'us-east-1',
      aws_user_pools_id: POOL,
      aws_user_pools_web_client_id: CLIENT,
      aws_cognito_username_attributes: ['EMAIL'],
      aws_cognito_signup_attributes: ['EMAIL', 'NAME'],
      aws_cognito_mfa_configuration: 'OPTIONAL',
      aws_cognito_mfa_types: ['SMS', 'TOTP'],
      aws_cognito_password_protection_settings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: ['REQUIRES_LOWERCASE', 'REQUIRES_NUMBERS'] },
      aws_cognito_verification_mechanisms: ['EMAIL'],
      aws_cognito_social_providers: ['GOOGLE', 'FACEBOOK'],
      oauth: {},
    });
    expect(resolved.poolSettings).toStrictEqual({
      loginMechanisms: ['email'],
      signUpAttributes: ['email', 'name'],
      verificationMechanisms: ['email'],
      mfaStatus: 'optional',
      mfaMethods: ['SMS', 'TOTP'],
      passwordPolicy: { minLength: 8, requireLowercase: true, requireUppercase: false, requireNumbers: true, requireSymbols: false },
      socialProviders: ['google', 'facebook'],
    });
  });

  it('reads an empty username attribute list as username sign-in, and reports a bad value', () => {
    const base = { aws_user_pools_id: POOL, aws_user_pools_web_client_id: CLIENT };
    expect(load({ ...base, aws_cognito_username_attributes: [] }).poolSettings).toStrictEqual({ loginMechanisms: ['username'] });
    expect(issuesOf({ ...base, aws_cognito_mfa_configuration: 'SOMETIMES' })).toStrictEqual([
      { field: 'poolSettings.mfaStatus', reason: 'expected one of "off", "optional", "on", got "sometimes"' },
    ]);
  });
});

describe('configure() with a whole-pool shape', () => {
  it('replaces every pool key and keeps the kit-only options', () => {
    const storage = { setItem() {}, getItem: () => null, removeItem() {}, clear() {} };
    const current = normalizeConfigInput({ userPoolId: POOL, userPoolWebClientId: CLIENT, storage, requestTimeout: 5000, poolSettings: { mfaStatus: 'on' } });
    const merged = mergeConfig(current, outputs);
    expect(merged.storage).toBe(storage);
    expect(merged.requestTimeout).toBe(5000);
    expect(merged.userPoolId).toBe(GEN2_POOL);
    expect(merged.poolSettings?.mfaStatus).toBe('optional');
    expect(resolveConfig(merged).poolSettings?.loginMechanisms).toStrictEqual(['email']);
  });

  it('merges v5 poolSettings field by field', () => {
    const merged = mergeConfig({ userPoolId: POOL, userPoolWebClientId: CLIENT, poolSettings: { mfaStatus: 'on', loginMechanisms: ['email'] } }, { poolSettings: { mfaStatus: 'off' } });
    expect(merged.poolSettings).toStrictEqual({ mfaStatus: 'off', loginMechanisms: ['email'] });
  });

  it('checks poolSettings given in the kit shape', () => {
    const error = errorOf(() => load({ userPoolId: POOL, userPoolWebClientId: CLIENT, poolSettings: { socialProviders: ['google', 'myspace'], signUpAttributes: 'email' } }));
    expect(error.issues).toStrictEqual([
      { field: 'poolSettings.signUpAttributes', reason: 'expected an array of attribute names, got "email"' },
      { field: 'poolSettings.socialProviders', reason: 'item 1: expected one of "google", "facebook", "amazon", "apple", got "myspace"' },
    ]);
  });
});
