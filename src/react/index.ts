'use client';
// cognito-react-kit: the React layer. The headless engine is at cognito-react-kit/core.
export { AuthProvider } from './AuthProvider';
export type { AuthProviderProps } from './AuthProvider';
export { useAuthEngine } from './context';
export { useAuth } from './useAuth';
export type { AuthContextValue, AuthActions, AuthActionName } from './authSnapshot';
export { useAuthAction } from './useAuthAction';
export type { AuthActionState } from './useAuthAction';
export { useCredentials } from './useCredentials';
export type { CredentialsQueryResult } from './useCredentials';
export { useSession } from './useSession';
export type { SessionQueryResult } from './useSession';
export { useUser } from './useUser';
export type { UserQueryResult } from './useUser';
export { authQueryKeys } from './queryKeys';
export { RequireAuth } from './RequireAuth';
export type { RequireAuthProps } from './RequireAuth';
