import type { BrowserEnvironment } from './environment';
import { randomBytes } from './encoding';
import { authError } from './normalizeError';
import { PageCoordinator } from './pageCoordinator';
import type { IsolationWorkerMessage } from './isolation/isolationWorker';
import type { OpenAuthSession } from './oauth/openAuthSession';
import type { PasskeyClient } from './passkeys/types';
import type { RetryOptions } from './retryPolicy';
import { pageUserContextData, type UserContextDataProvider } from './userContextData';
import { createDefaultSrpClient } from './srp/defaultSrpClient';
import type { SrpClient } from './srp/srpClient';
import { globalTimers, type Timers } from './timers';
import type { FetchLike } from './transport';

export interface CreateAuthOptions {
  /** fetch used for every Cognito call. Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
  /**
   * A clock in ms that never jumps, for the time since Cognito's clock was last read, so a device
   * clock changed meanwhile does not move token expiry. Default `performance.now` with the default
   * `now`; the given `now` otherwise (a test clock is its own monotonic clock).
   */
  monotonicNow?: () => number;
  /** Timers. Default: the global `setTimeout`/`clearTimeout`, looked up at each call (fake timers work). */
  timers?: Timers;
  /** `size` random bytes (hosted-UI state, nonce, PKCE verifier; retry jitter). Default `crypto.getRandomValues`. */
  random?: (size: number) => Uint8Array;
  /** SRP math. Default: native BigInt (amazon-cognito-identity-js's where BigInt is missing). */
  srp?: SrpClient;
  /** Refresh tokens this many seconds before they expire (capped at half their lifetime). Default 60. */
  refreshMarginSeconds?: number;
  /** Refresh in the background before expiry while the engine is started. Default true. */
  autoRefresh?: boolean;
  /** Browser APIs of the hosted-UI flow (navigation, URL, sessionStorage); defaults use `window`. */
  environment?: Partial<BrowserEnvironment>;
  /** Run the hosted UI (sign-in and its logout) in an in-app browser, e.g. expo-web-browser's `openAuthSessionAsync`, instead of navigating the page. Default none. */
  openAuthSession?: OpenAuthSession;
  /** Retries of idempotent calls (reads, refresh) after network faults and 5xx. Default 2 retries from 200 ms. */
  retry?: RetryOptions;
  /** Shared by engines on one page: one code exchange per callback, one refresh per token. Default: the engine's own. */
  coordinator?: PageCoordinator;
  /** The passkey prompt (WebAuthn). Default: the browser's `navigator.credentials`, loaded on first use. */
  passkeys?: PasskeyClient;
  /** Threat protection's `UserContextData`. Default: Cognito's advanced-security script, when the page loaded it. */
  userContextData?: UserContextDataProvider;
  /** Backend-for-frontend: the path where `createSessionHandler` (cognito-react-kit/server) is mounted, e.g. `'/api/auth'`; the refresh token then lives in its httpOnly cookie, never in page storage. Default none. */
  sessionEndpoint?: string;
  /** `'worker'`: the refresh token lives only in a Web Worker's memory and sessions only in this tab's memory (docs/token-isolation.md); not with `sessionEndpoint`. Default none (sessions in the config's storage). */
  tokenIsolation?: TokenIsolation;
  /** Starts the token-isolation worker from its source text. For tests and Storybook (a worker run in the page isolates nothing). Default: a Web Worker from a Blob URL. */
  startIsolationWorker?: (source: string) => IsolationWorker;
}

/** Where the refresh token is kept out of page scripts' reach: `'worker'`, a Web Worker's memory. */
export type TokenIsolation = 'worker';

/** What the engine needs of the token-isolation worker: a Web Worker's `postMessage`, `terminate` and `onerror`. */
export interface IsolationWorker {
  postMessage(message: IsolationWorkerMessage, transfer?: Transferable[]): void;
  terminate(): void;
  onerror: ((event: never) => void) | null;
}

/** The engine's options with their defaults. */
export interface ResolvedAuthOptions {
  fetch: FetchLike;
  now: () => number;
  monotonicNow: () => number;
  timers: Timers;
  random: (size: number) => Uint8Array;
  srp: SrpClient;
  refreshMarginSeconds: number;
  autoRefresh: boolean;
  retry: RetryOptions;
  coordinator: PageCoordinator;
  passkeys: () => Promise<PasskeyClient>;
  /** The app injected a passkey client, or the browser has WebAuthn. */
  passkeysSupported: boolean;
  userContextData: UserContextDataProvider;
  openAuthSession: OpenAuthSession | undefined;
  sessionEndpoint: string | undefined;
  tokenIsolation: TokenIsolation | undefined;
  startIsolationWorker: ((source: string) => IsolationWorker) | undefined;
}

export function resolveAuthOptions(options: CreateAuthOptions): ResolvedAuthOptions {
  const isolation = options.tokenIsolation;
  // Both own the refresh token; docs/token-isolation.md says which to choose.
  if (isolation !== undefined && (isolation !== 'worker' || options.sessionEndpoint)) {
    throw authError('TokenIsolationConflict', "tokenIsolation: only 'worker', never with sessionEndpoint", 'createAuth');
  }
  return {
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    now: options.now ?? (() => Date.now()),
    monotonicNow: options.monotonicNow ?? options.now ?? monotonicClock(),
    timers: options.timers ?? globalTimers,
    random: options.random ?? randomBytes,
    srp: options.srp ?? createDefaultSrpClient(),
    refreshMarginSeconds: options.refreshMarginSeconds ?? 60,
    autoRefresh: options.autoRefresh ?? true,
    retry: options.retry ?? {},
    coordinator: options.coordinator ?? new PageCoordinator(),
    passkeys: options.passkeys ? () => Promise.resolve(options.passkeys!) : () => import('./passkeys/browserPasskeys').then((m) => m.browserPasskeys()),
    passkeysSupported: options.passkeys !== undefined || typeof (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential === 'function',
    userContextData: options.userContextData ?? pageUserContextData,
    openAuthSession: options.openAuthSession,
    sessionEndpoint: options.sessionEndpoint,
    tokenIsolation: isolation,
    startIsolationWorker: options.startIsolationWorker,
  };
}


/** `performance.now`, where there is one (browsers, Node, React Native); `Date.now` otherwise. */
function monotonicClock(): () => number {
  const performance = (globalThis as { performance?: { now?: () => number } }).performance;
  return typeof performance?.now === 'function' ? () => performance.now!() : () => Date.now();
}
