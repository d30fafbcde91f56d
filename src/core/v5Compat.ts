import type { ChangePasswordParams, MfaPreference } from './accountApi';
import { optionalRecord } from './args';
import type { ForgotPasswordSubmitParams } from './passwordResetFlow';
import type { ConfirmSignInParams, SignInParams } from './signInFlow';
import type { ConfirmSignUpInput, ConfirmSignUpParams, SignUpParams } from './signUpFlow';
import type { CodeDeliveryDetails, V5CodeDeliveryDetails } from './types';

/**
 * Amplify v5 compatibility, in one place: the user object v5 took first, and the positional
 * argument forms, each turned into the modern single-object call. The `@deprecated` overloads in
 * `auth.ts` are typed with these; v5 code runs unchanged and editors point at the modern form.
 */

/** What v5 passed first: the `CognitoUser` (or this kit's `AuthUser`). Recognised and dropped. */
export type V5User = { readonly username: string } & (
  | { readonly userId: string }
  | { readonly attributes: object }
  | { readonly pool: object }
  | { readonly signInUserSession: object | null }
);

/** v5's `clientMetadata` argument. */
export type ClientMetadata = Record<string, string>;

export function isUserArgument(value: unknown): value is V5User {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['username'] === 'string' &&
    ('userId' in candidate || 'attributes' in candidate || 'pool' in candidate || 'signInUserSession' in candidate)
  );
}

/** The arguments after a leading v5 user, if there is one (plain JavaScript may pass anything). */
export function withoutUser<T extends readonly unknown[]>(args: T | readonly [V5User, ...T]): T {
  return (isUserArgument(args[0]) ? args.slice(1) : args) as T;
}

/**
 * The first argument when it is the modern object, else the positional ones turned into it.
 * Only after `withoutUser` where v5 took a user first: a modern `signUp({ username, attributes })`
 * looks like a user.
 */
function objectOrPositional<P extends object, T extends readonly unknown[]>(args: readonly [P] | T, fromPositional: (positional: T) => P): P {
  const first: unknown = args[0];
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as P) : fromPositional(args as T);
}

// Values typed as strings may still be anything at run time (plain JavaScript): `text` keeps the
// flows' own validation in charge, which answers a bad value with a typed error.
function text(value: string | undefined): string {
  return typeof value === 'string' ? value : '';
}

function metadataOf(value: ClientMetadata | undefined): { clientMetadata?: ClientMetadata } {
  const record = optionalRecord(value);
  return record ? { clientMetadata: record } : {};
}

/** Amplify v5's casing of code delivery details, kept where v5 returned them. */
export function toV5Delivery(details: CodeDeliveryDetails | undefined): V5CodeDeliveryDetails | undefined {
  if (!details) return undefined;
  return {
    ...(details.destination === undefined ? {} : { Destination: details.destination }),
    ...(details.deliveryMedium === undefined ? {} : { DeliveryMedium: details.deliveryMedium }),
    ...(details.attributeName === undefined ? {} : { AttributeName: details.attributeName }),
  };
}

// Each method's arguments: the modern object, or Amplify v5's positional and user-first forms, and
// how they become the modern object. The overloads in auth.ts are these tuples, one per signature.

export type SignInArgs = readonly [params: SignInParams] | readonly [username: string, password?: string, clientMetadata?: ClientMetadata];
export function signInArgs(args: SignInArgs): SignInParams {
  return objectOrPositional(args, ([username, password, metadata]) => ({
    username: text(username),
    ...(password === undefined ? {} : { password: text(password) }),
    ...metadataOf(metadata),
  }));
}

type CodeArgs = readonly [code: string, mfaType?: string | null, clientMetadata?: ClientMetadata];
export type ConfirmSignInArgs = readonly [params: ConfirmSignInParams] | CodeArgs | readonly [V5User, ...CodeArgs];
export function confirmSignInArgs(args: ConfirmSignInArgs): ConfirmSignInParams {
  return objectOrPositional(withoutUser<readonly [ConfirmSignInParams] | CodeArgs>(args), ([code, _mfaType, metadata]: CodeArgs) => ({
    challengeResponse: text(code),
    ...metadataOf(metadata),
  }));
}

type NewPasswordArgs = readonly [newPassword: string, requiredAttributes?: Record<string, string>, clientMetadata?: ClientMetadata];
export type CompleteNewPasswordArgs = NewPasswordArgs | readonly [V5User, ...NewPasswordArgs];
export function completeNewPasswordArgs(args: CompleteNewPasswordArgs): ConfirmSignInParams {
  const [password, attributes, metadata] = withoutUser<NewPasswordArgs>(args);
  const userAttributes = optionalRecord(attributes);
  return { challengeResponse: text(password), ...(userAttributes ? { userAttributes } : {}), ...metadataOf(metadata) };
}

