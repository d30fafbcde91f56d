import { authError } from '../normalizeError';
import type { MfaType } from '../types';
import type { CognitoUserData } from './attributes';
import type { MfaSettings } from './mfa';

// v6's MFA preferences (fetchMFAPreference / updateMFAPreference), loaded on demand.

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
