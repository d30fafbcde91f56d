// The English the page holds so far: the start strings, plus the step screens' and account components'
// once their code is there (they add them before rendering). Every English fallback reads this, so an
// app's start bundle carries only the first screens' strings.
import { enStart } from './enStart';

let known: Readonly<Record<string, string>> = enStart;
const added = new Set<object>();
const listeners = new Set<() => void>();
let version = 0;

/** The English strings known so far, by key. */
export function english(): Readonly<Record<string, string>> {
  return known;
}

/** Adds a part of the English dictionary (once per part). Safe during render: listeners hear of it after. */
export function addEnglish(part: Readonly<Record<string, string>>): void {
  if (added.has(part)) return;
  added.add(part);
  known = { ...known, ...part };
  version += 1;
  // After the current render: a TranslationProvider re-checks which dictionary it needs.
  queueMicrotask(() => {
    for (const listener of [...listeners]) listener();
  });
}

/** For useSyncExternalStore: a number that changes whenever English grows. */
export function englishVersion(): number {
  return version;
}

export function subscribeEnglish(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
