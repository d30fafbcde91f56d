import { AuthError, createAuth, type Auth, type AuthConfigInput, type CreateAuthOptions, type ResolvedAuthConfig } from '../core/index';
import { getAppAuth, setAppAuth } from '../react/appAuth';

/**
 * Amplify's `Amplify` (aws-amplify): one app-wide configuration. `configure` makes the engine the
 * kit's top-level UI components and the functions of this entry use (an <AuthProvider> still wins
 * where there is one); calling it again reconfigures that engine.
 */
export const Amplify = Object.freeze({
  /** Takes any config the kit reads (`amplify_outputs.json`, v6, v5); the second argument is the engine's options. */
  configure(config: AuthConfigInput, options?: CreateAuthOptions): void {
    const existing = getAppAuth();
    if (existing) {
      existing.configure(config);
      return;
    }
    const auth = createAuth(config, options);
    // Amplify's singleton works from the start, provider or not: restore, refresh, hosted-UI callback.
    auth.start();
    setAppAuth(auth);
  },
  /** The resolved config. */
  getConfig(): ResolvedAuthConfig {
    return appAuth('getConfig').configure();
  },
});

/** The configured engine, or the error Amplify throws before `configure`. */
export function appAuth(source: string): Auth {
  const auth = getAppAuth();
  if (!auth) throw new AuthError({ name: 'NoUserPool', message: 'Auth is not configured: call Amplify.configure(config) first.', source });
  return auth;
}
