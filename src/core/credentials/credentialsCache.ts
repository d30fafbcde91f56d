import type { StorageLike } from '../config/types';
import { authError, toAuthError } from '../normalizeError';
import type { AuthSession } from '../session/authSession';
import type { ServiceCall } from '../transport';
import { getCredentialsForIdentity, getIdentityId, loginsKey } from './identityPool';
import type { AwsCredentials } from './types';

export interface CredentialsDeps {
  identityPoolId: string;
  mandatorySignIn: boolean;
  call: ServiceCall;
  storage: StorageLike;
  now: () => number;
  /** The signed-in user's (fresh) session, or null for a guest. */
  session: () => Promise<AuthSession | null>;
}

// Fetch new credentials this long before they expire, so no AWS call is signed with dying keys.
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * Identity-pool credentials: one GetId (then the id is stored per pool and principal) and one
 * GetCredentialsForIdentity, shared by concurrent callers and cached until shortly before expiry.
 */
export class CredentialsCache {
  readonly #deps: CredentialsDeps;
  #cached: { principal: string; credentials: AwsCredentials } | undefined;
  #inFlight: { principal: string; promise: Promise<AwsCredentials> } | undefined;
  /** Bumped by clear(): an answer that arrives after a sign-out must not refill the cache. */
  #generation = 0;

  constructor(deps: CredentialsDeps) {
    this.#deps = deps;
  }

  async get(): Promise<AwsCredentials> {
    const session = await this.#deps.session();
    const principal = session ? `user:${String(session.idTokenPayload.sub ?? '')}` : 'guest';
    const cached = this.#cached;
    if (cached?.principal === principal && this.freshFor(cached.credentials) > 0) return cached.credentials;
    if (this.#inFlight?.principal === principal) return this.#inFlight.promise;
    const promise = this.#fetch(principal, session).finally(() => {
      if (this.#inFlight?.promise === promise) this.#inFlight = undefined;
    });
    this.#inFlight = { principal, promise };
    return promise;
  }

  /** How long (ms) these credentials are served from the cache before they are fetched anew; 0 when due. */
  freshFor(credentials: AwsCredentials): number {
    return Math.max(0, credentials.expiration.getTime() - EXPIRY_MARGIN_MS - this.#deps.now());
  }

  /** Forget cached credentials (sign-out, another user). Stored identity ids stay: they are per principal. */
  clear(): void {
    this.#cached = undefined;
    this.#inFlight = undefined;
    this.#generation += 1;
  }

  async #fetch(principal: string, session: AuthSession | null): Promise<AwsCredentials> {
    const { identityPoolId, call } = this.#deps;
    const generation = this.#generation;
    if (!session && this.#deps.mandatorySignIn) {
      throw authError('MandatorySignInEnabled', 'Guest credentials are off (mandatorySignIn): sign in first.', 'currentCredentials');
    }
    const logins = session ? { [loginsKey(String(session.idTokenPayload['iss'] ?? ''))]: session.idToken } : undefined;
    const key = identityKey(identityPoolId, session);
    let identityId = this.#read(key);
    let fresh = false;
    if (!identityId) {
      identityId = await getIdentityId(call, identityPoolId, logins);
      fresh = true;
      this.#write(key, identityId);
    }
    let result;
    try {
      result = await getCredentialsForIdentity(call, identityId, logins);
    } catch (thrown) {
      const error = toAuthError(thrown, 'currentCredentials');
      // A stored id the pool no longer knows (deleted identity, another pool): get a new one, once.
      if (fresh || (error.name !== 'ResourceNotFoundException' && error.name !== 'NotAuthorizedException')) throw error;
      identityId = await getIdentityId(call, identityPoolId, logins);
      this.#write(key, identityId);
      result = await getCredentialsForIdentity(call, identityId, logins);
    }
    // Frozen: every caller gets the same object, so none may change it for the others.
    const credentials: AwsCredentials = Object.freeze({ ...result, authenticated: session !== null });
    if (generation === this.#generation) this.#cached = { principal, credentials };
    return credentials;
  }

  #read(key: string): string | null {
    try {
      return this.#deps.storage.getItem(key);
    } catch {
      return null;
    }
  }

  #write(key: string, value: string): void {
    try {
      this.#deps.storage.setItem(key, value);
    } catch {
      /* kept for this call only */
    }
  }
}

/** The guest id under aws-sdk v2 / Amplify v5's key, a user's under the same key plus its sub. */
function identityKey(identityPoolId: string, session: AuthSession | null): string {
  const base = `CognitoIdentityId-${identityPoolId}`;
  return session ? `${base}.${String(session.idTokenPayload.sub ?? '')}` : base;
}
