import type { ChangePasswordParams } from './accountApi';
import { optionalRecord } from './args';
import type { ForgotPasswordSubmitParams } from './passwordResetFlow';
import type { ConfirmSignInParams, SignInParams } from './signInFlow';
import type { ConfirmSignUpParams, SignUpParams } from './signUpFlow';
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

/** The arguments after a leading v5 user, if there is one. */
export function dropUserArgument(args: readonly unknown[]): unknown[] {
  return isUserArgument(args[0]) ? args.slice(1) : [...args];
}

/**
 * The first argument as the modern object, or the positional ones turned into it by `fromPositional`.
 * Methods whose v5 form took the user first drop it before (`dropUserArgument`); the others must
 * not: a modern `signUp({ username, attributes })` looks like a user.
 */
export function objectOrPositional<T extends object>(args: readonly unknown[], fromPositional: (positional: unknown[]) => T): T {
  const first = args[0];
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as T) : fromPositional([...args]);
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function metadataOf(value: unknown): { clientMetadata?: ClientMetadata } {
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

// Positional (v5) arguments → the modern single object. Values are passed on unchecked: the flows
// validate them and answer bad ones with typed errors, exactly as for the object forms.

export function signInArgs(args: readonly unknown[]): SignInParams {
  return objectOrPositional(args, ([username, password, metadata]) => ({
    username: text(username),
    ...(password === undefined ? {} : { password: text(password) }),
    ...metadataOf(metadata),
  }));
}

/** v5: `confirmSignIn(user?, code, mfaType?, clientMetadata?)`. */
export function confirmSignInArgs(args: readonly unknown[]): ConfirmSignInParams {
  return objectOrPositional(dropUserArgument(args), ([code, _mfaType, metadata]) => ({ challengeResponse: text(code), ...metadataOf(metadata) }));
}

/** v5: `completeNewPassword(user?, newPassword, requiredAttributes?, clientMetadata?)`. */
export function completeNewPasswordArgs(args: readonly unknown[]): ConfirmSignInParams {
  const [password, attributes, metadata] = dropUserArgument(args);
  const userAttributes = optionalRecord(attributes);
  return { challengeResponse: text(password), ...(userAttributes ? { userAttributes } : {}), ...metadataOf(metadata) };
}

/** v5: `sendCustomChallengeAnswer(user?, answer, clientMetadata?)`. */
export function customAnswerArgs(args: readonly unknown[]): ConfirmSignInParams {
  const [answer, metadata] = dropUserArgument(args);
  return { challengeResponse: text(answer), ...metadataOf(metadata) };
}

/** v5: `signUp(username, password, email?, phone_number?)`. */
export function signUpArgs(args: readonly unknown[]): SignUpParams {
  return objectOrPositional(args, ([username, password, email, phone]) => ({
    username: text(username),
    password: text(password),
    attributes: { ...(email ? { email: text(email) } : {}), ...(phone ? { phone_number: text(phone) } : {}) },
  }));
}

/** v5: `confirmSignUp(username, code, { forceAliasCreation, clientMetadata })`. */
export function confirmSignUpArgs(args: readonly unknown[]): ConfirmSignUpParams {
  return objectOrPositional(args, ([username, code, options]) => {
    const { forceAliasCreation, clientMetadata } = (options ?? {}) as { forceAliasCreation?: boolean; clientMetadata?: unknown };
    return {
      username: text(username),
      code: text(code),
      ...(forceAliasCreation === undefined ? {} : { forceAliasCreation }),
      ...metadataOf(clientMetadata),
    };
  });
}

/** v5: `resendSignUp(username, clientMetadata?)` and `forgotPassword(username, clientMetadata?)`. */
export function usernameArgs(args: readonly unknown[]): { username: string; clientMetadata?: ClientMetadata } {
  return objectOrPositional(args, ([username, metadata]) => ({ username: text(username), ...metadataOf(metadata) }));
}

/** v5: `forgotPasswordSubmit(username, code, newPassword, clientMetadata?)`. */
export function forgotPasswordSubmitArgs(args: readonly unknown[]): ForgotPasswordSubmitParams {
  return objectOrPositional(args, ([username, code, newPassword, metadata]) => ({
    username: text(username),
    code: text(code),
    newPassword: text(newPassword),
    ...metadataOf(metadata),
  }));
}

/** v5: `changePassword(user?, oldPassword, newPassword)`. */
export function changePasswordArgs(args: readonly unknown[]): ChangePasswordParams {
  return objectOrPositional(dropUserArgument(args), ([oldPassword, newPassword]) => ({ oldPassword: text(oldPassword), newPassword: text(newPassword) }));
}

/** A record argument (attributes, clientMetadata), or undefined. */
export function record(value: unknown): Record<string, string> | undefined {
  return optionalRecord(value);
}
