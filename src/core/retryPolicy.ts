import type { AuthError } from './errors';

/** How idempotent Cognito calls are retried after a network fault or a 5xx. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff in ms, doubled per retry, with jitter (half to full). Default 200. */
  baseDelayMs?: number;
}

// Reads: repeating them changes nothing at Cognito. GetId without Logins mints a guest identity,
// so a repeat may leave an unused one behind; the AWS SDKs retry it all the same.
// GetTokensFromRefreshToken (rotation): a repeat presents the old refresh token again, which is what
// the app client's retry grace period is for.
const IDEMPOTENT: readonly string[] = Object.freeze(['GetUser', 'ListDevices', 'GetDevice', 'GetId', 'GetCredentialsForIdentity', 'GetTokensFromRefreshToken']);

/**
 * Only calls that are safe to send twice: a request that failed below HTTP or with a 5xx may still
 * have run at Cognito. Sign-in steps consume their challenge session, codes are single-use, sign-up,
 * confirmations and password changes act once: those fail fast and the user decides. Refresh
 * (REFRESH_TOKEN_AUTH) only mints tokens. Throttling (TooManyRequests, LimitExceeded) is a 4xx and
 * is surfaced, never retried: hammering a throttled pool makes it worse.
 */
export function isIdempotent(operation: string, input: object): boolean {
  if (IDEMPOTENT.includes(operation)) return true;
  return operation === 'InitiateAuth' && (input as { AuthFlow?: unknown }).AuthFlow === 'REFRESH_TOKEN_AUTH';
}

export function isRetryable(operation: string, input: object, error: AuthError): boolean {
  if (!isIdempotent(operation, input)) return false;
  return error.name === 'NetworkError' || (error.statusCode !== undefined && error.statusCode >= 500);
}

/** The wait before retry number `attempt + 1`, or undefined when retries are used up. */
export function retryDelayMs(attempt: number, options: RetryOptions = {}, random: () => number = Math.random): number | undefined {
  const retries = options.retries ?? 2;
  if (attempt >= retries) return undefined;
  const base = (options.baseDelayMs ?? 200) * 2 ** attempt;
  // Jitter: many clients failing together (a pool outage) must not retry in lockstep.
  return Math.round(base * (0.5 + random() / 2));
}
