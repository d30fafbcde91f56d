// Type tests for `tokenIsolation: 'worker'` (docs/token-isolation.md). Checked by `npm run typecheck`
// (tsc over test/), never run. Each `@ts-expect-error` proves a misuse does not compile.
import { expectTypeOf } from 'vitest';
import { createAuth, type AuthErrorName, type CreateAuthOptions, type IsolationWorker, type IsolationWorkerMessage, type TokenIsolation } from 'cognito-react-kit';
import type { TokenIsolationErrorName } from 'cognito-react-kit/core';

const config = { userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' };

createAuth(config, { tokenIsolation: 'worker' });
expectTypeOf<CreateAuthOptions['tokenIsolation']>().toEqualTypeOf<TokenIsolation | undefined>();
expectTypeOf<TokenIsolation>().toEqualTypeOf<'worker'>();
// @ts-expect-error only 'worker' exists
createAuth(config, { tokenIsolation: 'iframe' });
// @ts-expect-error not a boolean
createAuth(config, { tokenIsolation: true });

// A real Web Worker is what the default starts; a test or a story may start one of its own.
declare const worker: Worker;
expectTypeOf(worker).toMatchTypeOf<IsolationWorker>();
createAuth(config, { tokenIsolation: 'worker', startIsolationWorker: () => worker });
// @ts-expect-error it is started from its source text and returns the worker
createAuth(config, { tokenIsolation: 'worker', startIsolationWorker: (_source: number) => worker });

// The typed error names are among AuthErrorName.
expectTypeOf<TokenIsolationErrorName>().toEqualTypeOf<'TokenIsolationUnavailable' | 'TokenIsolationConflict' | 'TokenIsolationRefused'>();
expectTypeOf<'TokenIsolationUnavailable'>().toMatchTypeOf<AuthErrorName>();

// ── The worker takes the engine's two messages, nothing else ─────────────────────────────────
expectTypeOf<Parameters<IsolationWorker['postMessage']>[0]>().toEqualTypeOf<IsolationWorkerMessage>();
declare const isolation: IsolationWorker;
isolation.postMessage({ forget: 'isolated-refresh-token.x' });
// @ts-expect-error not a message the worker understands
isolation.postMessage({ refreshToken: 'x' });
