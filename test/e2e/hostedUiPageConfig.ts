import type { CognitoBackend } from '../backend/index';

/** The config a test page signs in with through the backend's hosted UI: callback at `<site>callback`, signed out back to the site. */
export function hostedUiPageConfig(server: { backend: CognitoBackend; url: string }, siteUrl: string) {
  const { backend, url } = server;
  return {
    userPoolId: backend.config.userPoolId,
    userPoolWebClientId: backend.config.clientId,
    endpoint: url,
    oauth: { domain: new URL(url).host, redirectSignIn: `${siteUrl}callback`, redirectSignOut: siteUrl },
  };
}
