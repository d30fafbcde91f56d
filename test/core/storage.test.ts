import { beforeEach, describe, expect, it } from 'vitest';
import { createAuth, MemoryStorage, type AuthConfig } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// Where the session lives: memory by default in Node, a custom store under the keys Amplify v5 and
// amazon-cognito-identity-js use, and a store that throws must not cost the user the sign-in.
describe('session storage', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  const key = (item: string): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.gus.${item}`;

  /** The kit's config without a `storage`, so the engine picks its default. */
  const configWithoutStorage = (): AuthConfig => {
    const { backend, url } = kit();
    return {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
    };
  };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('gus')) await k.backend.createUser({ username: 'gus', password, attributes: { email: 'gus@example.com' } });
    k.backend.resetCounts();
  });

  it('defaults to in-memory storage in Node (no localStorage), which holds the session for that engine only', async () => {
    const { backend } = kit();
    expect(typeof (globalThis as { localStorage?: unknown }).localStorage).toBe('undefined');
    const auth = createAuth(configWithoutStorage());

    await auth.signIn('gus', password);
    backend.resetCounts();

    expect(auth.getState().status).toBe('signedIn');
    await expect(auth.currentSession()).resolves.toMatchObject({ refreshToken: expect.any(String) });
    expect(backend.count()).toBe(0);
    // Memory is per engine: nothing leaked into a global a second engine could read.
    expect(createAuth(configWithoutStorage()).getState().status).toBe('signedOut');
    expect(kit().storage.keys()).toEqual([]);
  });

  it('writes exactly the amazon-cognito-identity-js keys (and the session stamp) to a custom storage', async () => {
    const { storage, auth, clock } = kit();
    const engine = auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });

    await engine.signIn('gus', password);

    const session = await engine.currentSession();
    const lastAuthUser = `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.LastAuthUser`;
    expect(storage.keys()).toEqual([lastAuthUser, key('accessToken'), key('clockDrift'), key('idToken'), key('refreshToken'), key('sessionStamp')].sort());
    expect(storage.getItem(lastAuthUser)).toBe('gus');
    expect(storage.getItem(key('accessToken'))).toBe(session.accessToken);
    expect(storage.getItem(key('idToken'))).toBe(session.idToken);
    expect(storage.getItem(key('refreshToken'))).toBe(session.refreshToken);
    expect(storage.getItem(key('clockDrift'))).toMatch(/^-?\d+$/);
    expect(session.isValid(clock.now())).toBe(true);
  });

  it('keeps the user signed in for the page when setItem throws (quota, private mode)', async () => {
    const { backend, auth } = kit();
    const broken = new ThrowingStorage({ setItem: true });
    const engine = auth({ storage: broken, config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });

    const result = await engine.signIn('gus', password);

    expect(result.isSignedIn).toBe(true);
    expect(engine.getState()).toMatchObject({ status: 'signedIn', user: { username: 'gus' } });
    expect(broken.keys()).toEqual([]);
    backend.resetCounts();
    await expect(engine.userAttributes()).resolves.toEqual(expect.arrayContaining([{ Name: 'email', Value: 'gus@example.com' }]));
    expect(backend.requests().map((r) => r.operation)).toEqual(['GetUser']);
    // Nothing was persisted, so a reload starts signed out; sign-out still works.
    expect(auth({ storage: broken }).getState().status).toBe('signedOut');
    await engine.signOut();
    expect(engine.getState().status).toBe('signedOut');
  });

  it('starts signed out, without throwing, when every storage method throws', async () => {
    const { auth } = kit();
    const broken = new ThrowingStorage({ setItem: true, getItem: true, removeItem: true });

    const engine = auth({ storage: broken, config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    expect(engine.getState().status).toBe('signedOut');

    await expect(engine.signIn('gus', password)).resolves.toMatchObject({ isSignedIn: true });
    await expect(engine.signOut()).resolves.toBeUndefined();
    expect(engine.getState().status).toBe('signedOut');
  });

  it('accepts a MemoryStorage instance as the config storage, sharing the session between engines on it', async () => {
    const { backend, config } = kit();
    const memory = new MemoryStorage();
    const first = createAuth(config({ storage: memory, authenticationFlowType: 'USER_PASSWORD_AUTH' }));
    await first.signIn('gus', password);
    backend.resetCounts();

    const second = createAuth(config({ storage: memory }));

    expect(second.getState()).toMatchObject({ status: 'signedIn', user: { username: 'gus' } });
    expect(memory.length).toBe(6);
    expect(backend.count()).toBe(0);
  });
});

describe('MemoryStorage', () => {
  it('implements the Web Storage subset: set, get, remove, clear, length, key', () => {
    const storage = new MemoryStorage();

    storage.setItem('a', '1');
    storage.setItem('b', '2');
    storage.setItem('a', '3');

    expect(storage.getItem('a')).toBe('3');
    expect(storage.getItem('missing')).toBeNull();
    expect(storage.length).toBe(2);
    expect([storage.key(0), storage.key(1)].sort()).toEqual(['a', 'b']);
    expect(storage.key(2)).toBeNull();
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
    expect(storage.length).toBe(1);
    storage.clear();
    expect(storage.length).toBe(0);
    expect(storage.getItem('b')).toBeNull();
  });

  it('stores values as strings, as Web Storage does', () => {
    const storage = new MemoryStorage();
    // A JavaScript caller (or Amplify code) may hand over a number.
    storage.setItem('drift', 42 as unknown as string);
    expect(storage.getItem('drift')).toBe('42');
  });

  it('keeps instances apart', () => {
    const one = new MemoryStorage();
    const two = new MemoryStorage();
    one.setItem('k', 'v');
    expect(two.getItem('k')).toBeNull();
  });
});

/** A RecordingStorage whose chosen methods throw, like a full quota or a locked-down browser. */
class ThrowingStorage extends RecordingStorage {
  readonly #throws: { setItem?: boolean; getItem?: boolean; removeItem?: boolean };

  constructor(throws: { setItem?: boolean; getItem?: boolean; removeItem?: boolean }) {
    super();
    this.#throws = throws;
  }

  override setItem(key: string, value: string): void {
    if (this.#throws.setItem) throw new Error('QuotaExceededError: the quota has been exceeded.');
    super.setItem(key, value);
  }

  override getItem(key: string): string | null {
    if (this.#throws.getItem) throw new Error('SecurityError: storage is disabled.');
    return super.getItem(key);
  }

  override removeItem(key: string): void {
    if (this.#throws.removeItem) throw new Error('SecurityError: storage is disabled.');
    super.removeItem(key);
  }
}
