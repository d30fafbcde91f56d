import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createAuth as createEngine, PageCoordinator, type AuthConfig, type CreateAuthOptions, type StorageLike } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { knownSecrets, leakedSecrets } from '../support/secrets';

/** Throws like Safari private mode / a full quota: on every write (and, if asked, on reads too). */
class ThrowingStorage implements StorageLike {
  readonly #items = new Map<string, string>();
  failWrites: boolean;
  readonly failReads: boolean;
  writes = 0;

  constructor(options: { failWrites?: boolean; failReads?: boolean } = {}) {
    this.failWrites = options.failWrites ?? true;
    this.failReads = options.failReads ?? false;
  }

  setItem(key: string, value: string): void {
    this.writes += 1;
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.set(key, value);
  }

  getItem(key: string): string | null {
    if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.#items.get(key) ?? null;
  }

  removeItem(key: string): void {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
  }
}

// Storage that throws: the session lives in memory for the page, and the developer gets one warning
// (for the whole page, however many engines and writes), which never carries a value. Every engine
// here shares one page: one coordinator (the kit keeps no module state to say "once" with).
const page = new PageCoordinator();
const createAuth = (config: AuthConfig, options: CreateAuthOptions = {}) => createEngine(config, { coordinator: page, ...options });
describe('storage that throws falls back to memory with one warning', () => {
  const running = useBackend({ deviceTracking: false, tokenValidity: { accessTokenSeconds: 300, idTokenSeconds: 300 } });
  const password = strongPassword();
  let warn: MockInstance<typeof console.warn>;
  const config = (storage?: StorageLike): AuthConfig => {
    const { backend, url } = running();
    return {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
      ...(storage ? { storage } : {}),
    };
  };

  beforeAll(async () => {
    warn = vi.spyOn(console, 'warn');
    await running().backend.createUser({ username: 'quota', password });
  });

  afterAll(() => {
    // One warning for every scenario of this file together, and no secret in it.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(leakedSecrets(warn.mock.calls.flat().map(String).join('\n'), knownSecrets())).toEqual([]);
    warn.mockRestore();
  });

  it('a store that throws on every write: sign in, currentSession and sign out all work for the page', async () => {
    const storage = new ThrowingStorage();
    const auth = createAuth(config(storage), { autoRefresh: false });
    await expect(auth.signIn('quota', password)).resolves.toMatchObject({ isSignedIn: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/kept in memory for this page/);

    const first = await auth.currentSession();
    const later = createAuth(config(storage), { autoRefresh: false, now: () => Date.now() + 600_000 });
    expect(later.getState().status).toBe('signedOut'); // nothing persisted: another page starts signed out
    await auth.signOut();
    expect(auth.getState().status).toBe('signedOut');
    expect(first.accessToken).not.toBe('');
  });

  it('a store that fills up mid-session keeps the refreshed tokens in memory', async () => {
    const storage = new ThrowingStorage({ failWrites: false });
    let now = Date.now();
    const auth = createAuth(config(storage), { autoRefresh: false, now: () => now });
    await auth.signIn('quota', password);
    const before = await auth.currentSession();
    storage.failWrites = true;
    now += 600_000;

    const refreshed = await auth.currentSession();
    expect(refreshed.accessToken).not.toBe(before.accessToken);
    await expect(auth.currentSession()).resolves.toBe(refreshed);
    await expect(auth.currentAuthenticatedUser({ bypassCache: true })).resolves.toMatchObject({ username: 'quota' });
  });

  it('a store whose reads throw too (blocked storage) starts signed out and still signs in', async () => {
    const storage = new ThrowingStorage({ failReads: true });
    const auth = createAuth(config(storage), { autoRefresh: false });
    expect(auth.getState().status).toBe('signedOut');
    await expect(auth.signIn('quota', password)).resolves.toMatchObject({ isSignedIn: true });
    await expect(auth.currentSession()).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('a global localStorage that throws on write (Safari private mode) is used through the fallback', async () => {
    const local = new ThrowingStorage();
    vi.stubGlobal('localStorage', local);
    try {
      const auth = createAuth(config(), { autoRefresh: false });
      await expect(auth.signIn('quota', password)).resolves.toMatchObject({ isSignedIn: true });
      expect(local.writes).toBeGreaterThan(0);
      await expect(auth.currentSession()).resolves.toMatchObject({ accessToken: expect.any(String) });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
