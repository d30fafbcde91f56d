import type { ChangePasswordParams, MfaPreference } from './accountApi';
import { resolveAuthOptions, type CreateAuthOptions, type ResolvedAuthOptions } from './authOptions';
import { applyConfig, cancelSignIn, composeServices, prepareSignIn, startServices, type AuthServices } from './authServices';
import { CognitoClient } from './cognitoClient';
import { mergeConfig, normalizeConfigInput, resolveConfig } from './config';
import type { AuthConfig, AuthConfigInput, ResolvedAuthConfig } from './config/types';
import { ConfiguredPool } from './configuredPool';
import type { AwsCredentials, EssentialCredentials, SdkCredentials } from './credentials/types';
import type { AuthEventListener, AuthListenableEventName } from './events';
import type { MfaPreferenceResult, UpdateMfaPreferenceParams } from './flows/mfaPreferences';
import type { FederatedSignInInput, FederatedSignInOptions, FederatedSignInResult } from './hostedUi';
import type { ListPasskeysParams, ListPasskeysResult } from './passkeyApi';
import { Lifecycle } from './lifecycle';
import { toAuthError } from './normalizeError';
import type { ForgotPasswordParams, ForgotPasswordSubmitParams } from './passwordResetFlow';
import type { AuthSession } from './session/authSession';
import { INSPECT, type SessionInspection } from './session/sessionInspection';
import type { ConfirmSignInParams, SignInParams } from './signInFlow';
import type { ConfirmSignUpInput, ConfirmSignUpOutput, ConfirmSignUpParams, ResendSignUpParams, SignUpParams } from './signUpFlow';
import type { AuthState, AuthUser, CodeDeliveryResult, CurrentUserInfo, DeviceInfo, ForgotPasswordResult, PreferredMfa, SignInResult, SignUpResult, UserAttribute } from './types';
import * as v5 from './v5Compat';

/**
 * The headless Cognito auth engine: a façade over small services, each handed what it needs.
 * The constructor only allocates and restores from storage (no request); `start()` (or the first
 * `subscribe`) begins the background work: a pending refresh, a hosted-UI callback, refresh timers.
 */
export class Auth {
  readonly #options: ResolvedAuthOptions;
  readonly #client: CognitoClient;
  readonly #s: AuthServices;
  #rawConfig: AuthConfig;
  #pool: ConfiguredPool;
  readonly #lifecycle = new Lifecycle({ onStart: () => startServices(this.#s), onStop: () => this.#s.sessions.stop() });

