import { authError } from '../normalizeError';
import type { MfaType, PreferredMfa } from '../types';
import type { CognitoUserData } from './attributes';
import type { FlowContext } from './context';

export async function associateSoftwareToken(ctx: FlowContext, accessToken: string): Promise<string> {
  const response = await ctx.call<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken: accessToken });
  return response.SecretCode;
}

export async function verifySoftwareToken(
  ctx: FlowContext,
  accessToken: string,
  code: string,
  friendlyDeviceName?: string,
): Promise<string | undefined> {
  const response = await ctx.call<{ Status?: string }>('VerifySoftwareToken', {
    AccessToken: accessToken,
    UserCode: code,
    ...(friendlyDeviceName ? { FriendlyDeviceName: friendlyDeviceName } : {}),
  });
  return response.Status;
}

/** Amplify v5's names for the MFA methods, and Cognito's. */
export type MfaMethodInput = 'TOTP' | 'SMS' | 'NOMFA' | 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';

/** SetUserMFAPreference settings for v5's `setPreferredMFA`: the chosen method on and preferred, NOMFA turns both off. */
export function mfaPreferenceInput(method: 'TOTP' | 'SMS' | 'NOMFA'): Record<string, { Enabled: boolean; PreferredMfa: boolean }> {
  switch (method) {
    case 'TOTP':
      return { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } };
    case 'SMS':
      return { SMSMfaSettings: { Enabled: true, PreferredMfa: true } };
    case 'NOMFA':
      return {
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        SMSMfaSettings: { Enabled: false, PreferredMfa: false },
      };
  }
}

/** v6's setting of one MFA method: on or off, and (while on) whether it is the one Cognito asks for. */
export type MfaPreferenceValue = 'ENABLED' | 'DISABLED' | 'PREFERRED' | 'NOT_PREFERRED';

/** What `updateMFAPreference` changes; a method left out stays as it is. */
export interface UpdateMfaPreferenceParams {
  sms?: MfaPreferenceValue;
  totp?: MfaPreferenceValue;
  email?: MfaPreferenceValue;
}

/** v6's `fetchMFAPreference` result: the methods turned on, and the preferred one (absent when none). */
export interface MfaPreferenceResult {
  enabled?: MfaType[];
  preferred?: MfaType;
}

type MfaSettings = Record<string, { Enabled: boolean; PreferredMfa?: boolean }>;

const SETTINGS_KEYS = Object.freeze({ sms: 'SMSMfaSettings', totp: 'SoftwareTokenMfaSettings', email: 'EmailMfaSettings' } as const);
function settingFor(value: unknown): { Enabled: boolean; PreferredMfa?: boolean } | undefined {
  switch (value) {
    case 'ENABLED':
      return { Enabled: true };
    case 'DISABLED':
      return { Enabled: false };
    case 'PREFERRED':
      return { Enabled: true, PreferredMfa: true };
    case 'NOT_PREFERRED':
      return { Enabled: true, PreferredMfa: false };
    default:
      return undefined;
  }
}

/** SetUserMFAPreference settings for v6's `updateMFAPreference`, each value checked. */
export function mfaSettingsFor(params: UpdateMfaPreferenceParams): MfaSettings {
  const settings: MfaSettings = {};
  for (const method of ['sms', 'totp', 'email'] as const) {
    const value: unknown = params?.[method];
    if (value === undefined) continue;
    const setting = settingFor(value);
    if (!setting) throw authError('InvalidArgument', `${method}: use ENABLED, DISABLED, PREFERRED or NOT_PREFERRED.`, 'updateMFAPreference');
    settings[SETTINGS_KEYS[method]] = setting;
  }
  if (Object.keys(settings).length === 0) throw authError('InvalidArgument', 'Say what to change: sms, totp or email.', 'updateMFAPreference');
  return settings;
}

const MFA_TYPES: Readonly<Record<string, MfaType>> = Object.freeze({ SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL_OTP: 'EMAIL' });

/** GetUser's MFA settings in v6's terms; legacy SMS options count as SMS turned on. */
export function mfaPreferenceOf(user: CognitoUserData): MfaPreferenceResult {
  const names = new Set(user.UserMFASettingList ?? []);
  if ((user.MFAOptions ?? []).length > 0) names.add('SMS_MFA');
  const enabled = [...names].flatMap((name) => (MFA_TYPES[name] ? [MFA_TYPES[name]] : []));
  const preferred = user.PreferredMfaSetting ? MFA_TYPES[user.PreferredMfaSetting] : undefined;
  return { ...(enabled.length > 0 ? { enabled } : {}), ...(preferred ? { preferred } : {}) };
}

export async function setMfaPreference(ctx: FlowContext, accessToken: string, settings: MfaSettings): Promise<void> {
  await ctx.call('SetUserMFAPreference', { AccessToken: accessToken, ...settings });
}

/** Preferred method from GetUser, with v5's fallbacks: the only enabled one, legacy SMS options, or NOMFA. */
export function preferredMfaOf(user: CognitoUserData): PreferredMfa {
  const preferred = user.PreferredMfaSetting;
  if (preferred === 'SMS_MFA' || preferred === 'SOFTWARE_TOKEN_MFA' || preferred === 'EMAIL_OTP') return preferred;
  const list = user.UserMFASettingList ?? [];
  if (list.includes('SOFTWARE_TOKEN_MFA')) return 'SOFTWARE_TOKEN_MFA';
  if (list.includes('SMS_MFA') || (user.MFAOptions ?? []).length > 0) return 'SMS_MFA';
  return 'NOMFA';
}

/** Build the `otpauth://` URI an authenticator app scans (`issuer` is what the app shows above the code). */
export function buildTotpUri({ secret, username, issuer }: { secret: string; username: string; issuer: string }): string {
  // Key URI format: `issuer:account`, each part encoded, the colon literal (as Amplify's setup URI has it).
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(username)}`;
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}`;
}
