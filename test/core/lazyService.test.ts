import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/core/index';
import { AuthStore } from '../../src/core/authStore';
import { AuthEvents } from '../../src/core/events';
import { lazy, lazyFlow } from '../../src/core/lazyService';

// The signed-out flows, the SRP math, credentials and the hosted UI's redirect are chunks of their own:
// a chunk that does not arrive (offline, a deploy replaced it) must fail as any request would, typed.
const chunkMissing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/signInFlow-x.js'));

describe('lazy: a service in a chunk of its own', () => {
  it('loads once for every caller, and is `loaded` from then on', async () => {
    let loads = 0;
    const service = lazy(async () => ({ id: ++loads }));
    expect(service.loaded).toBeUndefined();
    const [a, b] = await Promise.all([service.load(), service.load()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(service.loaded).toBe(a);
  });

  it('a chunk that does not arrive is a NetworkError with the cause; the next call tries again', async () => {
    let attempts = 0;
    const service = lazy(() => (++attempts === 1 ? chunkMissing() : Promise.resolve('ready')));
    const error: unknown = await service.load().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'NetworkError', recoverySuggestion: expect.any(String) });
    expect((error as AuthError).cause).toBeInstanceOf(TypeError);
    expect(service.loaded).toBeUndefined();
    await expect(service.load()).resolves.toBe('ready');
    expect(attempts).toBe(2);
  });
});

describe('lazyFlow: a signed-out flow in a chunk of its own', () => {
  it('a chunk that does not arrive fails as the flow would: the error in the state and the failure event, attributed to the call', async () => {
    const store = new AuthStore();
    const events = new AuthEvents();
    store.dispatch({ type: 'signedOut' });
    const failures: unknown[] = [];
    events.listen('signIn_failure', (event) => failures.push(event.data));
    const flow = lazyFlow({ store, events }, chunkMissing);

    const error: unknown = await flow.run('signIn', 'signIn_failure', () => Promise.resolve('never')).catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({ name: 'NetworkError', source: 'signIn' });
    expect(store.getState()).toMatchObject({ status: 'signedOut', error });
    expect(failures).toEqual([error]);
  });

  it('once loaded, the call runs in the caller’s task (no wait for the chunk again)', async () => {
    const flow = lazyFlow({ store: new AuthStore(), events: new AuthEvents() }, async () => ({ calls: 0 }));
    await flow.load();
    let ranSynchronously = false;
    const done = flow.run('signIn', 'signIn_failure', async (loaded) => {
      ranSynchronously = true;
      loaded.calls += 1;
      return loaded.calls;
    });
    expect(ranSynchronously).toBe(true);
    await expect(done).resolves.toBe(1);
  });
});
