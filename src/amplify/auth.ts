import type {
  AuthUser,
  CodeDeliveryDetails,
  ConfirmSignUpInput,
  ConfirmSignUpOutput,
  HostedUiProvider,
  JwtPayload,
  SignInParams,
  SignInResult,
  SignUpParams,
  SignUpResult,
} from '../core/index';
import { appAuth } from './Amplify';

/**
 * Amplify v6's functions (aws-amplify/auth) on the engine `Amplify.configure` made, with v6's
 * inputs and outputs: what an Authenticator's `services` override or an app's own code calls.
 */

type Metadata = Record<string, string>;

export async function signIn(input: SignInParams): Promise<SignInResult> {
  return appAuth('signIn').signIn(input);
}

export interface ConfirmSignInInput {
  challengeResponse: string;
  options?: { userAttributes?: Record<string, string>; clientMetadata?: Metadata; friendlyDeviceName?: string };
}

export async function confirmSignIn({ challengeResponse, options = {} }: ConfirmSignInInput): Promise<SignInResult> {
  const { userAttributes, clientMetadata } = options;
  return appAuth('confirmSignIn').confirmSignIn({
    challengeResponse,
    ...(userAttributes ? { userAttributes } : {}),
    ...(clientMetadata ? { clientMetadata } : {}),
  });
}

export async function signUp(input: SignUpParams): Promise<SignUpResult> {
  return appAuth('signUp').signUp(input);
}

export async function confirmSignUp(input: ConfirmSignUpInput): Promise<ConfirmSignUpOutput> {
  return appAuth('confirmSignUp').confirmSignUp(input);
}

export async function resendSignUpCode({ username, options }: { username: string; options?: { clientMetadata?: Metadata } }): Promise<CodeDeliveryDetails | undefined> {
  const clientMetadata = options?.clientMetadata;
  const result = await appAuth('resendSignUpCode').resendSignUp({ username, ...(clientMetadata ? { clientMetadata } : {}) });
  return result.codeDeliveryDetails;
}

export async function autoSignIn(): Promise<SignInResult> {
  return appAuth('autoSignIn').autoSignIn();
}

export interface ResetPasswordOutput {
  isPasswordReset: false;
  nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE'; codeDeliveryDetails: CodeDeliveryDetails | undefined };
}

export async function resetPassword({ username, options }: { username: string; options?: { clientMetadata?: Metadata } }): Promise<ResetPasswordOutput> {
  const clientMetadata = options?.clientMetadata;
  const { nextStep } = await appAuth('resetPassword').forgotPassword({ username, ...(clientMetadata ? { clientMetadata } : {}) });
  return { isPasswordReset: false, nextStep };
}

export interface ConfirmResetPasswordInput {
  username: string;
  confirmationCode: string;
  newPassword: string;
  options?: { clientMetadata?: Metadata };
}

export async function confirmResetPassword({ username, confirmationCode, newPassword, options }: ConfirmResetPasswordInput): Promise<void> {
  const clientMetadata = options?.clientMetadata;
  await appAuth('confirmResetPassword').forgotPasswordSubmit({ username, code: confirmationCode, newPassword, ...(clientMetadata ? { clientMetadata } : {}) });
}

/** v6's current user: `{ username, userId }` (the kit's user also carries its attributes). */
export async function getCurrentUser(): Promise<AuthUser> {
  return appAuth('getCurrentUser').currentAuthenticatedUser();
}

export async function signOut(input: { global?: boolean } = {}): Promise<void> {
  return appAuth('signOut').signOut(input);
}

/** A v6 token: the JWT as `toString()`, its claims as `payload`. */
export interface JWT {
  payload: JwtPayload;
  toString(): string;
}

export interface AuthSessionOutput {
  tokens?: { accessToken: JWT; idToken?: JWT };
  userSub?: string;
}

/** v6's session: the tokens (refreshed when due, or with `forceRefresh`), none when signed out. */
export async function fetchAuthSession(options: { forceRefresh?: boolean } = {}): Promise<AuthSessionOutput> {
  const auth = appAuth('fetchAuthSession');
  if (auth.getState().status !== 'signedIn') return {};
  const session = await auth.currentSession(options);
  const sub = session.accessTokenPayload['sub'];
  return {
    tokens: { accessToken: jwt(session.accessToken, session.accessTokenPayload), idToken: jwt(session.idToken, session.idTokenPayload) },
    ...(typeof sub === 'string' ? { userSub: sub } : {}),
  };
}

export async function fetchUserAttributes(): Promise<Record<string, string>> {
  const attributes = await appAuth('fetchUserAttributes').userAttributes();
  return Object.fromEntries(attributes.map(({ Name, Value }) => [Name, Value]));
}

export async function updatePassword(input: { oldPassword: string; newPassword: string }): Promise<void> {
  await appAuth('updatePassword').changePassword(input);
}

export async function deleteUser(): Promise<void> {
  await appAuth('deleteUser').deleteUser();
}

export async function signInWithRedirect(input: { provider?: HostedUiProvider | { custom: string }; customState?: string } = {}): Promise<void> {
  const { provider, customState } = input;
  return appAuth('signInWithRedirect').federatedSignIn({
    ...(typeof provider === 'object' ? { customProvider: provider.custom } : provider ? { provider } : {}),
    ...(customState === undefined ? {} : { customState }),
  });
}

function jwt(token: string, payload: JwtPayload): JWT {
  return { payload, toString: () => token };
}

/** v6's names of the kit's input and output types. */
export type SignInInput = SignInParams;
export type SignInOutput = SignInResult;
export type SignUpInput = SignUpParams;
export type SignUpOutput = SignUpResult;
