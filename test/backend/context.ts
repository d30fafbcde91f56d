/** What every operation handler receives: config, stores and the clock. */
import type { CodeStore } from './codes';
import type { SessionStore } from './sessions';
import type { TokenService } from './tokens';
import type { BackendConfig } from './types';
import type { UserStore } from './users';

export interface Ctx {
  config: BackendConfig;
  users: UserStore;
  codes: CodeStore;
  tokens: TokenService;
  sessions: SessionStore;
  /** Backend clock in ms (injectable, advanceable). */
  now(): number;
  /** Remembers a sensitive value so tests can prove it never reaches logs. */
  secret(value: string): void;
}

/** A parsed JSON request body. */
export type Input = Record<string, unknown>;

export type Operation = (ctx: Ctx, input: Input) => Promise<object>;
