/** What every operation handler receives: config, stores and the clock. */
import type { CodeStore } from './codes';
import type { IdentityStore } from './identity/store';
import type { GrantStore } from './oauth/grants';
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
  /** Identity pool identities and issued AWS credentials. */
  identities: IdentityStore;
  /** Hosted-UI authorization codes and sessions. */
  grants: GrantStore;
  /** Backend clock in ms (injectable, advanceable). */
  now(): number;
  /** Remembers a sensitive value so tests can prove it never reaches logs. */
  secret(value: string): void;
}

/** A parsed JSON request body. */
export type Input = Record<string, unknown>;

export type Operation = (ctx: Ctx, input: Input) => Promise<object>;
