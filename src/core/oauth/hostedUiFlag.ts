/** Amplify v5's marker that the session came from the hosted UI (so sign-out also visits /logout). */
export const HOSTED_UI_FLAG = 'amplify-signin-with-hostedUI';