  constructor(config: AuthConfigInput, options: CreateAuthOptions = {}) {
    const resolved = (this.#options = resolveAuthOptions(options));
    this.#client = new CognitoClient(resolved);
    this.#rawConfig = normalizeConfigInput(config);
    this.#pool = new ConfiguredPool(resolveConfig(this.#rawConfig), { ...resolved, client: this.#client });
    this.#s = composeServices({ options: resolved, client: this.#client, pool: () => this.#pool, environment: options.environment });
    applyConfig(this.#s);
  }

  /** Begin background work (reference-counted: each `start()` wants one `stop()`). */
  start(): void {
    this.#lifecycle.start();
  }

  /** Undo one `start()`; the work stops when nothing started or subscribed remains. Extra calls do nothing. */
  stop(): void {
    this.#lifecycle.stop();
  }

  getState = (): AuthState => this.#s.store.getState();

  /** Be told of every state change; the first subscriber starts the engine, the last one's leaving stops it. */
  subscribe = (listener: () => void): (() => void) => {
    const unsubscribe = this.#s.store.subscribe(listener);
    const release = this.#lifecycle.hold();
    return () => {
      unsubscribe();
      release();
    };
  };

  /** For cognito-react-kit/devtools: refresh causes, expiring the access token. Not a stable API. */
  readonly [INSPECT] = (): SessionInspection => this.#s.sessions;

  /** Hub-style events (`signIn`, `signOut`, `tokenRefresh`, …, v6's `signedIn`, `signedOut`, … or `*`); returns an unsubscribe. */
  listen(event: '*', listener: AuthEventListener): () => void;
  listen<K extends AuthListenableEventName>(event: K, listener: AuthEventListener<K>): () => void;
  listen(event: AuthListenableEventName | '*', listener: (event: never) => void): () => void {
    return this.#s.events.listen(event as AuthListenableEventName, listener as AuthEventListener<AuthListenableEventName>);
  }

  /** With no argument: the current resolved config. With one: merge, re-validate, apply. */
  configure(partial?: AuthConfigInput): ResolvedAuthConfig {
    if (partial === undefined) return this.#pool.config;
    const raw = mergeConfig(this.#rawConfig, partial);
    const pool = new ConfiguredPool(resolveConfig(raw), { ...this.#options, client: this.#client });
    this.#rawConfig = raw;
    const wasRunning = this.#lifecycle.running;
    if (wasRunning) this.#s.sessions.stop();
    this.#s.sessions.forget();
    this.#pool = pool;
    applyConfig(this.#s);
    if (wasRunning) startServices(this.#s);
    return pool.config;
  }

  /** Reject every request in flight with an `AbortError`; the state (a session too) stays. */
  abort(): void {
    this.#client.abort();
  }

  /** The session, refreshed first when due or with `{ forceRefresh: true }` (v6). One refresh for all concurrent callers and tabs. */
  currentSession(options: { forceRefresh?: boolean } = {}): Promise<AuthSession> {
    return this.#s.sessions.currentSession(options?.forceRefresh === true);
  }

  /** How long (ms) until the engine refreshes `session`; 0 when due. For caches such as `useSession`. */
  sessionFreshFor(session: AuthSession): number {
    return this.#s.sessions.freshFor(session);
  }

  /** Starts loading what sign-in needs and the SRP math that does not need the password, e.g. when a sign-in form shows. Safe to call often. */
  prepareSignIn(): void {
    prepareSignIn(this.#s, this.#pool, this.#options.srp);
  }

  /** @deprecated Amplify v5 form: use `signIn({ username, password, clientMetadata })`. */
  signIn(username: string, password?: string, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  signIn(params: SignInParams): Promise<SignInResult>;
  signIn(...args: v5.SignInArgs): Promise<SignInResult> {
    return this.#s.signIn.run('signIn', 'signIn_failure', (flow) => flow.signIn(v5.signInArgs(args)));
  }

  /** @deprecated Amplify v5 form: use `confirmSignIn({ challengeResponse, clientMetadata })`. */
  confirmSignIn(user: v5.V5User, code: string, mfaType?: string | null, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  /** @deprecated Amplify v5 form: use `confirmSignIn({ challengeResponse, clientMetadata })`. */
  confirmSignIn(code: string, mfaType?: string | null, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  /** Answer the current step: a code, the MFA type (`SMS`/`TOTP`), a new password, or a custom challenge answer. */
  confirmSignIn(params: ConfirmSignInParams): Promise<SignInResult>;
  confirmSignIn(...args: v5.ConfirmSignInArgs): Promise<SignInResult> {
    return this.#s.signIn.run('confirmSignIn', 'signIn_failure', (flow) => flow.answer(v5.confirmSignInArgs(args), 'confirmSignIn', 'signIn_failure'));
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  completeNewPassword(user: v5.V5User, newPassword: string, requiredAttributes?: Record<string, string>, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  /** Amplify v5's answer to NEW_PASSWORD_REQUIRED (`confirmSignIn` answers it too). */
  completeNewPassword(newPassword: string, requiredAttributes?: Record<string, string>, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  completeNewPassword(...args: v5.CompleteNewPasswordArgs): Promise<SignInResult> {
    const params = v5.completeNewPasswordArgs(args);
    return this.#s.signIn.run('completeNewPassword', 'completeNewPassword_failure', (flow) =>
      flow.answer(params, 'completeNewPassword', 'completeNewPassword_failure', 'NEW_PASSWORD_REQUIRED'),
    );
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  sendCustomChallengeAnswer(user: v5.V5User, answer: string, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  /** Amplify v5's answer to a custom challenge (`confirmSignIn` answers it too). */
  sendCustomChallengeAnswer(answer: string, clientMetadata?: v5.ClientMetadata): Promise<SignInResult>;
  sendCustomChallengeAnswer(...args: v5.CustomAnswerArgs): Promise<SignInResult> {
    const params = v5.customAnswerArgs(args);
    return this.#s.signIn.run('sendCustomChallengeAnswer', 'signIn_failure', (flow) => flow.answer(params, 'sendCustomChallengeAnswer', 'signIn_failure', 'CUSTOM_CHALLENGE'));
  }

  /** v6 apps call `signIn` again for this: a new code for a code step that is the way to sign in (`nextStep.firstFactor`). */
  resendSignInCode(): Promise<SignInResult> {
    return this.#s.signIn.run('resendSignInCode', 'signIn_failure', (flow) => flow.resendCode());
  }

  /** Drops an unfinished sign-in without a request, so the app can go back to its form. Nothing happens when signed in. */
  async cancelSignIn(): Promise<void> {
    cancelSignIn(this.#s);
  }

  /** Go to the hosted UI (or straight to a social provider through it): resolves as the page starts to leave; with `popup`, signed in (the page stays). */
  federatedSignIn<O extends FederatedSignInOptions = FederatedSignInOptions>(options?: FederatedSignInInput<O>): Promise<FederatedSignInResult<O>> {
    return this.#s.hostedUi.federatedSignIn(options) as Promise<FederatedSignInResult<O>>;
  }

  /** Finish a hosted-UI sign-in on the redirect page (done by `start()` on a callback URL); null when not a callback. */
  handleRedirect(url?: string): Promise<SignInResult | null> {
    return this.#s.hostedUi.handleRedirect(url);
  }

  /** Sign out here; with `{ global: true }` on every device (revokes every refresh token). */
  signOut(options: { global?: boolean } = {}): Promise<void> {
    return this.#s.signOut.signOut(options.global === true);
  }

  /** @deprecated Amplify v5 form: use `signUp({ username, password, attributes })`. */
  signUp(username: string, password: string, email?: string, phoneNumber?: string): Promise<SignUpResult>;
  signUp(params: SignUpParams): Promise<SignUpResult>;
  signUp(...args: v5.SignUpArgs): Promise<SignUpResult> {
    return this.#s.signUp.run('signUp', 'signUp_failure', (flow) => flow.signUp(v5.signUpArgs(args)));
  }

  /** @deprecated Amplify v5 form: use `confirmSignUp({ username, code })`. */
  confirmSignUp(username: string, code: string, options?: { forceAliasCreation?: boolean; clientMetadata?: v5.ClientMetadata }): Promise<'SUCCESS'>;
  /** v6 form: resolves `{ isSignUpComplete, nextStep }`; `COMPLETE_AUTO_SIGN_IN` means `autoSignIn()` has the sign-in that followed. */
  confirmSignUp(params: ConfirmSignUpInput): Promise<ConfirmSignUpOutput>;
  /** Confirm the account; signs in after when sign-up asked for `autoSignIn`. (Last: hooks take their types from it.) */
  confirmSignUp(params: ConfirmSignUpParams): Promise<'SUCCESS'>;
  confirmSignUp(...args: v5.ConfirmSignUpArgs): Promise<'SUCCESS' | ConfirmSignUpOutput> {
    const done = this.#s.signUp.run('confirmSignUp', undefined, (flow) => flow.confirm(v5.confirmSignUpArgs(args)));
    if (!(typeof args[0] === 'object' && 'confirmationCode' in args[0])) return done;
    return done.then(() => ({ isSignUpComplete: true, nextStep: { signUpStep: this.#s.signUp.loaded?.autoSignInDone ? 'COMPLETE_AUTO_SIGN_IN' : 'DONE' } }));
  }

  /** v6: the sign-in that follows a confirmed sign-up (ask for `autoSignIn` in `signUp`). It runs as the code is confirmed; this hands out its result, once. */
  autoSignIn(): Promise<SignInResult> {
    return this.#s.signUp.run('autoSignIn', undefined, (flow) => flow.autoSignIn());
  }

  /** @deprecated Amplify v5 form: use `resendSignUp({ username })`. */
  resendSignUp(username: string, clientMetadata?: v5.ClientMetadata): Promise<CodeDeliveryResult>;
  resendSignUp(params: ResendSignUpParams): Promise<CodeDeliveryResult>;
  resendSignUp(...args: v5.UsernameArgs<ResendSignUpParams>): Promise<CodeDeliveryResult> {
    return this.#s.signUp.run('resendSignUp', undefined, (flow) => flow.resend(v5.usernameArgs(args)));
  }

  /** @deprecated Amplify v5 form: use `forgotPassword({ username })`. */
  forgotPassword(username: string, clientMetadata?: v5.ClientMetadata): Promise<ForgotPasswordResult>;
  /** Send a password-reset code. The next step is CONFIRM_RESET_PASSWORD_WITH_CODE. */
  forgotPassword(params: ForgotPasswordParams): Promise<ForgotPasswordResult>;
  forgotPassword(...args: v5.UsernameArgs<ForgotPasswordParams>): Promise<ForgotPasswordResult> {
    return this.#s.passwordReset.run('forgotPassword', 'forgotPassword_failure', (flow) => flow.start(v5.usernameArgs(args)));
  }

  /** @deprecated Amplify v5 form: use `forgotPasswordSubmit({ username, code, newPassword })`. */
  forgotPasswordSubmit(username: string, code: string, newPassword: string, clientMetadata?: v5.ClientMetadata): Promise<'SUCCESS'>;
  /** Set a new password with the reset code. */
  forgotPasswordSubmit(params: ForgotPasswordSubmitParams): Promise<'SUCCESS'>;
  forgotPasswordSubmit(...args: v5.ForgotPasswordSubmitArgs): Promise<'SUCCESS'> {
    return this.#s.passwordReset.run('forgotPasswordSubmit', 'forgotPasswordSubmit_failure', (flow) => flow.submit(v5.forgotPasswordSubmitArgs(args)));
  }

  /** The signed-in user from the id token (no request), or fresh from Cognito with `bypassCache`. */
  currentAuthenticatedUser(options: { bypassCache?: boolean } = {}): Promise<AuthUser> {
    return this.#s.account().then((account) => account.currentUser(options.bypassCache === true));
  }

  /** v5: `{ username, attributes, id }` from Cognito, or null when nobody is signed in. */
  currentUserInfo(): Promise<CurrentUserInfo | null> {
    return this.#s.account().then((account) => account.userInfo());
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  userAttributes(user: v5.V5User): Promise<UserAttribute[]>;
  /** The user's attributes as `[{ Name, Value }]`, from Cognito. */
  userAttributes(): Promise<UserAttribute[]>;
  userAttributes(): Promise<UserAttribute[]> {
    return this.#s.account().then((account) => account.attributeList());
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  updateUserAttributes(user: v5.V5User, attributes: Record<string, string>, clientMetadata?: v5.ClientMetadata): Promise<'SUCCESS'>;
  /** Update attributes; a changed email or phone number needs verifying (`verifyCurrentUserAttribute`). */
  updateUserAttributes(attributes: Record<string, string>, clientMetadata?: v5.ClientMetadata): Promise<'SUCCESS'>;
  updateUserAttributes(...args: v5.UpdateUserAttributesArgs): Promise<'SUCCESS'> {
    const [attributes, metadata] = v5.withoutUser<readonly [Record<string, string>, v5.ClientMetadata?]>(args);
    return this.#s.account().then((account) => account.updateAttributes(attributes, metadata));
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  deleteUserAttributes(user: v5.V5User, names: string[]): Promise<'SUCCESS'>;
  deleteUserAttributes(names: string[]): Promise<'SUCCESS'>;
  deleteUserAttributes(...args: v5.DeleteUserAttributesArgs): Promise<'SUCCESS'> {
    return this.#s.account().then((account) => account.deleteAttributes(v5.withoutUser<readonly [string[]]>(args)[0]));
  }

  /** Send a code to verify `email` or `phone_number` of the signed-in user. */
  verifyCurrentUserAttribute(attribute: string, clientMetadata?: v5.ClientMetadata): Promise<CodeDeliveryResult> {
    return this.#s.account().then((account) => account.sendVerificationCode(attribute, clientMetadata));
  }

  /** Check the code sent by `verifyCurrentUserAttribute`. */
  verifyCurrentUserAttributeSubmit(attribute: string, code: string): Promise<'SUCCESS'> {
    return this.#s.account().then((account) => account.verifyAttribute(attribute, code));
  }

  /** @deprecated Amplify v5 form: use `verifyCurrentUserAttribute(attribute)`. */
  verifyUserAttribute(user: v5.V5User, attribute: string, clientMetadata?: v5.ClientMetadata): Promise<CodeDeliveryResult>;
  /** @deprecated Amplify v5 form: use `verifyCurrentUserAttribute(attribute)`. */
  verifyUserAttribute(attribute: string, clientMetadata?: v5.ClientMetadata): Promise<CodeDeliveryResult>;
  verifyUserAttribute(...args: v5.VerifyUserAttributeArgs): Promise<CodeDeliveryResult> {
    const [attribute, metadata] = v5.withoutUser<readonly [string, v5.ClientMetadata?]>(args);
    return this.#s.account().then((account) => account.sendVerificationCode(attribute, metadata));
  }

  /** @deprecated Amplify v5 form: use `verifyCurrentUserAttributeSubmit(attribute, code)`. */
  verifyUserAttributeSubmit(user: v5.V5User, attribute: string, code: string): Promise<'SUCCESS'>;
  /** @deprecated Amplify v5 form: use `verifyCurrentUserAttributeSubmit(attribute, code)`. */
  verifyUserAttributeSubmit(attribute: string, code: string): Promise<'SUCCESS'>;
  verifyUserAttributeSubmit(...args: v5.VerifyUserAttributeSubmitArgs): Promise<'SUCCESS'> {
    const [attribute, code] = v5.withoutUser<readonly [string, string]>(args);
    return this.#s.account().then((account) => account.verifyAttribute(attribute, code));
  }

  /** @deprecated Amplify v5 forms: use `changePassword({ oldPassword, newPassword })`. */
  changePassword(user: v5.V5User, oldPassword: string, newPassword: string): Promise<'SUCCESS'>;
  /** @deprecated Amplify v5 forms: use `changePassword({ oldPassword, newPassword })`. */
  changePassword(oldPassword: string, newPassword: string): Promise<'SUCCESS'>;
  changePassword(params: ChangePasswordParams): Promise<'SUCCESS'>;
  changePassword(...args: v5.ChangePasswordArgs): Promise<'SUCCESS'> {
    return this.#s.account().then((account) => account.changePassword(v5.changePasswordArgs(args)));
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  setupTOTP(user: v5.V5User): Promise<string>;
  /** The shared secret of a new authenticator app; build its QR code with `buildTotpUri`. */
  setupTOTP(): Promise<string>;
  setupTOTP(): Promise<string> {
    return this.#s.account().then((account) => account.setupTotp());
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  verifyTotpToken(user: v5.V5User, code: string, friendlyDeviceName?: string): Promise<'SUCCESS'>;
  /** Check the authenticator app's first code; then `setPreferredMFA('TOTP')`. */
  verifyTotpToken(code: string, friendlyDeviceName?: string): Promise<'SUCCESS'>;
  verifyTotpToken(...args: v5.VerifyTotpTokenArgs): Promise<'SUCCESS'> {
    const [code, deviceName] = v5.withoutUser<readonly [string, string?]>(args);
    return this.#s.account().then((account) => account.verifyTotp(code, deviceName));
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  setPreferredMFA(user: v5.V5User, method: MfaPreference): Promise<'SUCCESS'>;
  setPreferredMFA(method: MfaPreference): Promise<'SUCCESS'>;
  setPreferredMFA(...args: v5.SetPreferredMfaArgs): Promise<'SUCCESS'> {
    return this.#s.account().then((account) => account.setPreferredMfa(v5.withoutUser<readonly [MfaPreference]>(args)[0]));
  }

  /** @deprecated Amplify v5 form: drop the user argument. */
  getPreferredMFA(user: v5.V5User, params?: { bypassCache?: boolean }): Promise<PreferredMfa>;
  /** `SMS_MFA`, `SOFTWARE_TOKEN_MFA` or `NOMFA`, from Cognito. */
  getPreferredMFA(): Promise<PreferredMfa>;
  getPreferredMFA(): Promise<PreferredMfa> {
    return this.#s.account().then((account) => account.preferredMfa());
  }

  /** v6: the MFA methods turned on for the signed-in user, and the preferred one, from Cognito. */
  fetchMFAPreference(): Promise<MfaPreferenceResult> {
    return this.#s.account().then((account) => account.mfaPreference());
  }

  /** v6: turn MFA methods on or off and choose the preferred one: `{ totp: 'PREFERRED', sms: 'DISABLED' }`. */
  updateMFAPreference(params: UpdateMfaPreferenceParams): Promise<void> {
    return this.#s.account().then((account) => account.updateMfaPreference(params));
  }

  /** v6: create a passkey on this device for the signed-in user (the platform's prompt), and register it with Cognito. */
  associateWebAuthnCredential(): Promise<void> {
    return this.#s.passkeys().then((passkeys) => passkeys.associate());
  }

  /** Whether a passkey can be created here: the browser has WebAuthn, or the app injected its `passkeys` client. */
  supportsPasskeys(): boolean {
    return this.#options.passkeysSupported;
  }

  /** v6: the signed-in user's passkeys, a page at a time. */
  listWebAuthnCredentials(params?: ListPasskeysParams): Promise<ListPasskeysResult> {
    return this.#s.passkeys().then((passkeys) => passkeys.list(params));
  }

  /** v6: delete one of the signed-in user's passkeys; it can no longer sign in. */
  deleteWebAuthnCredential(params: { credentialId: string }): Promise<void> {
    return this.#s.passkeys().then((passkeys) => passkeys.delete(params));
  }

  /** Mark this device remembered: later sign-ins from it may skip MFA (per pool settings). */
  rememberDevice(): Promise<'SUCCESS'> {
    return this.#s.account().then((account) => account.rememberDevice());
  }

  /** Forget a device at Cognito (v6: `{ device: { id } }` from `fetchDevices`), by default this one, also here. */
  forgetDevice(params?: { device?: { id: string } }): Promise<void> {
    return this.#s.account().then((account) => account.forgetDevice(params?.device?.id));
  }

  /** The user's devices, v5 shape `{ id, name }` plus remembered status and dates. */
  fetchDevices(): Promise<DeviceInfo[]> {
    return this.#s.account().then((account) => account.fetchDevices());
  }

  /** Delete the signed-in user at Cognito, then everything stored about it here. */
  deleteUser(): Promise<'SUCCESS'> {
    return this.#s.signOut.deleteUser();
  }

  /** AWS credentials from the identity pool: the signed-in user's, or guest ones when signed out. */
  currentCredentials(): Promise<AwsCredentials> {
    return this.#s.credentials.load().then((credentials) => credentials.get(), (error: unknown) => Promise.reject(toAuthError(error, 'currentCredentials')));
  }

  /** How long (ms) cached credentials are served before they are fetched anew; 0 when due. */
  credentialsFreshFor(credentials: AwsCredentials): number {
    return this.#s.credentials.loaded?.freshFor(credentials) ?? 0;
  }

  /** The seed's `essentialCredentials(credentials)`: what an AWS SDK client needs, plus identity. */
  essentialCredentials(credentials: AwsCredentials): EssentialCredentials {
    const { accessKeyId, sessionToken, secretAccessKey, identityId, authenticated } = credentials;
    return { accessKeyId, sessionToken, secretAccessKey, identityId, authenticated };
  }

  /** For AWS SDK v3 clients: `new S3Client({ credentials: auth.credentialsProvider })`. Works unbound. */
  readonly credentialsProvider = async (): Promise<SdkCredentials> => {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = await this.currentCredentials();
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  };
}

/** Create an engine; nothing is requested until `start()` or the first `subscribe`. */
export function createAuth(config: AuthConfigInput, options?: CreateAuthOptions): Auth {
  return new Auth(config, options);
}
