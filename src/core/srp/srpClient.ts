/** Inputs of a PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) answer. */
export interface PasswordClaimInput {
  /** `USER_ID_FOR_SRP` for users; the device key for devices. */
  username: string;
  /** The user's password; the device's random password for devices. */
  password: string;
  /** Challenge parameters, as Cognito sent them. */
  salt: string;
  srpB: string;
  secretBlock: string;
  /** `ddd MMM D HH:mm:ss UTC YYYY`, see formatSrpTimestamp. */
  timestamp: string;
}

/** One SRP exchange: the client's public value and the proof computed from the server's reply. */
export interface SrpRound {
  /** The client's public value A, hex. */
  readonly srpA: string;
  /** `PASSWORD_CLAIM_SIGNATURE`, base64. */
  passwordClaim(input: PasswordClaimInput): Promise<string>;
}

export interface DeviceVerifier {
  /** Random device password; stored locally, never sent. */
  randomPassword: string;
  /** Both base64, for ConfirmDevice's `DeviceSecretVerifierConfig`. */
  salt: string;
  passwordVerifier: string;
}

/**
 * The SRP math, behind an interface so a faster implementation can replace the default one
 * (amazon-cognito-identity-js's `AuthenticationHelper`) without touching the sign-in flow.
 */
export interface SrpClient {
  /** `poolName` is the part of the user pool id after `_`, or the device group key for devices. */
  start(poolName: string): Promise<SrpRound>;
  /**
   * Computes the next round's private `a` and public `A` ahead (e.g. while the user types), so `start()`
   * returns at once and the sign-in pays only for the proof. Optional; resolves when the pair is ready.
   */
  prepare?(): Promise<void>;
  createDeviceVerifier(deviceGroupKey: string, deviceKey: string): Promise<DeviceVerifier>;
}

const DAYS = Object.freeze(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
const MONTHS = Object.freeze(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

/** Cognito's TIMESTAMP: UTC, English names, day of month not zero-padded (`Tue Sep 3 04:05:06 UTC 2026`). */
export function formatSrpTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${pad(date.getUTCHours())}:${pad(
    date.getUTCMinutes(),
  )}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
