import type { PreferredMfa } from '../types';
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

/** SetUserMFAPreference's per-method settings. */
export type MfaSettings = Record<string, { Enabled: boolean; PreferredMfa?: boolean }>;

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
