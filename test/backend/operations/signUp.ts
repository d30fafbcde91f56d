/** SignUp, ConfirmSignUp, ResendConfirmationCode. */
import { uuid } from '../bytes';
import { deliveryDetails, deliveryTo, maskDestination, type Delivery } from '../codes';
import type { Ctx, Operation } from '../context';
import { MSG, fail } from '../errors';
import { attributeList, requireClient, requireString } from '../input';
import { checkPasswordPolicy, checkWritableAttributes } from '../policy';
import type { UserRecord } from '../users';
import { newAuthState } from './authPipeline';

/** Where the sign-up code goes: the first auto-verified attribute the user has. */
function signUpDelivery(ctx: Ctx, user: UserRecord): Delivery | undefined {
  for (const attr of ctx.config.autoVerifiedAttributes) {
    const d = deliveryTo(user, attr);
    if (d) return d;
  }
  return undefined;
}

/** What a hidden-existence pool answers for an unknown user: a plausible, fake delivery. */
export function fakeDelivery(username: string): ReturnType<typeof deliveryDetails> {
  const email = username.includes('@') ? username : `${username}@example.com`;
  return { Destination: maskDestination('EMAIL', email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

export const SignUp: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const given = requireString(input, 'Username');
  // Pools with passwordless first factors take sign-ups without a password.
  const passwordless = input.Password === undefined && ctx.config.allowedFirstAuthFactors !== undefined;
  const password = passwordless ? `Pw1!${uuid()}` : requireString(input, 'Password');
  const attributes = attributeList(input, 'UserAttributes');
  checkWritableAttributes(attributes);

  const sub = uuid();
  const aliases = ctx.config.usernameAttributes;
  if (aliases.length > 0) {
    // "Username attributes" pools: the typed username *is* the email/phone, the real username a UUID.
    const attr = given.includes('@') ? 'email' : 'phone_number';
    if (!aliases.includes(attr)) {
      throw fail.invalidParameter(`Username should be ${aliases.includes('email') ? 'an email' : 'a phone number'}.`);
    }
    if (attributes[attr] !== undefined && attributes[attr] !== given) {
      throw fail.invalidParameter(`Username should be the same as ${attr}.`);
    }
    attributes[attr] = given;
    if (ctx.users.findByAttribute(attr, given)) {
      throw fail.usernameExists(`An account with the given ${attr === 'email' ? 'email' : 'phone_number'} already exists.`);
    }
  } else if (ctx.users.get(given)) {
    throw fail.usernameExists(MSG.usernameExists);
  }
  checkPasswordPolicy(password, ctx.config.passwordPolicy);

  const user = await ctx.users.create({
    username: aliases.length > 0 ? sub : given,
    password,
    attributes: { ...attributes, sub },
    status: 'UNCONFIRMED',
    enabled: true,
  });
  if (passwordless) user.passwordless = true;
  const delivery = signUpDelivery(ctx, user);
  if (delivery) ctx.codes.issue(user, 'SIGN_UP', delivery);
  return {
    UserConfirmed: false,
    UserSub: user.sub,
    ...(delivery ? { CodeDeliveryDetails: deliveryDetails(delivery) } : {}),
  };
};

export const ConfirmSignUp: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const username = requireString(input, 'Username');
  const code = requireString(input, 'ConfirmationCode');
  const user = ctx.users.find(username);
  if (!user) {
    if (ctx.config.preventUserExistenceErrors) throw fail.codeMismatch(MSG.codeMismatch);
    throw fail.userNotFound(MSG.usernameClientNotFound);
  }
  if (user.status !== 'UNCONFIRMED') throw fail.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  ctx.codes.verify(user.username, 'SIGN_UP', code);
  user.status = 'CONFIRMED';
  // The code proved ownership of the address it was sent to.
  const delivered = [...ctx.codes.log].reverse().find((c) => c.username === user.username && c.kind === 'SIGN_UP');
  if (delivered?.attributeName) user.attributes[`${delivered.attributeName}_verified`] = 'true';
  user.modifiedAt = ctx.now();
  if (!ctx.config.allowedFirstAuthFactors) return {};
  // Choice-based pools hand back a Session that signs the new user in once, without a factor.
  const session = ctx.sessions.open('SIGN_UP_CONFIRMED', newAuthState(user.username, 'USER_AUTH'));
  return { Session: session.id };
};

export const ResendConfirmationCode: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const username = requireString(input, 'Username');
  const user = ctx.users.find(username);
  if (!user) {
    if (ctx.config.preventUserExistenceErrors) return { CodeDeliveryDetails: fakeDelivery(username) };
    throw fail.userNotFound(MSG.usernameClientNotFound);
  }
  if (user.status !== 'UNCONFIRMED') throw fail.invalidParameter('User is already confirmed.');
  const delivery = signUpDelivery(ctx, user);
  if (!delivery) throw fail.invalidParameter('Auto verification not turned on.');
  ctx.codes.issue(user, 'SIGN_UP', delivery);
  return { CodeDeliveryDetails: deliveryDetails(delivery) };
};

