import type { CodeDeliveryDetails, UpdateAttributesResult, UserAttribute } from '../types';
import { toCodeDelivery, withMetadata, type CognitoCodeDelivery, type FlowContext } from './context';
import { toAttributeList } from './signUp';

export interface CognitoUserData {
  Username: string;
  UserAttributes?: UserAttribute[];
  MFAOptions?: { DeliveryMedium?: string; AttributeName?: string }[];
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
}

export function getUser(ctx: FlowContext, accessToken: string): Promise<CognitoUserData> {
  return ctx.call<CognitoUserData>('GetUser', { AccessToken: accessToken });
}

export function attributesToRecord(list: UserAttribute[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((attribute) => [attribute.Name, attribute.Value]));
}


export async function updateUserAttributes(
  ctx: FlowContext,
  accessToken: string,
  attributes: Record<string, string>,
  clientMetadata?: Record<string, string>,
): Promise<UpdateAttributesResult> {
  const response = await ctx.call<{ CodeDeliveryDetailsList?: CognitoCodeDelivery[] }>(
    'UpdateUserAttributes',
    withMetadata({ AccessToken: accessToken, UserAttributes: toAttributeList(attributes) }, ctx.metadata(clientMetadata)),
  );
  const result: UpdateAttributesResult = {};
  for (const name of Object.keys(attributes)) result[name] = { isUpdated: true };
  for (const details of response.CodeDeliveryDetailsList ?? []) {
    const codeDeliveryDetails = toCodeDelivery(details);
    if (details.AttributeName && codeDeliveryDetails) {
      result[details.AttributeName] = { isUpdated: false, codeDeliveryDetails };
    }
  }
  return result;
}

export async function deleteUserAttributes(ctx: FlowContext, accessToken: string, names: string[]): Promise<void> {
  await ctx.call('DeleteUserAttributes', { AccessToken: accessToken, UserAttributeNames: names });
}

export async function sendAttributeVerificationCode(
  ctx: FlowContext,
  accessToken: string,
  attributeName: string,
  clientMetadata?: Record<string, string>,
): Promise<CodeDeliveryDetails | undefined> {
  const response = await ctx.call<{ CodeDeliveryDetails?: CognitoCodeDelivery }>(
    'GetUserAttributeVerificationCode',
    withMetadata({ AccessToken: accessToken, AttributeName: attributeName }, ctx.metadata(clientMetadata)),
  );
  return toCodeDelivery(response.CodeDeliveryDetails);
}

export async function verifyAttribute(ctx: FlowContext, accessToken: string, attributeName: string, code: string): Promise<void> {
  await ctx.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: attributeName, Code: code });
}
