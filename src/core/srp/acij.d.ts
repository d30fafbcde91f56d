// amazon-cognito-identity-js ships types for its package index only.
declare module 'amazon-cognito-identity-js/lib/AuthenticationHelper.js' {
  const helperModule: unknown;
  export default helperModule;
}
