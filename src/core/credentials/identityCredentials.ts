import type { CognitoClient } from '../cognitoClient';
import type { ConfiguredPool } from '../configuredPool';
import type { ResolvedAuthConfig } from '../config/types';
import type { SessionManager } from '../sessionManager';
import { authError, toAuthError } from '../normalizeError';
import { CredentialsCache } from './credentialsCache';
import type { AwsCredentials } from './types';

export interface IdentityCredentialsDeps {
  pool: () => ConfiguredPool;
  client: CognitoClient;
  now: () => number;
  /** The signed-in user's session (refreshed when due); none for a guest. */
  sessions: SessionManager;
}

/** Identity-pool credentials for the current config: one cache per config, dropped on a principal change. */
export class IdentityCredentials {
  readonly #deps: IdentityCredentialsDeps;
  #current: { config: ResolvedAuthConfig; cache: CredentialsCache } | undefined;

  constructor(deps: IdentityCredentialsDeps) {
    this.#deps = deps;
  }

  async get(): Promise<AwsCredentials> {
    try {
      return await this.#cache().get();
    } catch (thrown) {
      throw toAuthError(thrown, 'currentCredentials');
    }
  }

  /** How long (ms) these are served from the cache before a new fetch; 0 when due. */
  freshFor(credentials: AwsCredentials): number {
    return this.#current?.cache.freshFor(credentials) ?? 0;
  }

  clear(): void {
    this.#current?.cache.clear();
  }

  #cache(): CredentialsCache {
    const { pool, client, now, sessions } = this.#deps;
    const { config, storage } = pool();
    if (this.#current?.config === config) return this.#current.cache;
    if (!config.identityPoolId || !config.identityPoolEndpoint) {
      throw authError('NoIdentityPool', 'No identity pool is configured (identityPoolId).', 'currentCredentials');
    }
    const cache = new CredentialsCache({
      identityPoolId: config.identityPoolId,
      mandatorySignIn: config.mandatorySignIn,
      call: client.service(config.identityPoolEndpoint, 'AWSCognitoIdentityService', config.requestTimeout),
      storage,
      now,
      session: async () => (sessions.session ? sessions.currentSession() : null),
    });
    this.#current = { config, cache };
    return cache;
  }
}
