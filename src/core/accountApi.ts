import { requireCode, requirePassword, requireText } from './args';
import type { AuthStore } from './authStore';
import type { ConfiguredPool } from './configuredPool';
import type { AuthEvents } from './events';
import {
  attributesToRecord,
  deleteUserAttributes,
  getUser,
  sendAttributeVerificationCode,
  updateUserAttributes,
  verifyAttribute,
} from './flows/attributes';
import type { MfaMethodInput } from './flows/mfa';
import type { MfaPreferenceResult, UpdateMfaPreferenceParams } from './flows/mfaPreferences';
import { changePassword } from './flows/password';
import { authError, toAuthError } from './normalizeError';
import type { SessionManager } from './sessionManager';
import type { AuthUser, CodeDeliveryResult, CurrentUserInfo, DeviceInfo, PreferredMfa, UpdateAttributesResult, UserAttribute } from './types';
import { toV5Delivery } from './v5Compat';

/** What `setPreferredMFA` takes: `TOTP`, `SMS`, `NOMFA`, or Cognito's own names for the first two. */
export type MfaPreference = MfaMethodInput;

export interface ChangePasswordParams {
  oldPassword: string;
  newPassword: string;
}

export interface AccountApiDeps {
  pool: () => ConfiguredPool;
  store: AuthStore;
  events: AuthEvents;
  sessions: SessionManager;
}

/** What a signed-in user does to their own account: attributes, password, MFA, devices. */
export class AccountApi {
  readonly #deps: AccountApiDeps;

  constructor(deps: AccountApiDeps) {
    this.#deps = deps;
  }

  /** The signed-in user from the id token (no request), or fresh from Cognito with `bypassCache`. */
  async currentUser(bypassCache: boolean): Promise<AuthUser> {
    // Refreshes expired tokens first, as v5 did; fails with NoCurrentUser when signed out.
    await this.#deps.sessions.currentSession().catch((thrown: unknown) => Promise.reject(toAuthError(thrown, 'currentAuthenticatedUser')));
    if (bypassCache) return this.reloadUser('currentAuthenticatedUser');
    const user = this.#deps.store.getState().user;
    if (!user) throw authError('NoCurrentUser', 'No current user', 'currentAuthenticatedUser');
    return user;
  }

