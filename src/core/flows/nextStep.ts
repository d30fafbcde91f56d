import { authError } from '../normalizeError';
import type { AuthFactorType, MfaType, PendingStep } from '../types';
import type { PendingSignIn } from './signIn';

// What a UI renders for each pending challenge: Cognito's challenge names mapped to v6's sign-in steps.

/** The serialisable step a UI renders for a pending challenge. */
export function nextStepFor(pending: PendingSignIn): PendingStep {
  const base = { username: pending.username };
  const params = pending.parameters;
  switch (pending.challengeName) {
    case 'SMS_MFA':
    case 'SMS_OTP':
      return {
        ...base,
        signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
        codeDeliveryDetails: {
          deliveryMedium: params['CODE_DELIVERY_DELIVERY_MEDIUM'] ?? 'SMS',
          ...(params['CODE_DELIVERY_DESTINATION'] ? { destination: params['CODE_DELIVERY_DESTINATION'] } : {}),
          attributeName: 'phone_number',
        },
        ...(pending.firstFactor ? { firstFactor: true } : {}),
      };
    case 'EMAIL_OTP':
      return {
        ...base,
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        codeDeliveryDetails: {
          deliveryMedium: params['CODE_DELIVERY_DELIVERY_MEDIUM'] ?? 'EMAIL',
          ...(params['CODE_DELIVERY_DESTINATION'] ? { destination: params['CODE_DELIVERY_DESTINATION'] } : {}),
          attributeName: 'email',
        },
        ...(pending.firstFactor ? { firstFactor: true } : {}),
      };
    case 'SELECT_CHALLENGE':
      if (pending.chosen === 'PASSWORD') return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' };
      return { ...base, signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: (pending.availableChallenges ?? []).filter(isFactor) };
    case 'SOFTWARE_TOKEN_MFA':
      return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' };
    case 'SELECT_MFA_TYPE':
      return {
        ...base,
        signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
        allowedMFATypes: parseList(params['MFAS_CAN_CHOOSE']).flatMap(toMfaType),
      };
    case 'MFA_SETUP':
      if (pending.chosen === 'EMAIL') return { ...base, signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' };
      if (pending.chosen !== 'TOTP') return { ...base, signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: setupMethods(pending) };
      return {
        ...base,
        signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
        totpSetupDetails: { sharedSecret: pending.sharedSecret ?? '' },
      };
    case 'NEW_PASSWORD_REQUIRED':
      return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: missingAttributes(params) };
    case 'CUSTOM_CHALLENGE':
      return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: publicParameters(params) };
    default:
      throw authError('UnknownError', `Unsupported challenge ${pending.challengeName}.`, 'signIn');
  }
}

/** The MFA methods MFA_SETUP lets the user set up during sign-in, in Amplify's order. */
export function setupMethods(pending: PendingSignIn): ('EMAIL' | 'TOTP')[] {
  const canSetup = parseList(pending.parameters['MFAS_CAN_SETUP']);
  const methods: ('EMAIL' | 'TOTP')[] = [];
  if (canSetup.includes('EMAIL_OTP')) methods.push('EMAIL');
  if (canSetup.includes('SOFTWARE_TOKEN_MFA')) methods.push('TOTP');
  return methods;
}

export function parseList(json: string | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function toMfaType(name: string): MfaType[] {
  if (name === 'SMS_MFA') return ['SMS'];
  if (name === 'SOFTWARE_TOKEN_MFA') return ['TOTP'];
  if (name === 'EMAIL_OTP') return ['EMAIL'];
  return [];
}

const FACTORS: readonly string[] = Object.freeze(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] satisfies AuthFactorType[]);

/** Factors this engine knows; a new one from Cognito is left out rather than offered unanswerable. */
export function isFactor(name: string): name is AuthFactorType {
  return FACTORS.includes(name);
}

/** `requiredAttributes` lists `userAttributes.<name>`; the ones the user already has are not missing. */
function missingAttributes(params: Record<string, string>): string[] {
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(params['userAttributes'] ?? '{}');
    if (parsed && typeof parsed === 'object') current = parsed as Record<string, unknown>;
  } catch {
    /* no attributes */
  }
  return parseList(params['requiredAttributes'])
    .map((name) => name.replace(/^userAttributes\./, ''))
    .filter((name) => current[name] === undefined || current[name] === '');
}

function publicParameters(params: Record<string, string>): Record<string, string> {
  const { USERNAME: _username, USER_ID_FOR_SRP: _srpUser, ...rest } = params;
  return rest;
}
