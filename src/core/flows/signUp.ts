import type { CodeDeliveryDetails } from '../types';
import { toCodeDelivery, withMetadata, type CognitoCodeDelivery, type FlowContext } from './context';

export interface SignUpInput {
  username: string;
  /** Absent for a passwordless sign-up (pools with choice-based sign-in). */
  password?: string;
  attributes?: Record<string, string>;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

export interface SignUpResponse {
  userConfirmed: boolean;
  userSub: string;
  codeDeliveryDetails?: CodeDeliveryDetails;
}

export async function signUp(ctx: FlowContext, input: SignUpInput): Promise<SignUpResponse> {
  const response = await ctx.call<{ UserConfirmed?: boolean; UserSub?: string; CodeDeliveryDetails?: CognitoCodeDelivery }>(
    'SignUp',
    withMetadata(
      {
        ClientId: ctx.clientId,
        Username: input.username,
        ...(input.password === undefined ? {} : { Password: input.password }),
        UserAttributes: toAttributeList(input.attributes),
        ...(input.validationData ? { ValidationData: toAttributeList(input.validationData) } : {}),
      },
      ctx.metadata(input.clientMetadata),
    ),
  );
  const codeDeliveryDetails = toCodeDelivery(response.CodeDeliveryDetails);
  return {
    userConfirmed: response.UserConfirmed === true,
    userSub: response.UserSub ?? '',
    ...(codeDeliveryDetails ? { codeDeliveryDetails } : {}),
  };
}

export async function confirmSignUp(
  ctx: FlowContext,
  input: { username: string; code: string; forceAliasCreation?: boolean; clientMetadata?: Record<string, string> },
): Promise<string | undefined> {
  // Pools with choice-based sign-in answer with a Session that signs the new user in once.
  const response = await ctx.call<{ Session?: string }>(
    'ConfirmSignUp',
    withMetadata(
      {
        ClientId: ctx.clientId,
        Username: input.username,
        ConfirmationCode: input.code,
        ForceAliasCreation: input.forceAliasCreation ?? true,
      },
      ctx.metadata(input.clientMetadata),
    ),
  );
  return response.Session;
}

export async function resendSignUpCode(
  ctx: FlowContext,
  username: string,
  clientMetadata?: Record<string, string>,
): Promise<CodeDeliveryDetails | undefined> {
  const response = await ctx.call<{ CodeDeliveryDetails?: CognitoCodeDelivery }>(
    'ResendConfirmationCode',
    withMetadata({ ClientId: ctx.clientId, Username: username }, ctx.metadata(clientMetadata)),
  );
  return toCodeDelivery(response.CodeDeliveryDetails);
}

export function toAttributeList(attributes: Record<string, string> | undefined): { Name: string; Value: string }[] {
  return Object.entries(attributes ?? {}).map(([Name, Value]) => ({ Name, Value: String(Value) }));
}
