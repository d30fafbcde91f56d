import { dropUserArgument, optionalRecord, requireCode, requirePassword, requireText } from './args';
import type { CreateAuthOptions } from './auth';
import { endsSession } from './session/refreshPolicy';
import { toV5Delivery } from './engine';
import { HostedUiEngine } from './hostedUiEngine';
import type { ResolvedAuthConfig } from './config/types';
import { CredentialsCache } from './credentials/credentialsCache';
import type { AwsCredentials, EssentialCredentials, SdkCredentials } from './credentials/types';
import {
  attributesToRecord,
  deleteUserAttributes,
  getUser,
  sendAttributeVerificationCode,
  updateUserAttributes,
  verifyAttribute,
} from './flows/attributes';
import { forgetDevice, listDevices, setDeviceRemembered } from './flows/devices';
import {
  associateSoftwareToken,
  mfaPreferenceInput,
  preferredMfaOf,
  setMfaPreference,
  verifySoftwareToken,
  type MfaMethodInput,
} from './flows/mfa';
import { changePassword, confirmForgotPassword, forgotPassword } from './flows/password';
import { authError, toAuthError } from './normalizeError';
import type { AuthSession } from './session/authSession';
import type { AuthUser, DeviceInfo, PreferredMfa, UserAttribute } from './types';

/**
 * The headless Cognito auth engine: Amplify v5's Auth API, acting on the signed-in user, with an
 * observable state (`subscribe`/`getState`) and Hub-style events (`listen`).
 */
export class Auth extends HostedUiEngine {
  #credentials: { config: ResolvedAuthConfig; cache: CredentialsCache } | undefined;

