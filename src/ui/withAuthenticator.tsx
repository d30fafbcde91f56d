'use client';
import type { ComponentType } from 'react';
import { Authenticator, type AuthenticatorProps } from './Authenticator';
import type { SignedInSlot } from './screens/SignedIn';

/**
 * Wraps a component in the Authenticator: it renders once the user is signed in, with `user` and
 * `signOut` added to its props (Amplify's `withAuthenticator`). Needs an `<AuthProvider>` above it.
 */
export function withAuthenticator<Props extends SignedInSlot>(
  Component: ComponentType<Props>,
  options: Omit<AuthenticatorProps, 'children'> = {},
): ComponentType<Omit<Props, keyof SignedInSlot>> {
  function WithAuthenticator(props: Omit<Props, keyof SignedInSlot>) {
    // The rest of Props plus the slot is Props; TypeScript cannot see through Omit over a generic.
    return <Authenticator {...options}>{(slot) => <Component {...({ ...props, ...slot } as Props)} />}</Authenticator>;
  }
  WithAuthenticator.displayName = `withAuthenticator(${Component.displayName ?? Component.name ?? 'Component'})`;
  return WithAuthenticator;
}
