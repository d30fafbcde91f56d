import type { BrowserEnvironment } from './environment';
import type { RetryOptions } from './retryPolicy';
import { observeServerTime, type ServerClock } from './session/serverClock';
import { defaultSrpClient } from './srp/defaultSrpClient';
import type { SrpClient } from './srp/srpClient';
import type { FetchLike } from './transport';

export interface CreateAuthOptions {
  /** fetch used for every Cognito call. Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
  /** SRP math. Default: native BigInt (amazon-cognito-identity-js's where BigInt is missing). */
  srp?: SrpClient;
  /** Refresh tokens this many seconds before they expire (capped at half their lifetime). Default 60. */
  refreshMarginSeconds?: number;
  /** Refresh in the background before expiry while someone is subscribed. Default true. */
  autoRefresh?: boolean;
  /** Browser APIs of the hosted-UI flow (navigation, URL, sessionStorage); defaults use `window`. */
  environment?: Partial<BrowserEnvironment>;
  /** Retries of idempotent calls (reads, refresh) after network faults and 5xx. Default 2 retries from 200 ms. */
  retry?: RetryOptions;
}

/** The engine's options with their defaults; `fetch` also feeds the server clock from Cognito's `Date` headers. */
export type ResolvedAuthOptions = Required<Omit<CreateAuthOptions, 'fetch' | 'environment' | 'retry'>> & { fetch: FetchLike; retry: RetryOptions };

export function resolveAuthOptions(options: CreateAuthOptions, now: () => number, serverClock: ServerClock): ResolvedAuthOptions {
  return {
    fetch: observeServerTime(options.fetch ?? ((url, init) => globalThis.fetch(url, init)), serverClock),
    now,
    srp: options.srp ?? defaultSrpClient,
    refreshMarginSeconds: options.refreshMarginSeconds ?? 60,
    autoRefresh: options.autoRefresh ?? true,
    retry: options.retry ?? {},
  };
}
