import { describe, expect, it } from 'vitest';
import { createAuth } from '../../src/core/index';
import { actionsOf, valueOf } from '../../src/react/authSnapshot';

/** An AsyncStorage-shaped store that never answers: its engine stays `loading` (as on React Native before the read). */
const pending = new Promise<never>(() => undefined);
const silentStore = { getItem: () => pending, setItem: () => pending, removeItem: () => pending };
const config = { userPoolId: 'us-east-1_snapshot', userPoolWebClientId: 'snapshotclient', storage: silentStore };

describe("useAuth()'s value per engine", () => {
  it('hands each engine its own bound actions, though every engine starts from the same loading state', () => {
    const first = createAuth(config);
    const second = createAuth(config);
    first.start();
    second.start();
    // Both start from the engine's one frozen loading state: a cache keyed by state alone would mix them up.
    expect(first.getState()).toBe(second.getState());

    const one = valueOf(first, first.getState());
    const two = valueOf(second, second.getState());

    expect(one.status).toBe('loading');
    expect(two.signIn).toBe(actionsOf(second).signIn);
    expect(two.signIn).not.toBe(one.signIn);
    // Same engine and state: the same value, so unchanged state re-renders nothing.
    expect(valueOf(second, second.getState())).toBe(two);
    first.stop();
    second.stop();
  });
});
