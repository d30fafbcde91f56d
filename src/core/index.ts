// cognito-react-kit/core: the headless engine. No React here. Every public name is listed here.
export { Auth, createAuth } from './auth';
export type { CreateAuthOptions, IsolationWorker, TokenIsolation } from './authOptions';
export type { IsolationWorkerMessage } from './isolation/isolationWorker';
export type { UserContextDataProvider } from './userContextData';
export type { Timers } from './timers';
export { PageCoordinator } from './pageCoordinator';
export type { SignInParams, SignInOptions, ConfirmSignInParams } from './signInFlow';
export type { SignUpParams, ConfirmSignUpParams, ConfirmSignUpInput, ConfirmSignUpOutput, ResendSignUpParams } from './signUpFlow';
export type { ForgotPasswordParams, ForgotPasswordSubmitParams } from './passwordResetFlow';
export type { ChangePasswordParams, MfaPreference } from './accountApi';
export type { MfaPreferenceResult, MfaPreferenceValue, UpdateMfaPreferenceParams } from './flows/mfaPreferences';
export type { ListPasskeysParams, ListPasskeysResult } from './passkeyApi';
export type {
  PasskeyAssertion,
  PasskeyClient,
  PasskeyCreationOptions,
  PasskeyDescriptor,
  PasskeyInfo,
  PasskeyRegistration,
  PasskeyRequestOptions,
} from './passkeys/types';
export type { FederatedSignInInput, FederatedSignInOptions, FederatedSignInResult, HostedUiProvider, PopupSignInOptions } from './hostedUi';
export type { PopupOptions } from './oauth/popupWindow';
export { relayPopupCallback } from './oauth/popupRelay';
export type { ClientMetadata, V5User } from './v5Compat';
export type { BrowserEnvironment } from './environment';
export type { AwsCredentials, EssentialCredentials, SdkCredentials } from './credentials/types';
export { AuthError, ConfigError } from './errors';
export type { AuthErrorName, AuthErrorOptions, AuthErrorSource, ClientErrorName, CognitoErrorName, ConfigIssue, NativeErrorName, TokenIsolationErrorName } from './errors';
export type { AuthEvent, AuthEventListener, AuthEventMap, AuthEventName, AuthListenableEventName, AuthV6EventMap } from './events';
export { AuthSession } from './session/authSession';
export type { SessionTokens } from './session/authSession';
export { MemoryStorage } from './storage/memoryStorage';
export type { AsyncStorageLike } from './storage/asyncStorage';
export type { AuthSessionResult, OpenAuthSession } from './oauth/openAuthSession';
export { buildTotpUri } from './flows/totpUri';
export { decodeJWT } from './decodeJWT';
export type { DecodedJWT } from './decodeJWT';
export type { JwtPayload } from './session/jwt';
export { bigintSrpClient, createBigintSrpClient } from './srp/bigintSrpClient';
export type { SrpClient, SrpRound, PasswordClaimInput, DeviceVerifier } from './srp/srpClient';
export type { FetchLike } from './transport';
export type { RetryOptions } from './retryPolicy';
export type {
  AuthConfig,
  AuthConfigInput,
  AwsExportsConfig,
  AuthenticationFlowType,
  CookieStorageConfig,
  OAuthConfig,
  Generated,
  ResolvedAuthConfig,
  StorageLike,
} from './config/types';
export type { AmplifyOutputs, AmplifyOutputsAuth, StandardAttribute, V6CognitoConfig, V6Config } from './config/amplifyTypes';
export type {
  LoginMechanism,
  MfaMethod,
  MfaStatus,
  PasswordPolicy,
  PoolSettings,
  SocialProvider,
  VerificationMechanism,
} from './config/poolSettingsTypes';
export type {
  AuthFactorType,
  AuthNextStep,
  AuthState,
  AuthStatus,
  AuthUser,
  CodeDeliveryDetails,
  CodeDeliveryResult,
  ConfirmResetPasswordStep,
  ConfirmSignUpStep,
  CurrentUserInfo,
  CustomChallengeStep,
  DeviceInfo,
  DoneStep,
  EmailCodeStep,
  EmailSetupStep,
  FirstFactorSelectionStep,
  ForgotPasswordResult,
  MfaSelectionStep,
  MfaSetupSelectionStep,
  MfaType,
  NewPasswordStep,
  NextStepOf,
  PasswordStep,
  PendingStep,
  PreferredMfa,
  ResetPasswordStep,
  SignInResult,
  SignInStep,
  SignUpResult,
  SignUpStep,
  SmsCodeStep,
  TotpCodeStep,
  TotpSetupStep,
  UpdateAttributesResult,
  UserAttribute,
  V5CodeDeliveryDetails,
} from './types';
// For cognito-react-kit/server: the engine's own config reading, cookie format and token checks, so
// the server verifies exactly what the browser engine writes and accepts (one implementation of each).
export { normalizeConfigInput, resolveConfig } from './config/index';
export { readJar } from './storage/cookieJar';
export { chunkName, parseChunkHeader } from './storage/cookieChunks';
export { PoolKeys, jwksUrl } from './oauth/poolKeys';
export { verifyIdTokenSignature } from './oauth/idTokenSignature';
export { audienceProblem, poolIssuers } from './session/tokenIssuers';
export { userFromSession } from './user';
