// Type tests for React Native's pieces: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { expectTypeOf } from 'vitest';
import { createAuth, type AsyncStorageLike, type OpenAuthSession, type StorageLike } from '../../src/core/index';

const pool = { userPoolId: 'eu-west-1_abc', userPoolWebClientId: 'client' };

// @react-native-async-storage/async-storage's declaration (its AsyncStorageStatic, as published): the
// module's default export goes in as it is.
type KeyValuePair = [string, string | null];
declare const AsyncStorage: {
  getItem: (key: string, callback?: (error?: Error | null, result?: string | null) => void) => Promise<string | null>;
  setItem: (key: string, value: string, callback?: (error?: Error | null) => void) => Promise<void>;
  removeItem: (key: string, callback?: (error?: Error | null) => void) => Promise<void>;
  mergeItem: (key: string, value: string, callback?: (error?: Error | null) => void) => Promise<void>;
  clear: (callback?: (error?: Error | null) => void) => Promise<void>;
  getAllKeys: (callback?: (error?: Error | null, result?: readonly string[]) => void) => Promise<readonly string[]>;
  multiGet: (keys: readonly string[], callback?: (errors?: readonly (Error | null)[] | null, result?: readonly KeyValuePair[]) => void) => Promise<readonly KeyValuePair[]>;
};
expectTypeOf(AsyncStorage).toMatchTypeOf<AsyncStorageLike>();
createAuth({ ...pool, storage: AsyncStorage });

// An adapter over another async store needs only the three methods.
const secureStore: AsyncStorageLike = {
  getItem: async () => null,
  setItem: async () => undefined,
  removeItem: async () => undefined,
};
createAuth({ ...pool, storage: secureStore });

// Web Storage's synchronous shape still goes in.
declare const local: StorageLike;
createAuth({ ...pool, storage: local });

// @ts-expect-error getItem must answer a string (or null), not a number
createAuth({ ...pool, storage: { getItem: async () => 1, setItem: async () => undefined, removeItem: async () => undefined } });
// @ts-expect-error removeItem is required
createAuth({ ...pool, storage: { getItem: async () => null, setItem: async () => undefined } });

// expo-web-browser's declarations (as published): openAuthSessionAsync goes in as the opener.
declare enum WebBrowserResultType {
  CANCEL = 'cancel',
  DISMISS = 'dismiss',
  OPENED = 'opened',
  LOCKED = 'locked',
}
type WebBrowserAuthSessionResult = { type: 'success'; url: string } | { type: WebBrowserResultType };
declare function openAuthSessionAsync(url: string, redirectUrl?: string | null, options?: { preferEphemeralSession?: boolean }): Promise<WebBrowserAuthSessionResult>;
createAuth(pool, { openAuthSession: openAuthSessionAsync });
createAuth(pool, { openAuthSession: (url, redirectUrl) => openAuthSessionAsync(url, redirectUrl, { preferEphemeralSession: true }) });
expectTypeOf<OpenAuthSession>().parameters.toEqualTypeOf<[string, string]>();
// @ts-expect-error a result must say how the session ended (`type`)
createAuth(pool, { openAuthSession: async (url: string) => ({ url }) });
// @ts-expect-error a success carries the URL it came back to
createAuth(pool, { openAuthSession: async () => ({ type: 'success' as const }) });
