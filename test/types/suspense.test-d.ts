// Type tests of the Suspense hooks: checked by `npm run typecheck`, never run. Their values are never
// `loading` and their `data` never `undefined` (null stands for "signed out" / "no identity pool").
import { expectTypeOf } from 'vitest';
import type { AuthError, AuthSession, AuthUser, EssentialCredentials } from '../../src/core/index';
import {
  isAuthServerBailout,
  useSuspenseAuth,
  useSuspenseCredentials,
  useSuspenseSession,
  useSuspenseUser,
  whenReady,
  type SettledAuthState,
  type SuspenseAuthValue,
} from '../../src/react/index';

// ── useSuspenseAuth: no loading status; narrows like useAuth ─────────────────────────────────
const value = useSuspenseAuth();
expectTypeOf(value).toEqualTypeOf<SuspenseAuthValue>();
expectTypeOf(value.status).toEqualTypeOf<'signedIn' | 'signedOut'>();
// @ts-expect-error 'loading' is not among its statuses: the comparison cannot be true
if (value.status === 'loading') throw new Error('unreachable');
if (value.status === 'signedIn') {
  expectTypeOf(value.user).toEqualTypeOf<AuthUser>();
  expectTypeOf(value.isAuthenticated).toEqualTypeOf<true>();
} else {
  expectTypeOf(value.user).toEqualTypeOf<null>();
}
expectTypeOf(value.signOut).toBeFunction();
expectTypeOf(useSuspenseAuth((s) => s.status)).toEqualTypeOf<'signedIn' | 'signedOut'>();
expectTypeOf(useSuspenseAuth((s) => s.user?.username ?? 'guest')).toEqualTypeOf<string>();
// @ts-expect-error the equality check compares what the selector returns
useSuspenseAuth((s) => s.status, (a: number, b: number) => a === b);

// ── the query hooks: data is never undefined, errors are AuthErrors ──────────────────────────
expectTypeOf(useSuspenseUser().data).toEqualTypeOf<AuthUser | null>();
expectTypeOf(useSuspenseUser().error).toEqualTypeOf<AuthError | null>();
expectTypeOf(useSuspenseSession().data).toEqualTypeOf<AuthSession | null>();
expectTypeOf(useSuspenseCredentials().data).toEqualTypeOf<(EssentialCredentials & { expiration: Date }) | null>();
// @ts-expect-error signed out is null, not undefined: reading a field needs a null check
void useSuspenseUser().data.username;

// ── whenReady: a promise of a settled state, for React 19's use() ────────────────────────────
declare const auth: Parameters<typeof whenReady>[0];
expectTypeOf(whenReady(auth)).toEqualTypeOf<Promise<SettledAuthState>>();
expectTypeOf<SettledAuthState['status']>().toEqualTypeOf<'signedIn' | 'signedOut'>();

// ── isAuthServerBailout takes what onError and onRecoverableError hand over ──────────────────
expectTypeOf(isAuthServerBailout(new Error('x'), { componentStack: '', digest: 'd' })).toEqualTypeOf<boolean>();
expectTypeOf(isAuthServerBailout(new Error('x'))).toEqualTypeOf<boolean>();
// @ts-expect-error errorInfo is React's object, not a digest string
isAuthServerBailout(new Error('x'), 'digest');
