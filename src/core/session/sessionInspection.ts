import type { AuthSession } from './authSession';

/**
 * Why a refresh started: the background `timer`, the tab shown again (`visible`), a read that found the
 * tokens due (`read`), `currentSession({ forceRefresh: true })` (`forced`), a session restored stale
 * (`restore`), Cognito refusing an access token our clock called valid (`retry`), the devtools' "expire"
 * (`expired`), or another tab's refresh adopted from storage (`otherTab`).
 */
export type RefreshCause = 'timer' | 'visible' | 'read' | 'forced' | 'restore' | 'retry' | 'expired' | 'otherTab';

/** Told as a refresh starts: why, and its outcome (one promise for every caller that joined it). */
export type RefreshListener = (cause: RefreshCause, outcome: Promise<AuthSession>) => void;

/** What cognito-react-kit/devtools sees of an engine's session manager. Not a stable API. */
export interface SessionInspection {
  /** The signed-in user's session as held now, read without refreshing it. */
  readonly session: AuthSession | null;
  /** Set by the devtools; nothing listens otherwise. */
  onRefresh: RefreshListener | undefined;
  /** Treat the current access token as expired: the refresh timer (when started) or the next read refreshes it. */
  expireAccessToken(): void;
}

/** The key of `Auth`'s inspection method; `Symbol.for`, so two copies of the package in a page agree. */
export const INSPECT: unique symbol = Symbol.for('cognito-react-kit.inspect');
