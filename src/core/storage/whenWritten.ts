/**
 * `result`, resolved only once an async store (AsyncStorage) holds what was written meanwhile: an app
 * closed right after a sign-in still finds its session on the next start. `persisted` is undefined
 * with a synchronous store, and `result` is then returned as it is (no extra tick).
 */
export function whenWritten<T>(result: Promise<T>, persisted: () => Promise<void> | undefined): Promise<T> {
  if (persisted() === undefined) return result;
  return result.then((value) => Promise.resolve(persisted()).then(() => value));
}
