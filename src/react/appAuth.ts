import type { Auth } from '../core/index';

/**
 * The app-wide engine `Amplify.configure` (cognito-react-kit/amplify) makes, as Amplify keeps one
 * configured singleton. The UI's top-level components use it where no <AuthProvider> is above them,
 * so an Amplify app ports by changing its imports. Hooks still need a provider (or one of those
 * components) above them.
 */
let appAuth: Auth | undefined;

export function setAppAuth(auth: Auth): void {
  appAuth = auth;
}

export function getAppAuth(): Auth | undefined {
  return appAuth;
}