type AnswerArgs = readonly [answer: string, clientMetadata?: ClientMetadata];
export type CustomAnswerArgs = AnswerArgs | readonly [V5User, ...AnswerArgs];
export function customAnswerArgs(args: CustomAnswerArgs): ConfirmSignInParams {
  const [answer, metadata] = withoutUser<AnswerArgs>(args);
  return { challengeResponse: text(answer), ...metadataOf(metadata) };
}

export type SignUpArgs = readonly [params: SignUpParams] | readonly [username: string, password: string, email?: string, phoneNumber?: string];
export function signUpArgs(args: SignUpArgs): SignUpParams {
  return objectOrPositional(args, ([username, password, email, phone]) => ({
    username: text(username),
    password: text(password),
    attributes: { ...(email ? { email: text(email) } : {}), ...(phone ? { phone_number: text(phone) } : {}) },
  }));
}

type SignUpCodeOptions = { forceAliasCreation?: boolean; clientMetadata?: ClientMetadata };
type KitConfirmSignUpArgs = readonly [params: ConfirmSignUpParams] | readonly [username: string, code: string, options?: SignUpCodeOptions];
export type ConfirmSignUpArgs = KitConfirmSignUpArgs | readonly [params: ConfirmSignUpInput];
export function confirmSignUpArgs(args: ConfirmSignUpArgs): ConfirmSignUpParams {
  const [first] = args;
  // v6's object: `confirmationCode`, the options nested.
  if (typeof first === 'object' && first !== null && 'confirmationCode' in first) return codeParams(first.username, first.confirmationCode, first.options);
  return objectOrPositional(args as KitConfirmSignUpArgs, ([username, code, options]) => codeParams(username, code, options));
}

function codeParams(username: string, code: string, options: SignUpCodeOptions | undefined): ConfirmSignUpParams {
  return {
    username: text(username),
    code: text(code),
    ...(options?.forceAliasCreation === undefined ? {} : { forceAliasCreation: options.forceAliasCreation }),
    ...metadataOf(options?.clientMetadata),
  };
}

/** `resendSignUp` and `forgotPassword`: the modern object, or v5's `(username, clientMetadata?)`. */
export type UsernameArgs<P extends { username: string; clientMetadata?: ClientMetadata }> =
  | readonly [params: P]
  | readonly [username: string, clientMetadata?: ClientMetadata];
export function usernameArgs<P extends { username: string; clientMetadata?: ClientMetadata }>(args: UsernameArgs<P>): P {
  return objectOrPositional(args, ([username, metadata]) => ({ username: text(username), ...metadataOf(metadata) }) as P);
}

export type ForgotPasswordSubmitArgs =
  | readonly [params: ForgotPasswordSubmitParams]
  | readonly [username: string, code: string, newPassword: string, clientMetadata?: ClientMetadata];
export function forgotPasswordSubmitArgs(args: ForgotPasswordSubmitArgs): ForgotPasswordSubmitParams {
  return objectOrPositional(args, ([username, code, newPassword, metadata]) => ({
    username: text(username),
    code: text(code),
    newPassword: text(newPassword),
    ...metadataOf(metadata),
  }));
}

type PasswordPairArgs = readonly [oldPassword: string, newPassword: string];
export type ChangePasswordArgs = readonly [params: ChangePasswordParams] | PasswordPairArgs | readonly [V5User, ...PasswordPairArgs];
export function changePasswordArgs(args: ChangePasswordArgs): ChangePasswordParams {
  return objectOrPositional(withoutUser<readonly [ChangePasswordParams] | PasswordPairArgs>(args), ([oldPassword, newPassword]: PasswordPairArgs) => ({
    oldPassword: text(oldPassword),
    newPassword: text(newPassword),
  }));
}

type AttributesArgs = readonly [attributes: Record<string, string>, clientMetadata?: ClientMetadata];
export type UpdateUserAttributesArgs = AttributesArgs | readonly [V5User, ...AttributesArgs];
export type DeleteUserAttributesArgs = readonly [names: string[]] | readonly [V5User, string[]];
type VerifyTotpArgs = readonly [code: string, friendlyDeviceName?: string];
export type VerifyTotpTokenArgs = VerifyTotpArgs | readonly [V5User, ...VerifyTotpArgs];
export type SetPreferredMfaArgs = readonly [method: MfaPreference] | readonly [V5User, MfaPreference];
/** v5's `verifyUserAttribute(user, attribute, clientMetadata?)`; the user may be left out. */
export type VerifyUserAttributeArgs = readonly [attribute: string, clientMetadata?: ClientMetadata] | readonly [V5User, string, ClientMetadata?];
/** v5's `verifyUserAttributeSubmit(user, attribute, code)`; the user may be left out. */
export type VerifyUserAttributeSubmitArgs = readonly [attribute: string, code: string] | readonly [V5User, string, string];

