/**
 * The WebAuthn user entity for a pool user. `user.id` is the user handle authenticators store with a
 * discoverable credential and return at sign-in: the sub (stable, unlike a renamable alias, and not
 * personal data the way an email is, as §14.6.1 asks).
 */
import { base64UrlEncode, utf8 } from '../bytes';
import type { BackendConfig } from '../types';
import type { UserRecord } from '../users';

export interface WebAuthnUserEntity {
  /** base64url user handle. */
  id: string;
  name: string;
  displayName: string;
}

export function userEntity(config: BackendConfig, user: UserRecord): WebAuthnUserEntity {
  // Alias pools' internal username is the sub: show the email/phone the person signs in with instead.
  const alias = config.usernameAttributes.map((a) => user.attributes[a]).find((v) => v !== undefined);
  const name = alias ?? user.username;
  return { id: userHandle(user), name, displayName: user.attributes.name ?? name };
}

export function userHandle(user: UserRecord): string {
  return base64UrlEncode(utf8(user.sub));
}
