// Type tests for withAuthenticator: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement, type ComponentProps, type ReactNode } from 'react';
import { expectTypeOf } from 'vitest';
import { withAuthenticator, type AuthUser, type WithAuthenticatorProps } from '../../src/index';

function Dashboard(_: { title: string; count?: number; onOpen: (id: string) => void; user: AuthUser; signOut: () => Promise<void> }): ReactNode {
  return null;
}
const Protected = withAuthenticator(Dashboard, { hideSignUp: true });

// ── The wrapped component takes the app's own props, exactly: not user / signOut (the HOC adds them) ──
expectTypeOf<ComponentProps<typeof Protected>>().toEqualTypeOf<WithAuthenticatorProps<ComponentProps<typeof Dashboard>>>();
expectTypeOf<ComponentProps<typeof Protected>>().toHaveProperty('title').toEqualTypeOf<string>();
expectTypeOf<ComponentProps<typeof Protected>>().not.toHaveProperty('user');
expectTypeOf<ComponentProps<typeof Protected>>().not.toHaveProperty('signOut');
createElement(Protected, { title: 'Orders', onOpen: (id) => void id });
createElement(Protected, { title: 'Orders', count: 3, onOpen: () => undefined });
// @ts-expect-error a typo in a prop name
createElement(Protected, { titel: 'Orders', onOpen: () => undefined });
// @ts-expect-error a required prop left out
createElement(Protected, { onOpen: () => undefined });
// @ts-expect-error a prop of the wrong type
createElement(Protected, { title: 42, onOpen: () => undefined });
// @ts-expect-error the user comes from the Authenticator, not the app
createElement(Protected, { title: 'Orders', onOpen: () => undefined, user: {} as AuthUser });

// ── A component needs not declare user / signOut; a wider signOut or optional user fits ──────
function Plain(_: { title: string }): ReactNode {
  return null;
}
const PlainProtected = withAuthenticator(Plain);
createElement(PlainProtected, { title: 'Plain' });
// @ts-expect-error a typo in a prop name
createElement(PlainProtected, { tilte: 'Plain' });
function Loose(_: { user?: AuthUser | null; signOut: () => void }): ReactNode {
  return null;
}
expectTypeOf<ComponentProps<ReturnType<typeof withAuthenticator<ComponentProps<typeof Loose>>>>>().toEqualTypeOf<WithAuthenticatorProps<ComponentProps<typeof Loose>>>();
withAuthenticator(Loose);

// ── A user / signOut of another type than the Authenticator gives is refused ─────────────────
function WrongUser(_: { user: string }): ReactNode {
  return null;
}
// @ts-expect-error `user` is an AuthUser, not a string
withAuthenticator(WrongUser);
function WrongSignOut(_: { signOut: (everywhere: boolean) => Promise<string> }): ReactNode {
  return null;
}
// @ts-expect-error `signOut` takes no argument and resolves nothing
withAuthenticator(WrongSignOut);
