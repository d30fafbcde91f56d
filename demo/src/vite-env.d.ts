/// <reference types="vite/client" />

// The demo's configuration (demo/src/config.ts); `npm run demo` sets them for cognito-local.
interface ImportMetaEnv {
  readonly VITE_COGNITO_REGION?: string;
  readonly VITE_COGNITO_USER_POOL_ID?: string;
  readonly VITE_COGNITO_CLIENT_ID?: string;
  readonly VITE_COGNITO_ENDPOINT?: string;
  readonly VITE_COGNITO_AUTH_FLOW?: string;
  readonly VITE_COGNITO_OAUTH_DOMAIN?: string;
  readonly VITE_COGNITO_OAUTH_SCOPES?: string;
  /** Who serves VITE_COGNITO_ENDPOINT, for the page header (`npm run demo -- --server kit` sets it). */
  readonly VITE_DEMO_SERVER?: string;
}
