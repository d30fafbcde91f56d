// cognito-react-kit/core: the headless engine. No React here.
export { Auth, createAuth } from './authEngine';
export type { CreateAuthOptions } from './auth';
export type { SignInParams, SignUpParams, ConfirmSignInParams } from './engine';
export type { FederatedSignInOptions, HostedUiProvider } from './hostedUiEngine';
export type { BrowserEnvironment } from './environment';
export type { AwsCredentials, EssentialCredentials, SdkCredentials } from './credentials/types';
export { AuthError, ConfigError } from './errors';
export type { AuthErrorOptions, AuthErrorSource, ClientErrorName, ConfigIssue } from './errors';
export type { AuthEvent, AuthEventListener, AuthEventName } from './events';
export { AuthSession } from './session/authSession';
export type { SessionTokens } from './session/authSession';
export { MemoryStorage } from './storage/memoryStorage';
export { buildTotpUri } from './flows/mfa';
export { formatSrpTimestamp } from './srp/srpClient';
export { bigintSrpClient, createBigintSrpClient } from './srp/bigintSrpClient';
export type { SrpClient, SrpRound, PasswordClaimInput, DeviceVerifier } from './srp/srpClient';
export type { FetchLike } from './transport';
export type { RetryOptions } from './retryPolicy';
export { normalizeConfigInput, resolveConfig } from './config';
export type {
  AuthConfig,
  AuthConfigInput,
  AwsExportsConfig,
  AuthenticationFlowType,
  CookieStorageConfig,
  OAuthConfig,
  ResolvedAuthConfig,
  StorageLike,
} from './config/types';
export type {
  AuthNextStep,
  AuthState,
  AuthStatus,
  AuthUser,
  CodeDeliveryDetails,
  DeviceInfo,
  DoneStep,
  MfaType,
  PreferredMfa,
  SignInResult,
  SignInStep,
  SignUpResult,
  SignUpStep,
  UserAttribute,
  V5CodeDeliveryDetails,
} from './types';
