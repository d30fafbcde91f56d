import type { Dictionary } from './en';
import { english } from './english';
import { builtInLanguageOf, type BuiltInLanguage, type LoadableLanguage } from './languages';

/**
 * Where each non-English dictionary comes from: one dynamic import (so one chunk) per language, resolving
 * the dictionary or the module that exports it under the language's code (`import('./de')` → `{ de }`).
 */
export type DictionaryLoaders = Readonly<Record<LoadableLanguage, () => Promise<Dictionary | { readonly [code: string]: Dictionary }>>>;

/** Where a language's dictionary stands: `failed` means the last attempt did (the next use tries again). */
export type DictionaryStatus = 'absent' | 'loading' | 'loaded' | 'failed';

// Literal specifiers, so bundlers emit one chunk per language. Nothing may import these files statically
// (an entry re-exporting `fr` would pull it back into the main chunk): test/structure.test.ts checks.
const builtInLoaders: DictionaryLoaders = {
  de: () => import('./de'),
  es: () => import('./es'),
  fr: () => import('./fr'),
  he: () => import('./he'),
  hu: () => import('./hu'),
  id: () => import('./id'),
  it: () => import('./it'),
  ja: () => import('./ja'),
  kr: () => import('./kr'),
  nb: () => import('./nb'),
  nl: () => import('./nl'),
  pl: () => import('./pl'),
  pt: () => import('./pt'),
  ru: () => import('./ru'),
  sv: () => import('./sv'),
  th: () => import('./th'),
  tr: () => import('./tr'),
  ua: () => import('./ua'),
  zh: () => import('./zh'),
};

type Entry = { status: 'loading'; promise: Promise<void> } | { status: 'loaded'; dictionary: Dictionary } | { status: 'failed' };

/**
 * The built-in dictionaries loaded so far, and the loads under way: a tiny subscribable, so every
 * TranslationProvider re-renders when a chunk arrives or fails.
 */
export class DictionaryStore {
  readonly #loaders: DictionaryLoaders;
  readonly #entries = new Map<LoadableLanguage, Entry>();
  readonly #listeners = new Set<() => void>();

  constructor(loaders: DictionaryLoaders = builtInLoaders) {
    this.#loaders = loaders;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  status(language: LoadableLanguage): DictionaryStatus {
    return this.#entries.get(language)?.status ?? 'absent';
  }

  /** The dictionary when it is in memory (English always is). */
  dictionary(language: BuiltInLanguage): Dictionary | undefined {
    if (language === 'en') return english() as Dictionary; // the strings a render may ask for are there
    const entry = this.#entries.get(language);
    return entry?.status === 'loaded' ? entry.dictionary : undefined;
  }

  /** Loads the dictionary once; a load under way is shared, a failed one is tried again. Rejects when the chunk fails. */
  load(language: LoadableLanguage): Promise<void> {
    const entry = this.#entries.get(language);
    if (entry?.status === 'loaded') return Promise.resolve();
    if (entry?.status === 'loading') return entry.promise;
    const promise = this.#loaders[language]().then(
      (loaded) => this.#set(language, { status: 'loaded', dictionary: (loaded as Partial<Record<string, Dictionary>>)[language] ?? (loaded as Dictionary) }),
      (error: unknown) => {
        this.#set(language, { status: 'failed' });
        throw error;
      },
    );
    this.#set(language, { status: 'loading', promise });
    return promise;
  }

  #set(language: LoadableLanguage, entry: Entry): void {
    this.#entries.set(language, entry);
    for (const listener of [...this.#listeners]) listener();
  }
}

// Created on first use, not at module load: a top-level `new` would stay in the bundle of apps that
// use only the hooks.
let shared: DictionaryStore | undefined;

/** The page's store: what `loadLanguage` fills and every TranslationProvider reads (unless a test injects its own). */
export function defaultDictionaryStore(): DictionaryStore {
  return (shared ??= new DictionaryStore());
}

/**
 * Fetches the built-in dictionary for `language` (its base language for a regional code), so every
 * later render uses it at once: await it before a server render or hydration. Resolves at once for
 * English, for a language already loaded and for languages without a built-in dictionary; rejects
 * when the chunk cannot be fetched (the UI then shows English, and tries again on its next use).
 */
export function loadLanguage(language: string): Promise<void> {
  const builtIn = builtInLanguageOf(language);
  return builtIn === undefined || builtIn === 'en' ? Promise.resolve() : defaultDictionaryStore().load(builtIn);
}
