// Type tests for the backend-for-frontend: `createSessionHandler` (cognito-react-kit/server) and the
// browser engine's `sessionEndpoint` option. Checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { expectTypeOf } from 'vitest';
import { createAuth, type CreateAuthOptions } from 'cognito-react-kit';
import { createSessionHandler, SESSION_REQUEST_HEADER, type SessionHandler, type SessionHandlerOptions } from 'cognito-react-kit/server';

const config = { userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' };

// ── The handler: Web Request in, Web Response out (mountable as a Next.js route's POST) ─────────
const handler = createSessionHandler(config, { basePath: '/api/auth', cookieName: 'rt', maxAgeSeconds: 86_400, allowedOrigins: ['https://app.example.com'] });
expectTypeOf(handler).toEqualTypeOf<SessionHandler>();
expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>();
expectTypeOf(SESSION_REQUEST_HEADER).toBeString();
expectTypeOf<SessionHandlerOptions['basePath']>().toEqualTypeOf<string | undefined>();
createSessionHandler(config);
// @ts-expect-error options are typed
createSessionHandler(config, { basePath: 42 });
// @ts-expect-error allowed origins are a list
createSessionHandler(config, { allowedOrigins: 'https://app.example.com' });
// @ts-expect-error the handler takes a Request, not a URL
void handler('https://app.example.com/api/auth/refresh');

// ── The browser engine: opt in with the path the handler is mounted at ─────────────────────────
createAuth(config, { sessionEndpoint: '/api/auth' });
expectTypeOf<CreateAuthOptions['sessionEndpoint']>().toEqualTypeOf<string | undefined>();
// @ts-expect-error the endpoint is a path or URL string
createAuth(config, { sessionEndpoint: true });
