/**
 * The principal part of the query key where a Suspense hook's answer is null (signed out, no identity
 * pool). Not `useSession`'s 'none' nor `useCredentials`'s 'guest': those keys belong to disabled
 * queries whose `data` must stay undefined.
 */
export const NO_DATA = 'unavailable';
