import type { CodeDeliveryDetails } from '../types';
import { toCodeDelivery, withMetadata, type CognitoCodeDelivery, type FlowContext } from './context';

export async function forgotPassword(
  ctx: FlowContext,
  username: string,
  clientMetadata?: Record<string, string>,
): Promise<CodeDeliveryDetails | undefined> {
  const response = await ctx.call<{ CodeDeliveryDetails?: CognitoCodeDelivery }>(
    'ForgotPassword',
    withMetadata({ ClientId: ctx.clientId, Username: username }, ctx.metadata(clientMetadata)),
  );
  return toCodeDelivery(response.CodeDeliveryDetails);
}

export async function confirmForgotPassword(
  ctx: FlowContext,
  input: { username: string; code: string; password: string; clientMetadata?: Record<string, string> },
): Promise<void> {
  await ctx.call(
    'ConfirmForgotPassword',
    withMetadata(
      { ClientId: ctx.clientId, Username: input.username, ConfirmationCode: input.code, Password: input.password },
      ctx.metadata(input.clientMetadata),
    ),
  );
}

export async function changePassword(
  ctx: FlowContext,
  accessToken: string,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  await ctx.call('ChangePassword', { AccessToken: accessToken, PreviousPassword: oldPassword, ProposedPassword: newPassword });
}
