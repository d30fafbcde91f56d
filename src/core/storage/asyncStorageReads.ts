import type { AsyncStorageMirror } from './asyncStorage';

/**
 * Reads `keys` (and, given a `prefix`, every key the store lists under it) from an async store into its
 * mirror, in one `multiGet` where the store has it. A store that cannot be read holds nothing we can
 * use: the keys read as absent (signed out), and the next write tries the store again.
 */
export async function readInto(mirror: AsyncStorageMirror, keys: readonly string[], prefix: string | undefined): Promise<void> {
  const store = mirror.primary;
  let listed: readonly string[] = [];
  if (prefix !== undefined && store.getAllKeys) {
    listed = await store.getAllKeys().then((all) => all.filter((key) => key.startsWith(prefix)), () => []);
  }
  const missing = [...new Set([...keys, ...listed])].filter((key) => !mirror.has(key));
  if (missing.length === 0) return;
  let values = new Map<string, string | null>();
  try {
    const pairs = store.multiGet
      ? await store.multiGet(missing)
      : await Promise.all(missing.map(async (key) => [key, await store.getItem(key)] as const));
    values = new Map(pairs.map(([key, value]) => [key, typeof value === 'string' ? value : null]));
  } catch {
    /* see above */
  }
  for (const key of missing) mirror.adopt(key, values.get(key) ?? null);
}
