// Type tests of <LazyAuthProvider>: checked by `npm run typecheck`, never run. It takes a config (and
// options), never an engine, and its stand-in is an `Auth` to every hook.
import { expectTypeOf } from 'vitest';
import { createAuth, type Auth, type AuthConfigInput, type CreateAuthOptions } from '../../src/core/index';
import { LazyAuthProvider, useAuthEngine, type LazyAuthProviderProps } from '../../src/react/index';

const config = { userPoolId: 'us-east-1_AbCdEfGhI', userPoolWebClientId: 'client' };
expectTypeOf<LazyAuthProviderProps['config']>().toEqualTypeOf<AuthConfigInput>();
expectTypeOf<LazyAuthProviderProps['options']>().toEqualTypeOf<CreateAuthOptions | undefined>();
<LazyAuthProvider config={config} options={{ autoRefresh: false }} />;
// @ts-expect-error no `auth`: an engine already made goes to <AuthProvider auth>
<LazyAuthProvider config={config} auth={createAuth(config)} />;
// @ts-expect-error the config is required
<LazyAuthProvider />;
expectTypeOf(useAuthEngine()).toEqualTypeOf<Auth>();
