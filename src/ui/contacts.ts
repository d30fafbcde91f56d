import type { AuthUser } from '../core/index';

/** The contact attributes Cognito can verify (and recover an account through). */
export type ContactAttribute = 'email' | 'phone_number';

/** The user's email / phone that Cognito marked unverified (`<name>_verified: 'false'`). */
export function unverifiedContacts(user: AuthUser | null): ContactAttribute[] {
  if (!user) return [];
  const contacts: ContactAttribute[] = ['email', 'phone_number'];
  return contacts.filter((name) => user.attributes[name] && user.attributes[`${name}_verified`] === 'false');
}
