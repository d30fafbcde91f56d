'use client';
import type { ComponentType } from 'react';
import { Authenticator, type AuthenticatorProps } from './Authenticator';
import type { SignedInSlot } from './screens/SignedIn';

/**
 * `Props` with any `user` / `signOut` it declares narrowed to what the Authenticator gives: a
 * component whose `user` is, say, a string is refused; one declaring neither (or a wider type) fits.
 */
export type AcceptsSignedInSlot<Props> = {
  [K in keyof Props]: K extends keyof SignedInSlot ? (SignedInSlot[K] extends Props[K] ? Props[K] : SignedInSlot[K]) : Props[K];
};

/** The props of `withAuthenticator(Component)`: the component's own, without the `user` and `signOut` the HOC adds. */
export type WithAuthenticatorProps<Props> = Omit<Props, keyof SignedInSlot>;

/**
 * Wraps a component in the Authenticator: it renders once the user is signed in, with every prop the
 * app gave it passed through and `user` and `signOut` added (Amplify's `withAuthenticator`). The
 * component need not declare `user` or `signOut`. Needs an `<AuthProvider>` above it.
 */
export function withAuthenticator<Props extends AcceptsSignedInSlot<Props>>(
  Component: ComponentType<Props>,
  options: Omit<AuthenticatorProps, 'children'> = {},
): ComponentType<WithAuthenticatorProps<Props>> {
  function WithAuthenticator(props: WithAuthenticatorProps<Props>) {
    // The rest of Props plus the slot is Props; TypeScript cannot see through Omit over a generic.
    return <Authenticator {...options}>{(slot) => <Component {...({ ...props, ...slot } as unknown as Props)} />}</Authenticator>;
  }
  WithAuthenticator.displayName = `withAuthenticator(${Component.displayName ?? Component.name ?? 'Component'})`;
  return WithAuthenticator;
}