  /** v5: `{ username, attributes, id }` from Cognito, or null when nobody is signed in. */
  async userInfo(): Promise<CurrentUserInfo | null> {
    if (!this.#deps.sessions.session) return null;
    const user = await this.reloadUser('currentUserInfo');
    return { ...user, attributes: { ...user.attributes } };
  }

  /** The attributes as `[{ Name, Value }]`, from Cognito. */
  async attributeList(): Promise<UserAttribute[]> {
    const user = await this.reloadUser('userAttributes');
    return Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));
  }

  /** GetUser, and the state's user updated with what Cognito says now. */
  async reloadUser(source: string): Promise<AuthUser> {
    const { sessions, store } = this.#deps;
    const data = await sessions.withAccessToken(source, (ctx, token) => getUser(ctx, token));
    const attributes = attributesToRecord(data.UserAttributes);
    const user: AuthUser = { username: data.Username, userId: attributes['sub'] ?? store.getState().user?.userId ?? '', attributes };
    store.dispatch({ type: 'userChanged', user });
    return store.getState().user ?? user;
  }

  async updateAttributes(attributes: Record<string, string> | undefined, clientMetadata: Record<string, string> | undefined): Promise<'SUCCESS'> {
    try {
      if (!attributes || typeof attributes !== 'object' || Object.keys(attributes).length === 0) {
        throw authError('InvalidArgument', 'Pass at least one attribute to update.', 'updateUserAttributes');
      }
      const result: UpdateAttributesResult = await this.#deps.sessions.withAccessToken('updateUserAttributes', (ctx, token) =>
        updateUserAttributes(ctx, token, attributes, clientMetadata),
      );
      await this.reloadUser('updateUserAttributes').catch(() => undefined);
      this.#deps.events.emit('updateUserAttributes', result, 'User attributes updated');
      return 'SUCCESS';
    } catch (thrown) {
      const error = toAuthError(thrown, 'updateUserAttributes');
      this.#deps.events.emit('updateUserAttributes_failure', error);
      throw error;
    }
  }

  async deleteAttributes(names: readonly string[]): Promise<'SUCCESS'> {
    const list = Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && name !== '') : [];
    if (list.length === 0) throw authError('InvalidArgument', 'Pass the names of the attributes to delete.', 'deleteUserAttributes');
    await this.#deps.sessions.withAccessToken('deleteUserAttributes', (ctx, token) => deleteUserAttributes(ctx, token, list));
    await this.reloadUser('deleteUserAttributes').catch(() => undefined);
    return 'SUCCESS';
  }

  async sendVerificationCode(attribute: string, clientMetadata?: Record<string, string>): Promise<CodeDeliveryResult> {
    const name = requireText(attribute, 'InvalidArgument', 'Attribute name', 'verifyCurrentUserAttribute');
    const details = await this.#deps.sessions.withAccessToken('verifyCurrentUserAttribute', (ctx, token) =>
      sendAttributeVerificationCode(ctx, token, name, clientMetadata),
    );
    return { CodeDeliveryDetails: toV5Delivery(details), codeDeliveryDetails: details };
  }

  async verifyAttribute(attribute: string, code: string): Promise<'SUCCESS'> {
    const name = requireText(attribute, 'InvalidArgument', 'Attribute name', 'verifyCurrentUserAttributeSubmit');
    const digits = requireCode(code, 'verifyCurrentUserAttributeSubmit');
    await this.#deps.sessions.withAccessToken('verifyCurrentUserAttributeSubmit', (ctx, token) => verifyAttribute(ctx, token, name, digits));
    await this.reloadUser('verifyCurrentUserAttributeSubmit').catch(() => undefined);
    return 'SUCCESS';
  }

  async changePassword(params: ChangePasswordParams): Promise<'SUCCESS'> {
    const previous = requirePassword(params?.oldPassword, 'Current password', 'changePassword');
    const proposed = requirePassword(params.newPassword, 'New password', 'changePassword');
    await this.#deps.sessions.withAccessToken('changePassword', (ctx, token) => changePassword(ctx, token, previous, proposed));
    return 'SUCCESS';
  }

  async setupTotp(): Promise<string> {
    const { associateSoftwareToken } = await mfa();
    return this.#deps.sessions.withAccessToken('setupTOTP', (ctx, token) => associateSoftwareToken(ctx, token));
  }

  async verifyTotp(code: string, friendlyDeviceName?: string): Promise<'SUCCESS'> {
    const digits = requireCode(code, 'verifyTotpToken');
    const { verifySoftwareToken } = await mfa();
    const status = await this.#deps.sessions.withAccessToken('verifyTotpToken', (ctx, token) =>
      verifySoftwareToken(ctx, token, digits, typeof friendlyDeviceName === 'string' ? friendlyDeviceName : undefined),
    );
    if (status !== 'SUCCESS') throw authError('CodeMismatchException', 'The authenticator code was not accepted.', 'verifyTotpToken');
    this.#deps.events.emit('verify', { status }, 'TOTP verified');
    return 'SUCCESS';
  }

  async setPreferredMfa(method: MfaPreference): Promise<'SUCCESS'> {
    const normalized = normalizeMfaMethod(method);
    const { setMfaPreference, mfaPreferenceInput } = await mfa();
    await this.#deps.sessions.withAccessToken('setPreferredMFA', (ctx, token) => setMfaPreference(ctx, token, mfaPreferenceInput(normalized)));
    return 'SUCCESS';
  }

  async preferredMfa(): Promise<PreferredMfa> {
    const { preferredMfaOf } = await mfa();
    const data = await this.#deps.sessions.withAccessToken('getPreferredMFA', (ctx, token) => getUser(ctx, token));
    return preferredMfaOf(data);
  }

  async mfaPreference(): Promise<MfaPreferenceResult> {
    const { mfaPreferenceOf } = await import('./flows/mfaPreferences');
    return mfaPreferenceOf(await this.#deps.sessions.withAccessToken('fetchMFAPreference', (ctx, token) => getUser(ctx, token)));
  }

  async updateMfaPreference(params: UpdateMfaPreferenceParams): Promise<void> {
    const [{ mfaSettingsFor }, { setMfaPreference }] = await Promise.all([import('./flows/mfaPreferences'), mfa()]);
    const settings = mfaSettingsFor(params);
    await this.#deps.sessions.withAccessToken('updateMFAPreference', (ctx, token) => setMfaPreference(ctx, token, settings));
  }

  async rememberDevice(): Promise<'SUCCESS'> {
    const deviceKey = this.#deviceKey('rememberDevice');
    const { setDeviceRemembered } = await devices();
    await this.#deps.sessions.withAccessToken('rememberDevice', (ctx, token) => setDeviceRemembered(ctx, token, deviceKey, true));
    return 'SUCCESS';
  }

  /** Forgets `deviceKey` (v6's `forgetDevice({ device })`), by default this device; this device's keys are cleared here too. */
  async forgetDevice(deviceKey?: string): Promise<void> {
    const current = deviceKey === undefined ? this.#deviceKey('forgetDevice') : this.#currentDeviceKey('forgetDevice');
    const key = deviceKey ?? current;
    const { forgetDevice } = await devices();
    await this.#deps.sessions.withAccessToken('forgetDevice', (ctx, token) => forgetDevice(ctx, token, requireText(key, 'InvalidArgument', 'device.id', 'forgetDevice')));
    const username = this.#deps.sessions.username;
    if (username && key === current) this.#deps.pool().ctx('forgetDevice').tokens.clearDevice(username);
  }

  async fetchDevices(): Promise<DeviceInfo[]> {
    const { listDevices } = await devices();
    return this.#deps.sessions.withAccessToken('fetchDevices', (ctx, token) => listDevices(ctx, token));
  }

  /** DeleteUser at Cognito; the caller ends the session here. */
  async deleteUser(): Promise<void> {
    await this.#deps.sessions.withAccessToken('deleteUser', (ctx, token) => ctx.call('DeleteUser', { AccessToken: token }));
  }

  #deviceKey(source: string): string {
    const deviceKey = this.#currentDeviceKey(source);
    if (!deviceKey) throw authError('NoDevice', 'This device is not tracked by the user pool.', source);
    return deviceKey;
  }

  #currentDeviceKey(source: string): string | undefined {
    const username = this.#deps.sessions.username;
    if (!username) throw authError('NoCurrentUser', 'No current user', source);
    return this.#deps.pool().ctx(source).tokens.device(username)?.deviceKey;
  }
}

function normalizeMfaMethod(method: unknown): 'TOTP' | 'SMS' | 'NOMFA' {
  const value = typeof method === 'string' ? (method.toUpperCase() as MfaMethodInput) : undefined;
  if (value === 'TOTP' || value === 'SOFTWARE_TOKEN_MFA') return 'TOTP';
  if (value === 'SMS' || value === 'SMS_MFA') return 'SMS';
  if (value === 'NOMFA') return 'NOMFA';
  throw authError('InvalidMFAType', 'invalid MFA Type: use TOTP, SMS or NOMFA.', 'setPreferredMFA');
}

// MFA settings and device management are rare: their requests load on demand.
function mfa() {
  return import('./flows/mfa');
}

function devices() {
  return import('./flows/devices');
}
