import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth, type Auth, type AuthConfig, type AuthState, type AwsCredentials } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import type { IssuedCredentials } from '../backend/types';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { leakedSecrets } from '../support/secrets';

// currentCredentials() / essentialCredentials() / credentialsProvider against the test backend's
// identity pool: what is asked (GetId, GetCredentialsForIdentity and their exact inputs), for whom
// (user or guest), how often (stored identity ids, cached credentials, one request for concurrent
// callers) and when the cache is dropped (near expiry, sign-out, another user).
const fast = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };
const CREDENTIALS_SECONDS = 15 * 60;
const IDENTITY_OPERATIONS = new Set(['GetId', 'GetCredentialsForIdentity']);

/** Identity-pool operations the backend received, in order (sign-in/out requests left out). */
function identityOps(k: EngineTestKit): string[] {
  return operations(k.backend).filter((operation) => IDENTITY_OPERATIONS.has(operation));
}

/** What the backend issued under this access key id; fails the test when it issued nothing. */
function issued(k: EngineTestKit, credentials: AwsCredentials): IssuedCredentials {
  const record = k.backend.credentialsFor(credentials.accessKeyId);
  if (!record) throw new Error('the backend never issued these credentials');
  return record;
}

/** The one storage key whose value is `value`. */
function keyHolding(storage: RecordingStorage, value: string): string {
  const keys = storage.keys().filter((key) => storage.getItem(key) === value);
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

describe('currentCredentials()', () => {
  // While set, GetCredentialsForIdentity waits for it (after being counted): a request held in flight.
  let holdCredentials: Promise<void> | undefined;
  const kit = useEngineBackend({
    identityPool: { credentialsSeconds: CREDENTIALS_SECONDS },
    intercept: async (operation) => {
      if (operation === 'GetCredentialsForIdentity' && holdCredentials) await holdCredentials;
      return undefined;
    },
  });
  const password = strongPassword();

  const poolId = (): string => kit().backend.config.identityPool.identityPoolId;
  /** Cognito Identity's Logins key for the test user pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  const loginsKey = (): string => {
    const { userPoolId } = kit().backend.config;
    expect(userPoolId.startsWith('us-east-1_')).toBe(true);
    return `cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
  };

  function engine(config: Partial<AuthConfig> = {}, storage?: RecordingStorage): Auth {
    const k = kit();
    return k.auth({ config: { ...fast, identityPoolId: poolId(), identityPoolEndpoint: k.url, ...config }, ...(storage ? { storage } : {}) });
  }

  async function newUser(prefix = 'cred'): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    return username;
  }

  async function signedIn(username: string, config: Partial<AuthConfig> = {}): Promise<Auth> {
    const auth = engine(config);
    await auth.signIn(username, password);
    kit().backend.resetCounts();
    return auth;
  }

  beforeEach(() => {
    const k = kit();
    k.storage = new RecordingStorage();
    k.backend.resetCounts();
  });

  describe('what is asked, for whom', () => {
    it('signed in: GetId then GetCredentialsForIdentity, both with Logins { cognito-idp.<region>.amazonaws.com/<userPoolId>: idToken }', async () => {
      const k = kit();
      const auth = await signedIn(await newUser());
      const { idToken } = await auth.currentSession();

      const credentials = await auth.currentCredentials();

      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(k.backend.count()).toBe(2);
      const logins = { [loginsKey()]: idToken };
      expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: poolId(), Logins: logins });
      expect(inputOf(k.backend, 'GetCredentialsForIdentity')).toEqual({ IdentityId: credentials.identityId, Logins: logins });
      const record = issued(k, credentials);
      expect(credentials).toEqual({
        accessKeyId: record.accessKeyId,
        secretAccessKey: record.secretAccessKey,
        sessionToken: record.sessionToken,
        expiration: new Date(record.expiration),
        identityId: record.identityId,
        authenticated: true,
      });
      expect(record.authenticated).toBe(true);
      expect(record.roleArn).not.toMatch(/Unauth/);
      // The identity is the user's own: the pool maps the same login to it.
      const direct = await k.backend.call('GetId', { IdentityPoolId: poolId(), Logins: logins });
      expect(direct.IdentityId).toBe(credentials.identityId);
    });

    it('signed out: guest (unauthenticated) credentials, from GetId and GetCredentialsForIdentity without Logins', async () => {
      const k = kit();
      const auth = engine();

      const credentials = await auth.currentCredentials();

      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: poolId() });
      expect(inputOf(k.backend, 'GetCredentialsForIdentity')).toEqual({ IdentityId: credentials.identityId });
      const record = issued(k, credentials);
      expect(credentials).toMatchObject({ authenticated: false, identityId: record.identityId, secretAccessKey: record.secretAccessKey });
      expect(record.authenticated).toBe(false);
      expect(record.roleArn).toMatch(/Unauth/);
    });

    it('an identity-pool-only config (no user pool) gives guest credentials', async () => {
      const k = kit();
      const auth = createAuth({ identityPoolId: poolId(), identityPoolEndpoint: k.url, storage: k.storage }, { now: k.clock.now });

      const credentials = await auth.currentCredentials();

      expect(credentials.authenticated).toBe(false);
      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(issued(k, credentials).identityId).toBe(credentials.identityId);
    });

    it('mandatorySignIn: signed out fails with MandatorySignInEnabled and sends nothing; signed in it works', async () => {
      const k = kit();
      const username = await newUser();
      const auth = engine({ mandatorySignIn: true });

      const error = await authErrorOf(auth.currentCredentials());
      expect(error).toMatchObject({ name: 'MandatorySignInEnabled', source: 'currentCredentials' });
      expect(await authErrorOf(auth.credentialsProvider())).toMatchObject({ name: 'MandatorySignInEnabled' });
      expect(k.backend.count()).toBe(0);

      await auth.signIn(username, password);
      k.backend.resetCounts();
      expect((await auth.currentCredentials()).authenticated).toBe(true);
      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
    });

    it('no identity pool configured: NoIdentityPool, signed in or out, with no request', async () => {
      const k = kit();
      const username = await newUser();
      const auth = k.auth({ config: fast });

      expect(await authErrorOf(auth.currentCredentials())).toMatchObject({ name: 'NoIdentityPool', source: 'currentCredentials' });
      await auth.signIn(username, password);
      k.backend.resetCounts();
      expect(await authErrorOf(auth.currentCredentials())).toMatchObject({ name: 'NoIdentityPool', source: 'currentCredentials' });
      expect(await authErrorOf(auth.credentialsProvider())).toMatchObject({ name: 'NoIdentityPool' });
      expect(k.backend.count()).toBe(0);
    });
  });

  describe('essentialCredentials() and credentialsProvider', () => {
    it('essentialCredentials() is exactly { accessKeyId, sessionToken, secretAccessKey, identityId, authenticated }', async () => {
      const auth = await signedIn(await newUser());
      const credentials = await auth.currentCredentials();

      const essential = auth.essentialCredentials(credentials);

      expect(essential).toStrictEqual({
        accessKeyId: credentials.accessKeyId,
        sessionToken: credentials.sessionToken,
        secretAccessKey: credentials.secretAccessKey,
        identityId: credentials.identityId,
        authenticated: true,
      });
      expect(auth.essentialCredentials(await engine({}, new RecordingStorage()).currentCredentials()).authenticated).toBe(false);
    });

    it('credentialsProvider works unbound and returns the SDK v3 shape { accessKeyId, secretAccessKey, sessionToken, expiration } of the cached credentials', async () => {
      const k = kit();
      const auth = await signedIn(await newUser());
      const { credentialsProvider } = auth;

      const provided = await credentialsProvider();
      const credentials = await auth.currentCredentials();

      expect(provided).toStrictEqual({
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        expiration: credentials.expiration,
      });
      expect(provided.expiration).toBeInstanceOf(Date);
      expect(provided.expiration.getTime()).toBe(issued(k, credentials).expiration);
      // One fetch serves both entry points.
      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      await credentialsProvider();
      expect(k.backend.count()).toBe(2);
    });
  });

  describe('identity ids in storage', () => {
    it('a new engine on the same storage reuses the stored ids: GetCredentialsForIdentity only, for guest and for user', async () => {
      const k = kit();
      const username = await newUser();
      const guest = await engine().currentCredentials();
      const user = await (await signedIn(username)).currentCredentials();
      k.backend.resetCounts();

      // Same storage: the second engine restores the session too. Sign it out for the guest half.
      const again = engine();
      const userAgain = await again.currentCredentials();
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetCredentialsForIdentity')).toEqual({ IdentityId: user.identityId, Logins: { [loginsKey()]: expect.any(String) } });
      expect(userAgain).toMatchObject({ identityId: user.identityId, authenticated: true });
      expect(userAgain.accessKeyId).not.toBe(user.accessKeyId);

      await again.signOut();
      k.backend.resetCounts();
      const guestAgain = await again.currentCredentials();
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetCredentialsForIdentity')).toEqual({ IdentityId: guest.identityId });
      expect(guestAgain).toMatchObject({ identityId: guest.identityId, authenticated: false });
    });

    it('keeps guest and user identity ids apart: the guest id under Amplify v5\'s CognitoIdentityId-<pool>, the user\'s elsewhere', async () => {
      const k = kit();
      const guest = await engine().currentCredentials();
      const user = await (await signedIn(await newUser())).currentCredentials();

      expect(user.identityId).not.toBe(guest.identityId);
      expect(k.storage.getItem(`CognitoIdentityId-${poolId()}`)).toBe(guest.identityId);
      expect(keyHolding(k.storage, user.identityId)).not.toBe(`CognitoIdentityId-${poolId()}`);
      // The user's identity never became the guest's, nor the other way round.
      expect(issued(k, guest).authenticated).toBe(false);
      expect(issued(k, user).authenticated).toBe(true);
    });

    it('keeps ids per identity pool: a stored id of one pool is never sent for another', async () => {
      const k = kit();
      await engine().currentCredentials();
      const otherPool = 'us-east-1:00000000-1111-4222-8333-444444444444';
      k.backend.resetCounts();

      const error = await authErrorOf(engine({ identityPoolId: otherPool }).currentCredentials());

      // A new GetId for the other pool (which this backend does not know), not a reused identity id.
      expect(identityOps(k)).toEqual(['GetId']);
      expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: otherPool });
      expect(error).toMatchObject({ name: 'ResourceNotFoundException', source: 'currentCredentials', message: `IdentityPool '${otherPool}' not found.` });
      expect(k.storage.getItem(`CognitoIdentityId-${poolId()}`)).not.toBeNull();
    });

    it('a stored guest id the pool does not know: one new GetId, then credentials, and the new id is stored', async () => {
      const k = kit();
      const stale = 'us-east-1:deadbeef-0000-4000-8000-000000000000';
      k.storage.setItem(`CognitoIdentityId-${poolId()}`, stale);

      const credentials = await engine().currentCredentials();

      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetCredentialsForIdentity', 0)).toEqual({ IdentityId: stale });
      expect(inputOf(k.backend, 'GetCredentialsForIdentity', 1)).toEqual({ IdentityId: credentials.identityId });
      expect(credentials.identityId).not.toBe(stale);
      expect(k.storage.getItem(`CognitoIdentityId-${poolId()}`)).toBe(credentials.identityId);
    });

    it('a stored user id the pool does not know: one new GetId with the login, then that user\'s credentials', async () => {
      const k = kit();
      const username = await newUser();
      const first = await (await signedIn(username)).currentCredentials();
      const key = keyHolding(k.storage, first.identityId);
      const stale = 'us-east-1:deadbeef-1111-4000-8000-000000000000';
      k.storage.setItem(key, stale);
      k.backend.resetCounts();

      const credentials = await engine().currentCredentials();

      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetCredentialsForIdentity', 0)).toMatchObject({ IdentityId: stale });
      expect(inputOf(k.backend, 'GetId').Logins).toEqual({ [loginsKey()]: expect.any(String) });
      expect(credentials).toMatchObject({ identityId: first.identityId, authenticated: true });
      expect(k.storage.getItem(key)).toBe(first.identityId);
    });

    it('a stored id held by another user (Logins don\'t match) is replaced by this user\'s own', async () => {
      const k = kit();
      const alice = await (await signedIn(await newUser('alice'))).currentCredentials();
      k.storage = new RecordingStorage();
      const bob = await (await signedIn(await newUser('bob'))).currentCredentials();
      const key = keyHolding(k.storage, bob.identityId);
      k.storage.setItem(key, alice.identityId);
      k.backend.resetCounts();

      const credentials = await engine().currentCredentials();

      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
      expect(credentials.identityId).toBe(bob.identityId);
      expect(issued(k, credentials).identityId).toBe(bob.identityId);
      expect(k.storage.getItem(key)).toBe(bob.identityId);
    });
  });

  describe('one request for many callers, and the cache', () => {
    it('10 concurrent currentCredentials() as a guest: 1 GetId + 1 GetCredentialsForIdentity, one result for all', async () => {
      const k = kit();
      const auth = engine();

      const all = await Promise.all(Array.from({ length: 10 }, () => auth.currentCredentials()));

      expect(k.backend.count('GetId')).toBe(1);
      expect(k.backend.count('GetCredentialsForIdentity')).toBe(1);
      expect(new Set(all).size).toBe(1);
    });

    it('10 concurrent callers signed in (currentCredentials and credentialsProvider mixed): 1 GetId + 1 GetCredentialsForIdentity', async () => {
      const k = kit();
      const auth = await signedIn(await newUser());
      const { credentialsProvider } = auth;

      const all = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? auth.currentCredentials() : credentialsProvider())),
      );

      expect(k.backend.count('GetId')).toBe(1);
      expect(k.backend.count('GetCredentialsForIdentity')).toBe(1);
      expect(k.backend.count()).toBe(2);
      expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    });

    it('cached credentials: 0 requests until a few minutes before Expiration, then exactly one GetCredentialsForIdentity (shared by concurrent callers)', async () => {
      const k = kit();
      const auth = await signedIn(await newUser());
      const first = await auth.currentCredentials();
      k.backend.resetCounts();

      // 6 minutes before Expiration: still the same credentials, nothing sent.
      k.clock.advance((CREDENTIALS_SECONDS - 6 * 60) * 1000);
      expect(await auth.currentCredentials()).toBe(first);
      expect(await auth.credentialsProvider()).toMatchObject({ accessKeyId: first.accessKeyId });
      expect(k.backend.count()).toBe(0);

      // 2 minutes before: renewed, once for everyone, with the stored id (no GetId).
      k.clock.advance(4 * 60_000);
      const renewed = await Promise.all(Array.from({ length: 5 }, () => auth.currentCredentials()));
      expect(k.backend.count()).toBe(1);
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(new Set(renewed).size).toBe(1);
      const next = renewed[0]!;
      expect(next.accessKeyId).not.toBe(first.accessKeyId);
      expect(next.identityId).toBe(first.identityId);
      expect(next.expiration.getTime()).toBeGreaterThan(first.expiration.getTime());

      // And those are cached in turn.
      k.clock.advance(60_000);
      expect(await auth.currentCredentials()).toBe(next);
      expect(k.backend.count()).toBe(1);
    });

    it('guest credentials are cached and renewed near expiry the same way', async () => {
      const k = kit();
      const auth = engine();
      const first = await auth.currentCredentials();
      k.backend.resetCounts();

      k.clock.advance((CREDENTIALS_SECONDS - 6 * 60) * 1000);
      expect(await auth.currentCredentials()).toBe(first);
      expect(k.backend.count()).toBe(0);

      k.clock.advance(4 * 60_000);
      const next = await auth.currentCredentials();
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetCredentialsForIdentity')).toEqual({ IdentityId: first.identityId });
      expect(next).toMatchObject({ identityId: first.identityId, authenticated: false });
      expect(next.accessKeyId).not.toBe(first.accessKeyId);
    });
  });

  describe('cleared on sign-out and on user change', () => {
    it('after sign-out: guest credentials (no Logins, another identity); signing in again fetches fresh ones for the user\'s stored identity', async () => {
      const k = kit();
      const username = await newUser();
      const auth = await signedIn(username);
      const user = await auth.currentCredentials();

      await auth.signOut();
      k.backend.resetCounts();
      const guest = await auth.currentCredentials();
      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: poolId() });
      expect(guest.authenticated).toBe(false);
      expect(guest.identityId).not.toBe(user.identityId);
      expect(guest.accessKeyId).not.toBe(user.accessKeyId);

      await auth.signIn(username, password);
      k.backend.resetCounts();
      const again = await auth.currentCredentials();
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(again).toMatchObject({ identityId: user.identityId, authenticated: true });
      expect(again.accessKeyId).not.toBe(user.accessKeyId);
    });

    it('signing out and straight back in as the same user drops the cached credentials: one GetCredentialsForIdentity, new keys', async () => {
      const k = kit();
      const username = await newUser();
      const auth = await signedIn(username);
      const before = await auth.currentCredentials();

      await auth.signOut();
      await auth.signIn(username, password);
      k.backend.resetCounts();
      const after = await auth.currentCredentials();

      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(after).not.toBe(before);
      expect(after.accessKeyId).not.toBe(before.accessKeyId);
      expect(after.identityId).toBe(before.identityId);
    });

    it('signing in as another user gives that user\'s identity and credentials, not the previous user\'s', async () => {
      const k = kit();
      const alice = await newUser('alice');
      const bob = await newUser('bob');
      const auth = await signedIn(alice);
      const aliceCredentials = await auth.currentCredentials();

      await auth.signOut();
      await auth.signIn(bob, password);
      const { idToken } = await auth.currentSession();
      k.backend.resetCounts();
      const bobCredentials = await auth.currentCredentials();

      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: poolId(), Logins: { [loginsKey()]: idToken } });
      expect(bobCredentials.identityId).not.toBe(aliceCredentials.identityId);
      expect(bobCredentials.accessKeyId).not.toBe(aliceCredentials.accessKeyId);
      const bobsOwn = await k.backend.call('GetId', { IdentityPoolId: poolId(), Logins: { [loginsKey()]: idToken } });
      expect(issued(k, bobCredentials)).toMatchObject({ identityId: bobsOwn.IdentityId, authenticated: true });
    });

    it('another tab signing in as someone else (storage event): this engine\'s credentials follow the new user', async () => {
      const k = kit();
      type StorageListener = (event: { key: string | null; storageArea?: unknown }) => void;
      const listeners = new Set<StorageListener>();
      vi.stubGlobal('addEventListener', (type: string, listener: StorageListener) => {
        if (type === 'storage') listeners.add(listener);
      });
      vi.stubGlobal('removeEventListener', (_type: string, listener: StorageListener) => {
        listeners.delete(listener);
      });
      try {
        const alice = await newUser('alice');
        const bob = await newUser('bob');
        const tab = await signedIn(alice);
        // Watching other tabs starts with the first subscriber (as in a mounted app).
        const unsubscribe = tab.subscribe(() => undefined);
        const aliceCredentials = await tab.currentCredentials();

        const otherTab = engine();
        await otherTab.signOut();
        await otherTab.signIn(bob, password);
        const { idToken } = await otherTab.currentSession();
        expect(listeners.size).toBe(1);
        for (const listener of listeners) listener({ key: `CognitoIdentityServiceProvider.${k.backend.config.clientId}.LastAuthUser`, storageArea: k.storage });
        await vi.waitFor(() => expect(tab.getState().user?.username).toBe(bob));
        k.backend.resetCounts();

        const bobCredentials = await tab.currentCredentials();
        unsubscribe();

        expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
        expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: poolId(), Logins: { [loginsKey()]: idToken } });
        expect(bobCredentials.identityId).not.toBe(aliceCredentials.identityId);
        expect(issued(k, bobCredentials)).toMatchObject({ identityId: bobCredentials.identityId, authenticated: true });
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('guest credentials are not reused once a user signs in', async () => {
      const k = kit();
      const username = await newUser();
      const auth = engine();
      const guest = await auth.currentCredentials();

      await auth.signIn(username, password);
      k.backend.resetCounts();
      const user = await auth.currentCredentials();

      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(user.authenticated).toBe(true);
      expect(user.identityId).not.toBe(guest.identityId);
    });

    it('a sign-out while the user\'s credentials are in flight: the late answer is not cached for the next sign-in', async () => {
      const k = kit();
      const username = await newUser();
      const auth = await signedIn(username);
      let release = (): void => undefined;
      holdCredentials = new Promise<void>((resolve) => {
        release = resolve;
      });
      const inFlight = auth.currentCredentials();
      try {
        await vi.waitFor(() => expect(k.backend.count('GetCredentialsForIdentity')).toBe(1));
        await auth.signOut();
      } finally {
        holdCredentials = undefined;
        release();
      }
      const late = await inFlight;
      expect(late.authenticated).toBe(true);
      await auth.signIn(username, password);
      k.backend.resetCounts();
      const fresh = await auth.currentCredentials();

      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(fresh.accessKeyId).not.toBe(late.accessKeyId);
      expect(fresh.identityId).toBe(late.identityId);
    });
  });

  describe('no secret outside the credentials', () => {
    it('getting credentials emits no event and changes no state; no AWS secret or session token in events, state or storage', async () => {
      const k = kit();
      const username = await newUser();
      const auth = engine();
      const events = k.events(auth);
      const states: AuthState[] = [];
      const unsubscribe = auth.subscribe(() => states.push(auth.getState()));
      try {
        await auth.currentCredentials();
        expect(events).toEqual([]);
        expect(states).toEqual([]);

        await auth.signIn(username, password);
        const eventsBefore = events.length;
        const statesBefore = states.length;
        await auth.currentCredentials();
        await auth.credentialsProvider();
        expect(events.length).toBe(eventsBefore);
        expect(states.length).toBe(statesBefore);
        await auth.signOut();
        await auth.currentCredentials();
      } finally {
        unsubscribe();
      }

      const secrets = k.backend.issuedCredentials().flatMap((c) => [c.secretAccessKey, c.sessionToken]);
      expect(secrets.length).toBeGreaterThanOrEqual(4);
      const storageDump = k.storage.keys().map((key) => `${key}=${k.storage.getItem(key) ?? ''}`).join('\n');
      for (const [where, text] of [
        ['events', JSON.stringify(events)],
        ['state', JSON.stringify([...states, auth.getState()])],
        ['storage', storageDump],
      ] as const) {
        expect(leakedSecrets(text, secrets), where).toEqual([]);
      }
    });
  });
});

describe('currentCredentials() with an expired user session', () => {
  const TOKEN_SECONDS = 300;
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS } });
  const password = strongPassword();

  /** Signed in as a new user, counts reset, then the tokens expire. */
  async function expiredSession(): Promise<{ k: EngineTestKit; auth: Auth; username: string; old: string }> {
    const k = kit();
    k.storage = new RecordingStorage();
    const username = uniqueName('exp');
    await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const auth = k.auth({
      config: { ...fast, identityPoolId: k.backend.config.identityPool.identityPoolId, identityPoolEndpoint: k.url },
    });
    await auth.signIn(username, password);
    const { idToken: old } = await auth.currentSession();
    k.backend.resetCounts();
    k.clock.advance((TOKEN_SECONDS + 60) * 1000);
    return { k, auth, username, old };
  }

  it('refreshes the session first, so GetId carries a valid (new) id token', async () => {
    const { k, auth, old } = await expiredSession();

    const credentials = await auth.currentCredentials();

    expect(operations(k.backend)).toEqual(['InitiateAuth', 'GetId', 'GetCredentialsForIdentity']);
    expect(inputOf(k.backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    const { idToken } = await auth.currentSession();
    expect(idToken).not.toBe(old);
    const logins = { [k.backend.config.identityPool.providerName]: idToken };
    expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: k.backend.config.identityPool.identityPoolId, Logins: logins });
    expect(inputOf(k.backend, 'GetCredentialsForIdentity')).toEqual({ IdentityId: credentials.identityId, Logins: logins });
    expect(credentials.authenticated).toBe(true);
    expect(k.backend.count()).toBe(3);
  });

  it('10 concurrent callers on an expired session: 1 refresh, 1 GetId, 1 GetCredentialsForIdentity', async () => {
    const { k, auth } = await expiredSession();

    const all = await Promise.all(Array.from({ length: 10 }, () => auth.currentCredentials()));

    expect(operations(k.backend)).toEqual(['InitiateAuth', 'GetId', 'GetCredentialsForIdentity']);
    expect(new Set(all).size).toBe(1);
  });

  it('a session that cannot be refreshed (user deleted): the session\'s typed error, no identity request with the dead token; then guest credentials', async () => {
    const { k, auth, username } = await expiredSession();
    k.backend.deleteUser(username);

    const error = await authErrorOf(auth.currentCredentials());

    expect(error).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.', source: 'currentCredentials' });
    expect(operations(k.backend)).toEqual(['InitiateAuth']);
    expect(auth.getState().status).toBe('signedOut');
    const guest = await auth.currentCredentials();
    expect(guest.authenticated).toBe(false);
    expect(inputOf(k.backend, 'GetId')).toEqual({ IdentityPoolId: k.backend.config.identityPool.identityPoolId });
  });
});
