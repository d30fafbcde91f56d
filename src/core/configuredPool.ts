import type { CognitoClient } from './cognitoClient';
import type { ResolvedAuthConfig, StorageLike } from './config/types';
import type { FlowContext } from './flows/context';
import { lazy } from './lazyService';
import { authError } from './normalizeError';
import type { PoolKeys } from './oauth/poolKeys';
import type { PageCoordinator } from './pageCoordinator';
import type { PasskeyClient } from './passkeys/types';
import { announceWrite } from './session/crossTab';
import { poolIssuers } from './session/tokenIssuers';
import { TokenStorage } from './session/tokenStorage';
import type { SrpClient } from './srp/srpClient';
import { withUserContextData, type UserContextDataProvider } from './userContextData';
import { AsyncStorageMirror } from './storage/asyncStorage';
import { IsolatedStorage } from './storage/isolatedStorage';
import { selectStorage } from './storage/selectStorage';

export interface ConfiguredPoolDeps {
  client: CognitoClient;
  srp: SrpClient;
  now: () => number;
  passkeys: () => Promise<PasskeyClient>;
  userContextData: UserContextDataProvider;
  /** Says things to the developer once per engine (or per shared coordinator). */
  coordinator: PageCoordinator;
  /** `CreateAuthOptions.sessionEndpoint`. */
  sessionEndpoint: string | undefined;
  /** `CreateAuthOptions.tokenIsolation`: sessions in memory, refresh tokens in a worker. */
  tokenIsolation: 'worker' | undefined;
}

/**
 * One resolved config and what is built from it: the storage it names and, with a user pool, the
 * context every flow runs in. `configure()` replaces it as a whole, so no service sees half a config.
 */
export class ConfiguredPool {
  readonly config: ResolvedAuthConfig;
  readonly storage: StorageLike;
  /** The pool's signing keys (JWKS), fetched on first need and kept for this config. */
  readonly signingKeys: { cache?: PoolKeys; fetch: CognitoClient['fetch'] };
  readonly #ctx: FlowContext | undefined;

  constructor(config: ResolvedAuthConfig, deps: ConfiguredPoolDeps) {
    this.config = config;
    this.signingKeys = { fetch: deps.client.fetch };
    this.storage = deps.tokenIsolation
      ? deps.client.isolate(config)
      : selectStorage(config, { now: deps.now, warnOnce: (key, message) => deps.coordinator.warnOnce(key, message) });
    if (!config.userPoolId || !config.userPoolWebClientId) return;
    const base = config.clientMetadata;
    this.#ctx = {
      userPoolId: config.userPoolId,
      clientId: config.userPoolWebClientId,
      call: withUserContextData(deps.client.service(config.endpoint, 'AWSCognitoIdentityProviderService', config.requestTimeout), deps.userContextData, {
        userPoolId: config.userPoolId,
        clientId: config.userPoolWebClientId,
      }),
      srp: deps.srp,
      tokens: new TokenStorage(this.storage, config.userPoolWebClientId, {
        origin: { clientId: config.userPoolWebClientId, issuers: poolIssuers(config.region, config.userPoolId, config.endpoint) },
        onWrite: () => this.sharedWithOtherTabs && announceWrite(this.storage, `CognitoIdentityServiceProvider.${config.userPoolWebClientId}.`),
      }),
      now: deps.now,
      serverNow: deps.client.serverClock.now,
      measuredServerNow: deps.client.serverClock.measuredNow,
      passkeys: deps.passkeys,
      sessionEndpoint: deps.sessionEndpoint ? lazy(() => import('./session/sessionEndpoint').then((m) => new m.SessionEndpoint(deps.sessionEndpoint!, deps.client.fetch, authError))).load : undefined,
      metadata: (perCall) => {
        const merged = { ...base, ...perCall };
        return Object.keys(merged).length > 0 ? merged : undefined;
      },
    };
  }

  /**
   * Whether other tabs may write this storage. Not an async store's mirror: its reads come from this
   * engine's memory (React Native has one JavaScript context, and no storage events or BroadcastChannel).
   */
  get sharedWithOtherTabs(): boolean {
    // Token isolation: each tab has its own session (and worker).
    return !(this.storage instanceof AsyncStorageMirror || this.storage instanceof IsolatedStorage);
  }

  /** Resolves once an async store holds every write made so far; undefined with a synchronous store. */
  persisted(): Promise<void> | undefined {
    return this.storage instanceof AsyncStorageMirror ? this.storage.settled() : undefined;
  }

  /** The flow context; throws `NoUserPool` when the config has none. */
  ctx(source: string): FlowContext {
    if (!this.#ctx) throw authError('NoUserPool', 'No user pool is configured (userPoolId, userPoolWebClientId).', source);
    return this.#ctx;
  }

  /** The context, or undefined without a user pool (for work that simply has nothing to do then). */
  get maybeCtx(): FlowContext | undefined {
    return this.#ctx;
  }
}
