// Type tests for cognito-react-kit/server: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { expectTypeOf } from 'vitest';
import {
  authMiddleware,
  createServerAuth,
  requireUser,
  type AccessTokenClaims,
  type AuthUser,
  type CookieStore,
  type IdTokenClaims,
  type RejectionReason,
  type ServerAuthResult,
  type ServerSession,
} from 'cognito-react-kit/server';

const server = createServerAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' }, { clockToleranceSeconds: 10 });
declare const request: Request;
declare const store: CookieStore;

// ── Sources: a Request, its Headers, the Cookie header (maybe null), a cookies() store ──────────
expectTypeOf(server.getUser(request)).toEqualTypeOf<Promise<AuthUser | null>>();
void server.getUser(request.headers);
void server.getUser(request.headers.get('cookie'));
void server.getSession(store);
// @ts-expect-error a number is no cookie source
void server.getUser(42);
// @ts-expect-error createServerAuth takes a config, not a pool id
createServerAuth('eu-west-1_AbCdEf123');
// @ts-expect-error options are typed
createServerAuth({ userPoolId: 'eu-west-1_AbCdEf123' }, { leeway: 5 });

// ── The result narrows on status; claims are typed per token ───────────────────────────────────
declare const result: ServerAuthResult;
if (result.status === 'signedIn') {
  expectTypeOf(result.session).toEqualTypeOf<ServerSession>();
  expectTypeOf(result.session.idTokenClaims.token_use).toEqualTypeOf<'id'>();
  expectTypeOf(result.session.accessTokenClaims.client_id).toEqualTypeOf<string>();
  expectTypeOf(result.session.idTokenClaims.email).toEqualTypeOf<string | undefined>();
} else {
  expectTypeOf(result.reason).toEqualTypeOf<RejectionReason>();
  // @ts-expect-error no session when signed out
  void result.session;
}
// @ts-expect-error not a reason the verifier gives
const reason: RejectionReason = 'badToken';
void reason;
expectTypeOf(server.verifyToken('t', 'access')).toEqualTypeOf<Promise<AccessTokenClaims | null>>();
expectTypeOf(server.verifyToken('t', 'id')).toEqualTypeOf<Promise<IdTokenClaims | null>>();
// @ts-expect-error only id and access tokens are verified
void server.verifyToken('t', 'refresh');

// ── Framework helpers ───────────────────────────────────────────────────────────────────────────
expectTypeOf(requireUser(server, request, { signInUrl: '/sign-in' })).toEqualTypeOf<Promise<AuthUser>>();
// @ts-expect-error the sign-in page is required
void requireUser(server, request, {});
expectTypeOf(authMiddleware(server, { signInUrl: '/sign-in' })).toEqualTypeOf<(request: Request) => Promise<Response | undefined>>();
