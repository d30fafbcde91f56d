/** Signed-in user operations: GetUser, attribute updates and verification, DeleteUser, SetUserSettings. */
import { deliveryDetails, deliveryTo } from '../codes';
import type { Operation } from '../context';
import { fail } from '../errors';
import { attributeList, requireString, stringList, userFromAccessToken } from '../input';
import { checkAttributeName, checkWritableAttributes } from '../policy';
import type { UserRecord } from '../users';

function verifiable(name: string): name is 'email' | 'phone_number' {
  return name === 'email' || name === 'phone_number';
}

/** MFA part of GetUser: lists are omitted when empty, as Cognito does. */
function mfaView(user: UserRecord): Record<string, unknown> {
  const list: string[] = [];
  if (user.mfa.sms) list.push('SMS_MFA');
  if (user.mfa.totp) list.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.email) list.push('EMAIL_OTP');
  return {
    ...(user.mfa.sms ? { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] } : {}),
    ...(user.mfa.preferred ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(list.length > 0 ? { UserMFASettingList: list } : {}),
  };
}

export const GetUser: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const { sub, ...rest } = user.attributes;
  const attributes = [{ Name: 'sub', Value: sub ?? user.sub }, ...Object.entries(rest).map(([Name, Value]) => ({ Name, Value }))];
  return { Username: user.username, UserAttributes: attributes, ...mfaView(user) };
};

export const UpdateUserAttributes: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const updates = attributeList(input, 'UserAttributes');
  checkWritableAttributes(updates);
  for (const attr of ctx.config.usernameAttributes) {
    const value = updates[attr];
    const owner = value === undefined ? undefined : ctx.users.findByAttribute(attr, value);
    if (owner && owner !== user) throw fail.aliasExists(`An account with the given ${attr} already exists.`);
  }
  const details = [];
  for (const [name, value] of Object.entries(updates)) {
    const changed = user.attributes[name] !== value;
    user.attributes[name] = value;
    // A new email/phone is unverified until the user types the code sent to it.
    if (changed && verifiable(name)) {
      user.attributes[`${name}_verified`] = 'false';
      const delivery = ctx.config.autoVerifiedAttributes.includes(name) ? deliveryTo(user, name) : undefined;
      if (delivery) {
        ctx.codes.issue(user, 'VERIFY_ATTRIBUTE', delivery, name);
        details.push(deliveryDetails(delivery));
      }
    }
  }
  user.modifiedAt = ctx.now();
  return details.length > 0 ? { CodeDeliveryDetailsList: details } : {};
};

export const DeleteUserAttributes: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const names = stringList(input, 'UserAttributeNames');
  for (const name of names) {
    checkAttributeName(name);
    if (name === 'sub') throw fail.invalidParameter('Cannot modify the non-mutable attribute sub');
  }
  for (const name of names) {
    delete user.attributes[name];
    if (verifiable(name)) delete user.attributes[`${name}_verified`];
  }
  user.modifiedAt = ctx.now();
  return {};
};

export const GetUserAttributeVerificationCode: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const name = requireString(input, 'AttributeName');
  const delivery = verifiable(name) ? deliveryTo(user, name) : undefined;
  if (!delivery || !verifiable(name)) throw fail.invalidParameter(`No ${name} attribute to verify for this user.`);
  ctx.codes.issue(user, 'VERIFY_ATTRIBUTE', delivery, name);
  return { CodeDeliveryDetails: deliveryDetails(delivery) };
};

export const VerifyUserAttribute: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const name = requireString(input, 'AttributeName');
  const code = requireString(input, 'Code');
  ctx.codes.verify(user.username, 'VERIFY_ATTRIBUTE', code, name);
  user.attributes[`${name}_verified`] = 'true';
  return {};
};

export const DeleteUser: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  ctx.users.delete(user);
  ctx.codes.forgetUser(user.username);
  // Tokens are not revoked: using them now fails with "User does not exist.", which v5 treats as sign-out.
  return {};
};

/** Legacy SMS MFA switch acij's enableMFA/disableMFA still call. */
export const SetUserSettings: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const options = input.MFAOptions;
  if (!Array.isArray(options)) throw fail.invalidParameter("1 validation error detected: Value null at 'mFAOptions' failed to satisfy constraint: Member must not be null");
  if (options.length > 0 && !user.attributes.phone_number) {
    throw fail.invalidParameter('User does not have delivery config set to turn on SMS_MFA');
  }
  user.mfa.sms = options.length > 0;
  if (!user.mfa.sms && user.mfa.preferred === 'SMS_MFA') user.mfa.preferred = undefined;
  return {};
};