  constructor(config: unknown, options?: CreateAuthOptions) {
    super(config, options);
    // Credentials belong to one principal: a sign-in, sign-out or user switch drops them.
    this.userChangeListeners.add(() => this.#credentials?.cache.clear());
  }

  /** AWS credentials from the identity pool: the signed-in user's, or guest ones when signed out. */
  async currentCredentials(): Promise<AwsCredentials> {
    try {
      return await this.#credentialsCache().get();
    } catch (thrown) {
      throw toAuthError(thrown, 'currentCredentials');
    }
  }

  /** The seed's `essentialCredentials(credentials)`: what an AWS SDK client needs, plus identity. */
  essentialCredentials(credentials: AwsCredentials): EssentialCredentials {
    return {
      accessKeyId: credentials.accessKeyId,
      sessionToken: credentials.sessionToken,
      secretAccessKey: credentials.secretAccessKey,
      identityId: credentials.identityId,
      authenticated: credentials.authenticated,
    };
  }

  /** For AWS SDK v3 clients: `new S3Client({ credentials: auth.credentialsProvider })`. Works unbound. */
  readonly credentialsProvider = async (): Promise<SdkCredentials> => {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = await this.currentCredentials();
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  };

  #credentialsCache(): CredentialsCache {
    const config = this.config;
    if (this.#credentials?.config === config) return this.#credentials.cache;
    if (!config.identityPoolId || !config.identityPoolEndpoint) {
      throw authError('NoIdentityPool', 'No identity pool is configured (identityPoolId).', 'currentCredentials');
    }
    const cache = new CredentialsCache({
      identityPoolId: config.identityPoolId,
      mandatorySignIn: config.mandatorySignIn,
      call: this.serviceCall(config.identityPoolEndpoint, 'AWSCognitoIdentityService'),
      storage: this.storage,
      now: this.options.now,
      session: async () => (this.session ? this.currentSession() : null),
    });
    this.#credentials = { config, cache };
    return cache;
  }

  /** Sign out here; with `{ global: true }` on every device (revokes every refresh token). */
  async signOut(options: { global?: boolean } = {}): Promise<void> {
    this.resetSignIn();
    const session = this.session;
    const viaHostedUi = session !== null && this.signedInWithHostedUi;
    if (session) {
      try {
        if (options.global) {
          // Not withAccessToken: on a dead session that would end it and announce signOut itself,
          // and the announcement below would be the second one.
          const { accessToken } = await this.currentSession();
          await this.ctx('signOut').call('GlobalSignOut', { AccessToken: accessToken });
        } else if (viaHostedUi) {
          // Revoked at /oauth2/revoke below, with the hosted UI's own logout.
        } else if (session.refreshToken && session.accessTokenPayload['origin_jti']) {
          // Token revocation is on for this client (origin_jti present): revoke, as Amplify does.
          await this.ctx('signOut').call('RevokeToken', { Token: session.refreshToken, ClientId: this.ctx('signOut').clientId });
        }
      } catch (thrown) {
        const error = toAuthError(thrown, 'signOut');
        // A global sign-out that did not reach Cognito did not happen: say so and stay signed in.
        if (options.global && this.session && !isDeadSession(error) && !endsSession(error)) throw error;
        // A failed revoke of a local sign-out must not keep the user signed in here.
      }
    }
    if (this.session || this.getState().status !== 'signedOut' || this.getState().nextStep) this.endSession();
    this.events.emit('signOut', undefined, 'A user has been signed out');
    // Last: it navigates away. The hosted UI keeps its own session cookie until /logout clears it.
    if (viaHostedUi) await this.hostedUiSignOut(options.global ? null : session);
  }

  /** The signed-in user from the id token (no request), or fresh from Cognito with `bypassCache`. */
  async currentAuthenticatedUser(options: { bypassCache?: boolean } = {}): Promise<AuthUser> {
    // Refreshes expired tokens first, as v5 did; fails with NoCurrentUser when signed out.
    await this.#sessionFor('currentAuthenticatedUser');
    if (options.bypassCache) return this.#reloadUser('currentAuthenticatedUser');
    const user = this.getState().user;
    if (!user) throw authError('NoCurrentUser', 'No current user', 'currentAuthenticatedUser');
    return user;
  }

  /** v5: `{ username, attributes, id }` from Cognito, or null when nobody is signed in. */
  async currentUserInfo(): Promise<{ username: string; userId: string; attributes: Record<string, string>; id?: string } | null> {
    if (!this.session) return null;
    const user = await this.#reloadUser('currentUserInfo');
    return { ...user, attributes: { ...user.attributes } };
  }

  /** v5: `userAttributes(user?)` → `[{ Name, Value }]`, from Cognito. */
  async userAttributes(..._args: unknown[]): Promise<UserAttribute[]> {
    const user = await this.#reloadUser('userAttributes');
    return Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));
  }

  /** v5: `updateUserAttributes(user?, attributes, clientMetadata?)` → `'SUCCESS'`. Changed email/phone need verifying. */
  async updateUserAttributes(...args: unknown[]): Promise<'SUCCESS'> {
    const [attributes, metadata] = dropUserArgument(args);
    const record = optionalRecord(attributes);
    try {
      if (!record || Object.keys(record).length === 0) {
        throw authError('InvalidArgument', 'Pass at least one attribute to update.', 'updateUserAttributes');
      }
      const result = await this.withAccessToken('updateUserAttributes', (ctx, token) =>
        updateUserAttributes(ctx, token, record, optionalRecord(metadata)),
      );
      await this.#reloadUser('updateUserAttributes').catch(() => undefined);
      this.events.emit('updateUserAttributes', result, 'User attributes updated');
      return 'SUCCESS';
    } catch (thrown) {
      const error = toAuthError(thrown, 'updateUserAttributes');
      this.events.emit('updateUserAttributes_failure', error);
      throw error;
    }
  }

  /** v5: `deleteUserAttributes(user?, names)` → `'SUCCESS'`. */
  async deleteUserAttributes(...args: unknown[]): Promise<'SUCCESS'> {
    const [names] = dropUserArgument(args);
    const list = Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && name !== '') : [];
    if (list.length === 0) throw authError('InvalidArgument', 'Pass the names of the attributes to delete.', 'deleteUserAttributes');
    await this.withAccessToken('deleteUserAttributes', (ctx, token) => deleteUserAttributes(ctx, token, list));
    await this.#reloadUser('deleteUserAttributes').catch(() => undefined);
    return 'SUCCESS';
  }

  /** Send a code to verify `email` or `phone_number` of the signed-in user. */
  async verifyCurrentUserAttribute(attribute: string, clientMetadata?: Record<string, string>) {
    const name = requireText(attribute, 'InvalidArgument', 'Attribute name', 'verifyCurrentUserAttribute');
    const details = await this.withAccessToken('verifyCurrentUserAttribute', (ctx, token) =>
      sendAttributeVerificationCode(ctx, token, name, clientMetadata),
    );
    return { CodeDeliveryDetails: toV5Delivery(details), codeDeliveryDetails: details };
  }

  /** Check the code sent by `verifyCurrentUserAttribute`. */
  async verifyCurrentUserAttributeSubmit(attribute: string, code: string): Promise<'SUCCESS'> {
    const name = requireText(attribute, 'InvalidArgument', 'Attribute name', 'verifyCurrentUserAttributeSubmit');
    const digits = requireCode(code, 'verifyCurrentUserAttributeSubmit');
    await this.withAccessToken('verifyCurrentUserAttributeSubmit', (ctx, token) => verifyAttribute(ctx, token, name, digits));
    await this.#reloadUser('verifyCurrentUserAttributeSubmit').catch(() => undefined);
    return 'SUCCESS';
  }

  /** v5: `verifyUserAttribute(user, attribute, clientMetadata?)`. */
  verifyUserAttribute(...args: unknown[]) {
    const [attribute, metadata] = dropUserArgument(args);
    return this.verifyCurrentUserAttribute(attribute as string, optionalRecord(metadata));
  }

  /** v5: `verifyUserAttributeSubmit(user, attribute, code)`. */
  verifyUserAttributeSubmit(...args: unknown[]): Promise<'SUCCESS'> {
    const [attribute, code] = dropUserArgument(args);
    return this.verifyCurrentUserAttributeSubmit(attribute as string, code as string);
  }

  /** Send a password-reset code. The next step is CONFIRM_RESET_PASSWORD_WITH_CODE. */
  async forgotPassword(username: string, clientMetadata?: Record<string, string>) {
    return this.flow('forgotPassword', 'forgotPassword_failure', async (ctx) => {
      const name = requireText(username, 'EmptyUsername', 'Username', 'forgotPassword');
      const details = await forgotPassword(ctx, name, clientMetadata);
      this.setStep({ signInStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', username: name, ...(details ? { codeDeliveryDetails: details } : {}) });
      const result = {
        CodeDeliveryDetails: toV5Delivery(details),
        codeDeliveryDetails: details,
        nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE' as const, codeDeliveryDetails: details },
      };
      this.events.emit('forgotPassword', { username: name }, `${name} has requested a new password`);
      return result;
    });
  }

  /** Set a new password with the reset code. */
  async forgotPasswordSubmit(username: string, code: string, password: string, clientMetadata?: Record<string, string>): Promise<'SUCCESS'> {
    return this.flow('forgotPasswordSubmit', 'forgotPasswordSubmit_failure', async (ctx) => {
      const name = requireText(username, 'EmptyUsername', 'Username', 'forgotPasswordSubmit');
      await confirmForgotPassword(ctx, {
        username: name,
        code: requireCode(code, 'forgotPasswordSubmit'),
        password: requirePassword(password, 'New password', 'forgotPasswordSubmit'),
        ...(clientMetadata ? { clientMetadata } : {}),
      });
      this.setStep(null);
      this.events.emit('forgotPasswordSubmit', { username: name }, `${name} has submitted a new password`);
      return 'SUCCESS' as const;
    });
  }

  /** v5: `changePassword(user?, oldPassword, newPassword)` → `'SUCCESS'`. */
  async changePassword(...args: unknown[]): Promise<'SUCCESS'> {
    const [oldPassword, newPassword] = dropUserArgument(args);
    const previous = requirePassword(oldPassword, 'Current password', 'changePassword');
    const proposed = requirePassword(newPassword, 'New password', 'changePassword');
    await this.withAccessToken('changePassword', (ctx, token) => changePassword(ctx, token, previous, proposed));
    return 'SUCCESS';
  }

  /** v5: `setupTOTP(user?)` → the shared secret; build the QR URI with `buildTotpUri`. */
  async setupTOTP(..._args: unknown[]): Promise<string> {
    return this.withAccessToken('setupTOTP', (ctx, token) => associateSoftwareToken(ctx, token));
  }

  /** v5: `verifyTotpToken(user?, code)`: checks the authenticator app's code; then `setPreferredMFA('TOTP')`. */
  async verifyTotpToken(...args: unknown[]): Promise<'SUCCESS'> {
    const [code, deviceName] = dropUserArgument(args);
    const digits = requireCode(code, 'verifyTotpToken');
    const status = await this.withAccessToken('verifyTotpToken', (ctx, token) =>
      verifySoftwareToken(ctx, token, digits, typeof deviceName === 'string' ? deviceName : undefined),
    );
    if (status !== 'SUCCESS') throw authError('CodeMismatchException', 'The authenticator code was not accepted.', 'verifyTotpToken');
    this.events.emit('verify', { status }, 'TOTP verified');
    return 'SUCCESS';
  }

  /** v5: `setPreferredMFA(user?, 'TOTP' | 'SMS' | 'NOMFA')` → `'SUCCESS'`. */
  async setPreferredMFA(...args: unknown[]): Promise<'SUCCESS'> {
    const [method] = dropUserArgument(args);
    const normalized = normalizeMfaMethod(method);
    await this.withAccessToken('setPreferredMFA', (ctx, token) => setMfaPreference(ctx, token, mfaPreferenceInput(normalized)));
    return 'SUCCESS';
  }

  /** v5: `getPreferredMFA(user?)` → `'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'NOMFA'`, from Cognito. */
  async getPreferredMFA(..._args: unknown[]): Promise<PreferredMfa> {
    const data = await this.withAccessToken('getPreferredMFA', (ctx, token) => getUser(ctx, token));
    return preferredMfaOf(data);
  }

  /** Mark this device remembered: later sign-ins from it may skip MFA (per pool settings). */
  async rememberDevice(): Promise<'SUCCESS'> {
    const deviceKey = this.#deviceKey('rememberDevice');
    await this.withAccessToken('rememberDevice', (ctx, token) => setDeviceRemembered(ctx, token, deviceKey, true));
    return 'SUCCESS';
  }

  /** Forget this device at Cognito and locally. */
  async forgetDevice(): Promise<void> {
    const deviceKey = this.#deviceKey('forgetDevice');
    await this.withAccessToken('forgetDevice', (ctx, token) => forgetDevice(ctx, token, deviceKey));
    if (this.username) this.ctx('forgetDevice').store.clearDevice(this.username);
  }

  /** The user's devices, v5 shape `{ id, name }` plus remembered status and dates. */
  async fetchDevices(): Promise<DeviceInfo[]> {
    return this.withAccessToken('fetchDevices', (ctx, token) => listDevices(ctx, token));
  }

  /** Delete the signed-in user at Cognito, then everything stored about it here. */
  async deleteUser(): Promise<'SUCCESS'> {
    await this.withAccessToken('deleteUser', (ctx, token) => ctx.call('DeleteUser', { AccessToken: token }));
    this.resetSignIn();
    this.endSession(null, { forgetDevice: true });
    this.events.emit('userDeleted', undefined, 'The authenticated user has been deleted.');
    return 'SUCCESS';
  }

  async #sessionFor(source: string): Promise<AuthSession> {
    try {
      return await this.currentSession();
    } catch (thrown) {
      throw toAuthError(thrown, source);
    }
  }

  /** GetUser, and the state's user updated with what Cognito says now. */
  async #reloadUser(source: string): Promise<AuthUser> {
    const data = await this.withAccessToken(source, (ctx, token) => getUser(ctx, token));
    const attributes = attributesToRecord(data.UserAttributes);
    const user: AuthUser = { username: data.Username, userId: attributes['sub'] ?? this.getState().user?.userId ?? '', attributes };
    this.dispatch({ type: 'userChanged', user });
    return this.getState().user ?? user;
  }

  #deviceKey(source: string): string {
    const username = this.username;
    const device = username ? this.ctx(source).store.device(username) : null;
    if (!username) throw authError('NoCurrentUser', 'No current user', source);
    if (!device) throw authError('NoDevice', 'This device is not tracked by the user pool.', source);
    return device.deviceKey;
  }
}

function isDeadSession(error: { name: string }): boolean {
  return error.name === 'NoCurrentUser' || error.name === 'NotAuthorizedException';
}

function normalizeMfaMethod(method: unknown): 'TOTP' | 'SMS' | 'NOMFA' {
  const value = typeof method === 'string' ? (method.toUpperCase() as MfaMethodInput) : undefined;
  if (value === 'TOTP' || value === 'SOFTWARE_TOKEN_MFA') return 'TOTP';
  if (value === 'SMS' || value === 'SMS_MFA') return 'SMS';
  if (value === 'NOMFA') return 'NOMFA';
  throw authError('InvalidMFAType', 'invalid MFA Type: use TOTP, SMS or NOMFA.', 'setPreferredMFA');
}

export function createAuth(config: unknown, options?: CreateAuthOptions): Auth {
  return new Auth(config, options);
}
