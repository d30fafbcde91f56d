'use client';
// Package root: the React layer, plus the engine's main names so most apps need one import.
export * from './react/index';
export * from './ui/index';
export { createAuth, Auth, AuthError, ConfigError, buildTotpUri } from './core/index';
export type {
  AuthConfig,
  AuthConfigInput,
  AuthNextStep,
  AuthState,
  AuthStatus,
  AuthUser,
  AwsCredentials,
  CreateAuthOptions,
  EssentialCredentials,
  RetryOptions,
  SignInResult,
  SignUpResult,
} from './core/index';
