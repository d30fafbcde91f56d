// The demo's Auth config, in the aws-exports shape the Amplify CLI generates. Every value comes from
// a VITE_COGNITO_* variable: `npm run demo` sets them for its cognito-local; set them yourself
// (shell or demo/.env.local) to use a real Cognito user pool instead (docs/demo.md).
const env = import.meta.env;

/** A space- or comma-separated list, or undefined when empty. */
function list(value: string | undefined): string[] | undefined {
  const items = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** The entries whose value is set (an unset variable must not reach the config as undefined). */
function defined(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

const origin = window.location.origin;
const oauthDomain = env.VITE_COGNITO_OAUTH_DOMAIN;

export const awsExports = {
  ...defined({
    aws_cognito_region: env.VITE_COGNITO_REGION,
    aws_user_pools_id: env.VITE_COGNITO_USER_POOL_ID,
    aws_user_pools_web_client_id: env.VITE_COGNITO_CLIENT_ID,
    // Only for an emulator or a proxy; a real pool leaves it out.
    aws_user_pools_endpoint: env.VITE_COGNITO_ENDPOINT,
    // USER_PASSWORD_AUTH for cognito-local (it has no SRP), USER_AUTH for the test backend; a real pool defaults to SRP.
    aws_cognito_authentication_flow_type: env.VITE_COGNITO_AUTH_FLOW,
  }),
  ...(oauthDomain
    ? {
        oauth: {
          domain: oauthDomain,
          scope: list(env.VITE_COGNITO_OAUTH_SCOPES) ?? ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
          redirectSignIn: `${origin}/callback`,
          redirectSignOut: `${origin}/`,
          responseType: 'code' as const,
        },
      }
    : {}),
};

/** Where the demo points, for the page header. */
export const target = env.VITE_COGNITO_ENDPOINT
  ? `${env.VITE_DEMO_SERVER ?? 'cognito-local'} at ${env.VITE_COGNITO_ENDPOINT}`
  : `Cognito user pool ${env.VITE_COGNITO_USER_POOL_ID ?? '(not configured)'}`;
export const hasHostedUi = Boolean(oauthDomain);

/** Choice-based sign-in (the test backend's mode): the Authenticator also offers a passkey after sign-in and sign-up. */
export const choiceBased = env.VITE_COGNITO_AUTH_FLOW === 'USER_AUTH';

/** cognito-local has no passkeys, no device listing and no email MFA: the account page leaves those out there. */
export const onCognitoLocal = Boolean(env.VITE_COGNITO_ENDPOINT) && (env.VITE_DEMO_SERVER ?? 'cognito-local') === 'cognito-local';
