// An AsyncStorage-shaped store (every method a promise) passed as `storage`, as a React Native app does:
// the engine reads it before its first state, writes to it in order, and waits for the writes.
import { describe, expect, it, vi } from 'vitest';
import { createAuth, type Auth, type AuthState } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { AsyncStore } from './support/asyncStore';

/** Resolves with the first state (now or later) that `test` accepts. */
function stateWhere(auth: Auth, test: (state: AuthState) => boolean): Promise<AuthState> {
  return new Promise((resolve) => {
    if (test(auth.getState())) return resolve(auth.getState());
    const unsubscribe = auth.subscribe(() => {
      if (!test(auth.getState())) return;
      unsubscribe();
      resolve(auth.getState());
    });
  });
}

describe('an AsyncStorage-shaped store as `storage`', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  const username = 'ana';

  const engine = (store: AsyncStore): Auth => createAuth(kit().config({ storage: store }), { now: kit().clock.now });
  const key = (item: string): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.${username}.${item}`;

  async function storeWithSession(options: ConstructorParameters<typeof AsyncStore>[0] = {}): Promise<AsyncStore> {
    const k = kit();
    if (!k.backend.getUser(username)) await k.backend.createUser({ username, password });
    const store = new AsyncStore(options);
    await engine(store).signIn(username, password);
    return store;
  }

  it('signs in and resolves only once the store holds the session; writes land in the order made', async () => {
    const store = await storeWithSession();

    expect(store.items.get(`CognitoIdentityServiceProvider.${kit().backend.config.clientId}.LastAuthUser`)).toBe(username);
    for (const item of ['idToken', 'accessToken', 'refreshToken', 'clockDrift', 'sessionStamp']) expect(store.items.get(key(item))).toEqual(expect.any(String));
    // One write at a time, in the engine's order (the stamp last), though the store answers later calls sooner.
    const writes = (calls: string[]) => calls.filter((call) => call.startsWith('set '));
    expect(writes(store.landed)).toEqual(writes(store.calls));
    expect(writes(store.landed).at(-1)).toBe(`set ${key('sessionStamp')}`);
  });

  it('stays loading until the store has been read, then restores the session: no crash on promise values', async () => {
    const store = await storeWithSession();
    kit().backend.resetCounts();

    const auth = engine(store);

    expect(auth.getState().status).toBe('loading');
    const state = await stateWhere(auth, (s) => s.status !== 'loading');
    expect(state).toMatchObject({ status: 'signedIn', user: { username }, error: null });
    expect(kit().backend.count()).toBe(0); // restored from the store, no request
  });

  it('restores through multiGet and getAllKeys when the store has them', async () => {
    const store = await storeWithSession();
    const listing = new AsyncStore({ multiGet: true, getAllKeys: true });
    for (const [k, v] of store.items) listing.items.set(k, v);

    const auth = engine(listing);

    await expect(stateWhere(auth, (s) => s.status !== 'loading')).resolves.toMatchObject({ status: 'signedIn', user: { username } });
    expect(listing.calls.filter((call) => call.startsWith('get '))).toEqual([`get CognitoIdentityServiceProvider.${kit().backend.config.clientId}.LastAuthUser`]); // the probe
    expect(listing.calls).toContain('getAllKeys');
  });

  it('an empty store: loading, then signed out', async () => {
    const auth = engine(new AsyncStore());
    expect(auth.getState().status).toBe('loading');
    await expect(stateWhere(auth, (s) => s.status !== 'loading')).resolves.toMatchObject({ status: 'signedOut' });
  });

  it('currentSession() called at once waits for the read and returns the stored session', async () => {
    const store = await storeWithSession();
    const session = await engine(store).currentSession();
    expect(session.accessToken).toBe(store.items.get(key('accessToken')));
  });

  it('sign-out resolves once the store no longer holds the tokens', async () => {
    const store = await storeWithSession();
    const auth = engine(store);

    await auth.signOut();

    expect(store.items.has(key('accessToken'))).toBe(false);
    expect(store.items.has(key('refreshToken'))).toBe(false);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('a store whose writes fail: the session works for this run, the developer is warned once', async () => {
    const k = kit();
    if (!k.backend.getUser(username)) await k.backend.createUser({ username, password });
    const store = new AsyncStore();
    store.failWrites = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const auth = engine(store);
      await expect(auth.signIn(username, password)).resolves.toMatchObject({ isSignedIn: true });
      expect(auth.getState().status).toBe('signedIn');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('kept in memory');
    } finally {
      warn.mockRestore();
    }
  });
});
