'use client';
import { createContext, useContext } from 'react';
import type { Auth } from '../core/index';

/** Holds the engine (stable for the provider's life), never its state: state flows through subscriptions. */
export const AuthContext = createContext<Auth | null>(null);
AuthContext.displayName = 'CognitoAuth';

/** The engine of the nearest `<AuthProvider>`. */
export function useAuthEngine(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) {
    throw new Error('cognito-react-kit: this hook needs an <AuthProvider> above it (wrap your app in <AuthProvider config={...}>).');
  }
  return auth;
}
