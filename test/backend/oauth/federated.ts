/**
 * Federated users of the social-provider stand-in: `<Provider>_<stable id>` with `email`,
 * `email_verified` and Cognito's `identities` attribute, created on first sign-in and reused after.
 */
import { bytesToHex, randomString, utf8 } from '../bytes';
import type { Ctx } from '../context';
import { sha256 } from '../hash';
import type { UserRecord } from '../users';

/** Cognito's built-in social provider types; any other name is treated as an OIDC provider. */
const SOCIAL = new Set(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple']);

/** A provider-style numeric user id derived from the email, so the same email is the same user. */
async function providerUserId(provider: string, email: string): Promise<string> {
  const hex = bytesToHex(await sha256(utf8(`${provider}:${email.toLowerCase()}`)));
  return `1${(BigInt(`0x${hex.slice(0, 16)}`) % 10n ** 20n).toString().padStart(20, '0')}`;
}

export async function federatedUser(ctx: Ctx, provider: string, email: string): Promise<UserRecord> {
  const userId = await providerUserId(provider, email);
  const username = `${provider}_${userId}`;
  const existing = ctx.users.get(username);
  if (existing) return existing;
  // Cognito stores the attribute as a JSON string with string-typed `primary` and `dateCreated`.
  const identities = JSON.stringify([
    {
      userId,
      providerName: provider,
      providerType: SOCIAL.has(provider) ? provider : 'OIDC',
      issuer: null,
      primary: 'true',
      dateCreated: String(ctx.now()),
    },
  ]);
  return ctx.users.create({
    username,
    // Never used: federated users cannot sign in with a password.
    password: randomString(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    attributes: { email, email_verified: 'true', identities },
    status: 'EXTERNAL_PROVIDER',
    enabled: true,
  });
}
