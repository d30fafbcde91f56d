import type { AuthStatus } from '../core/index';
import type { LockHolder } from '../core/session/crossTab';
import type { RefreshCause } from '../core/session/sessionInspection';

/** One token's claims, each value shown as text; secrets and signatures masked. Never the token itself. */
export interface TokenClaims {
  token: 'id' | 'access';
  claims: [name: string, value: string][];
  /** When it expires, in ms on the device's clock (`exp` corrected by the session's clock drift); null without `exp`. */
  expiresAt: number | null;
}

/** A refresh the engine ran (or adopted from another tab): why, and how it ended. */
export interface RefreshRecord {
  id: number;
  cause: RefreshCause;
  startedAt: number;
  /** `pending`, `ok`, or the error's name. */
  outcome: string;
  endedAt: number | null;
}

/** A Hub event as `auth.listen('*')` heard it: its name, message and (for failures) the error's name. */
export interface EventRecord {
  id: number;
  at: number;
  event: string;
  message: string;
  detail: string | null;
}

/** Everything the devtools panel shows: plain data (it crosses Storybook's channel as JSON). */
export interface DevtoolsSnapshot {
  status: AuthStatus;
  username: string | null;
  /** `nextStep` as JSON with secrets masked (a TOTP setup's shared secret), or null. */
  nextStep: string | null;
  error: { name: string; message: string } | null;
  tokens: TokenClaims[];
  refreshes: RefreshRecord[];
  events: EventRecord[];
  lock: (LockHolder & { name: string }) | null;
}

/** What the panel's buttons do. */
export interface DevtoolsActions {
  /** `currentSession({ forceRefresh: true })`. */
  forceRefresh(): void;
  /** Makes the engine treat the access token as expired: its timer (or the next read) refreshes it. */
  expireAccessToken(): void;
}

export type { LockHolder, RefreshCause };
