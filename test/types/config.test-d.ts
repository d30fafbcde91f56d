// Type tests: checked by `npm run typecheck` (tsc over test/), never run. Each `@ts-expect-error`
// proves a misuse does not compile: if it ever compiled, the directive itself would be the error.
import { expectTypeOf } from 'vitest';
import {
  createAuth,
  type AmplifyOutputs,
  type Auth,
  type AuthConfigInput,
  type AwsExportsConfig,
  type PoolSettings,
  type ResolvedAuthConfig,
  type V6CognitoConfig,
  type V6Config,
} from '../../src/core/index';
import outputs from '../fixtures/config/amplify_outputs.json';

declare const auth: Auth;

// ── Each shape is accepted ───────────────────────────────────────────────────────────────────
createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client', poolSettings: { loginMechanisms: ['email'] } });
createAuth({ Auth: { userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' } });
createAuth({
  aws_project_region: 'eu-west-1',
  aws_user_pools_id: 'eu-west-1_AbCdEf123',
  aws_user_pools_web_client_id: 'client',
  aws_cognito_username_attributes: ['EMAIL'],
  aws_cognito_signup_attributes: ['EMAIL'],
  aws_cognito_mfa_configuration: 'OFF',
  aws_cognito_mfa_types: ['SMS'],
  aws_cognito_password_protection_settings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: [] },
  aws_cognito_verification_mechanisms: ['EMAIL'],
  aws_cognito_social_providers: ['GOOGLE'],
});
createAuth({
  Auth: {
    Cognito: {
      userPoolId: 'eu-west-1_AbCdEf123',
      userPoolClientId: 'client',
      loginWith: { email: true, oauth: { domain: 'a.example.com', scopes: ['openid'], redirectSignIn: ['http://localhost/'], redirectSignOut: ['http://localhost/'], responseType: 'code', providers: ['Google', { custom: 'Okta' }] } },
      userAttributes: { email: { required: true } },
      passwordFormat: { minLength: 8, requireSpecialCharacters: false },
      mfa: { status: 'optional', totpEnabled: true, emailEnabled: true },
    },
  },
  API: {},
});
createAuth({ Cognito: { identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d', allowGuestAccess: true } });
createAuth({ version: '1', auth: { aws_region: 'eu-west-1', user_pool_id: 'eu-west-1_AbCdEf123', user_pool_client_id: 'client', mfa_methods: ['TOTP'] } });
// amplify_outputs.json imported as JSON (its strings widened), as Gen 2's docs import it.
createAuth(outputs);
auth.configure(outputs);
expectTypeOf(outputs).toMatchTypeOf<AmplifyOutputs>();
// A generated aws-exports typed as TypeScript infers it (strings widened) still fits.
declare const generatedExports: { aws_user_pools_id: string; aws_cognito_mfa_configuration: string; aws_cognito_social_providers: string[]; aws_appsync_apiKey: string };
createAuth(generatedExports);

// ── A typo in each is a compile error ────────────────────────────────────────────────────────
// @ts-expect-error v5: userPoolWebClientID is not a key
createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientID: 'client' });
// @ts-expect-error v5 wrapper: a typo inside Auth
createAuth({ Auth: { userPoolId: 'eu-west-1_AbCdEf123', mandatorySignin: true } });
// @ts-expect-error aws-exports: no index signature any more, so a misspelt key is caught
createAuth({ aws_user_pools_id: 'eu-west-1_AbCdEf123', aws_user_pools_web_clientid: 'client' });
// @ts-expect-error v6: the v5 name inside Cognito
createAuth({ Auth: { Cognito: { userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' } } });
// @ts-expect-error v6: a typo in loginWith
createAuth({ Auth: { Cognito: { userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: 'client', loginWith: { emial: true } } } });
// @ts-expect-error v6: mfa status is on/off/optional
createAuth({ Cognito: { userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: 'client', mfa: { status: 'REQUIRED' } } });
// @ts-expect-error Gen 2: a camelCase key in auth (the v6 name)
createAuth({ version: '1', auth: { aws_region: 'eu-west-1', user_pool_id: 'eu-west-1_AbCdEf123', user_pool_client_id: 'client', identityPoolId: 'x' } });
// @ts-expect-error Gen 2: the app client id is required
createAuth({ version: '1', auth: { aws_region: 'eu-west-1', user_pool_id: 'eu-west-1_AbCdEf123' } });
// @ts-expect-error poolSettings: an unknown login mechanism
createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client', poolSettings: { loginMechanisms: ['nickname'] } });

// ── The resolved config carries the pool's settings, typed ──────────────────────────────────
expectTypeOf<ResolvedAuthConfig['poolSettings']>().toEqualTypeOf<PoolSettings | undefined>();
expectTypeOf<NonNullable<PoolSettings['mfaMethods']>[number]>().toEqualTypeOf<'SMS' | 'TOTP' | 'EMAIL'>();
expectTypeOf<NonNullable<PoolSettings['socialProviders']>[number]>().toEqualTypeOf<'google' | 'facebook' | 'amazon' | 'apple'>();
expectTypeOf<V6Config>().toMatchTypeOf<AuthConfigInput>();
expectTypeOf<{ Cognito: V6CognitoConfig }>().toMatchTypeOf<AuthConfigInput>();
expectTypeOf<AwsExportsConfig>().toMatchTypeOf<AuthConfigInput>();
