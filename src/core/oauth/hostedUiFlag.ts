import type { StorageLike } from '../config/types';

/** Amplify v5's marker that the session came from the hosted UI (so sign-out also visits /logout). */
export const HOSTED_UI_FLAG = 'amplify-signin-with-hostedUI';

/** Drop the flag (a new sign-in or a sign-out); read first: removing an absent key still costs a write (an expired cookie, a storage event). */
export function forgetHostedUiFlag(storage: StorageLike): void {
  try {
    if (storage.getItem(HOSTED_UI_FLAG) !== null) storage.removeItem(HOSTED_UI_FLAG);
  } catch {
    /* storage that throws: nothing stored either */
  }
}
