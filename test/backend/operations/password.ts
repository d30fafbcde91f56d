/** ForgotPassword, ConfirmForgotPassword, ChangePassword. */
import { deliveryDetails, deliveryTo } from '../codes';
import type { Operation } from '../context';
import { MSG, fail } from '../errors';
import { requireClient, requireString, userFromAccessToken } from '../input';
import { checkPasswordPolicy } from '../policy';
import type { UserRecord } from '../users';
import { fakeDelivery } from './signUp';

/** Forgot-password codes go to a verified email, else a verified phone. */
function resetDelivery(user: UserRecord): ReturnType<typeof deliveryTo> {
  if (user.attributes.email_verified === 'true') return deliveryTo(user, 'email');
  if (user.attributes.phone_number_verified === 'true') return deliveryTo(user, 'phone_number');
  return undefined;
}

export const ForgotPassword: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const username = requireString(input, 'Username');
  const user = ctx.users.find(username);
  if (!user) {
    if (ctx.config.preventUserExistenceErrors) return { CodeDeliveryDetails: fakeDelivery(username) };
    throw fail.userNotFound(MSG.usernameClientNotFound);
  }
  if (!user.enabled) throw fail.notAuthorized(MSG.userDisabled);
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw fail.notAuthorized('User password cannot be reset in the current state.');
  const delivery = resetDelivery(user);
  if (!delivery) {
    throw fail.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  ctx.codes.issue(user, 'FORGOT_PASSWORD', delivery);
  return { CodeDeliveryDetails: deliveryDetails(delivery) };
};

export const ConfirmForgotPassword: Operation = async (ctx, input) => {
  requireClient(ctx, input);
  const username = requireString(input, 'Username');
  const code = requireString(input, 'ConfirmationCode');
  const password = requireString(input, 'Password');
  const user = ctx.users.find(username);
  if (!user) {
    if (ctx.config.preventUserExistenceErrors) throw fail.codeMismatch(MSG.codeMismatch);
    throw fail.userNotFound(MSG.usernameClientNotFound);
  }
  checkPasswordPolicy(password, ctx.config.passwordPolicy);
  ctx.codes.verify(user.username, 'FORGOT_PASSWORD', code);
  await ctx.users.setPassword(user, password);
  if (user.status === 'RESET_REQUIRED') user.status = 'CONFIRMED';
  return {};
};

export const ChangePassword: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const previous = requireString(input, 'PreviousPassword');
  const proposed = requireString(input, 'ProposedPassword');
  if (!(await ctx.users.checkPassword(user, previous))) throw fail.notAuthorized(MSG.incorrectPassword);
  checkPasswordPolicy(proposed, ctx.config.passwordPolicy);
  await ctx.users.setPassword(user, proposed);
  return {};
};
