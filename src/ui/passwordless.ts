import { ConfigError, type ConfigIssue, type ResolvedAuthConfig } from '../core/index';

/** A way to sign in as the `<Authenticator>` offers it (Amplify UI's names); `PASSWORD` covers SRP too. */
export type AuthMethod = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

const AUTH_METHODS: readonly AuthMethod[] = /* @__PURE__ */ Object.freeze(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);

/** The Authenticator's passwordless options, in Amplify UI's shape. */
export interface PasswordlessOptions {
  /**
   * What the sign-in form's main button does: `PASSWORD` asks for the password on the form; a code
   * or a passkey asks only for the username and starts that way at once (choice-based sign-in,
   * USER_AUTH). "Sign in another way" lists the rest. Default: the config's `passwordless.preferredChallenge`,
   * else `PASSWORD`; when it is hidden, the one way left, or the choice Cognito offers once the username is in.
   */
  preferredAuthMethod?: AuthMethod;
  /** Ways never offered, on the sign-in form or among Cognito's choices. Default: none. */
  hiddenAuthMethods?: readonly AuthMethod[];
  /**
   * After a sign-in (or the sign-in that ends a sign-up) through the Authenticator, offer to create
   * a passkey when the browser can and the user has none: `true` after both, or per moment
   * `{ afterSignin: 'ALWAYS' | 'NEVER', afterSignup: 'ALWAYS' | 'NEVER' }`. Default: never.
   */
  passkeyRegistrationPrompts?: boolean | { afterSignin?: 'ALWAYS' | 'NEVER'; afterSignup?: 'ALWAYS' | 'NEVER' };
}

/** The options that shape the sign-in screens. */
export type SignInWays = Pick<PasswordlessOptions, 'preferredAuthMethod' | 'hiddenAuthMethods'>;

/** How the sign-in form signs in. */
export interface SignInPlan {
  /** Sign-ins may go by choice (USER_AUTH): the config says so, or the app set passwordless options. */
  choiceBased: boolean;
  /** The main button's way; null: it sends the username and Cognito offers the choice. */
  primary: AuthMethod | null;
  /** The ways the user may see. */
  visible: readonly AuthMethod[];
}

/**
 * The plan for `options` under the config (its flow, and the passwordless methods and preferred
 * challenge of a v6 or Gen 2 config); a contradiction in `options` is a ConfigError naming it.
 */
export function signInPlan(options: SignInWays | undefined, config: Pick<ResolvedAuthConfig, 'authenticationFlowType' | 'poolSettings'>): SignInPlan {
  const { preferredAuthMethod: preferred, hiddenAuthMethods: hidden = [] } = options ?? {};
  const issues: ConfigIssue[] = [];
  const names = AUTH_METHODS.join(', ');
  hidden.forEach((method, index) => {
    if (!AUTH_METHODS.includes(method)) issues.push({ field: `passwordless.hiddenAuthMethods[${index}]`, reason: `unknown way to sign in; use ${names}` });
  });
  if (preferred !== undefined && !AUTH_METHODS.includes(preferred)) {
    issues.push({ field: 'passwordless.preferredAuthMethod', reason: `unknown way to sign in; use ${names}` });
  } else if (preferred !== undefined && hidden.includes(preferred)) {
    issues.push({ field: 'passwordless.preferredAuthMethod', reason: `${preferred} is also in hiddenAuthMethods; prefer a way you offer` });
  }
  const visible = AUTH_METHODS.filter((method) => !hidden.includes(method));
  if (visible.length === 0) issues.push({ field: 'passwordless.hiddenAuthMethods', reason: `hides every way to sign in; keep one of ${names}` });
  if (issues.length > 0) throw new ConfigError(issues);
  const pool = config.poolSettings;
  const configured = pool?.preferredChallenge === 'PASSWORD_SRP' ? 'PASSWORD' : pool?.preferredChallenge;
  const stated = preferred ?? (configured && visible.includes(configured) ? configured : undefined);
  return {
    choiceBased:
      config.authenticationFlowType === 'USER_AUTH' || (pool?.passwordlessMethods?.length ?? 0) > 0 || preferred !== undefined || options?.hiddenAuthMethods !== undefined,
    // With one way left, the main button is that way; with several and no password, Cognito's choice.
    primary: stated ?? (visible.includes('PASSWORD') ? 'PASSWORD' : visible.length === 1 ? (visible[0] ?? null) : null),
    visible,
  };
}
