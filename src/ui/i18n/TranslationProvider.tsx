'use client';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { getAppVocabulary, subscribeAppVocabulary } from './appVocabulary';
import { defaultDictionaryStore, type DictionaryStatus, type DictionaryStore } from './dictionaryStore';
import { builtInLanguageOf, type LoadableLanguage } from './languages';
import { englishVersion, subscribeEnglish } from './english';
import { coversEveryKey, createTranslate, errorKey, textAsKey, type Translate, type Translations } from './translate';

export interface TranslationContextValue {
  t: Translate;
  /**
   * The message for an AuthError: the app's translation of Cognito's `message` when it has one (Amplify's
   * vocabulary), else the text for its `name` (generic for unknown names), where `{message}` is Cognito's.
   */
  tError: (name: string, message?: string) => string;
  language: string;
}

const EMPTY: Translations = {};

/** What the context carries: the public value plus the overrides it was made from, for nested providers to inherit. */
interface ContextValue extends TranslationContextValue {
  translations: Translations;
}

function contextValue(translations: Translations, language: string, store: DictionaryStore): ContextValue {
  const t = createTranslate(translations, language, store);
  const tError = (name: string, message?: string) =>
    (message === undefined ? undefined : textAsKey(translations, language, message)) ?? t(errorKey(translations, language, name, store), message === undefined ? undefined : { message });
  return { t, tError, language, translations };
}

// No default value computed at module load: that call would be a top-level side effect, keeping every
// dictionary in the bundle of apps that use only the hooks. English without a provider comes from useTranslate.
const TranslationContext = /* @__PURE__ */ createContext<ContextValue | null>(null);
TranslationContext.displayName = 'CognitoTranslations';
let english: ContextValue | undefined;

/** Internal seam: the dictionaries the providers below read and load (tests inject loaders that fail). Default: the page's. */
export const DictionaryStoreContext = /* @__PURE__ */ createContext<DictionaryStore | null>(null);

export interface TranslationProviderProps {
  children?: ReactNode;
  /** Language of the UI texts (BCP 47, e.g. `fr-CA`); a built-in one not loaded yet is fetched first. Default: `en`. */
  language?: string;
  /** Overrides for any string in any language; a complete dictionary for the language needs no fetch. Default: none. */
  translations?: Translations;
}

/**
 * Chooses the language and string overrides for every UI component below it. When the language's
 * built-in dictionary is not loaded yet, it fetches it: on first mount the children wait for it
 * (rather than flash English), on a language change they stay mounted in the previous language
 * (nothing typed is lost); if the fetch fails they get English, and the next use tries again.
 */
export function TranslationProvider({ children, language = 'en', translations = EMPTY }: TranslationProviderProps) {
  const store = useContext(DictionaryStoreContext) ?? defaultDictionaryStore();
  // English grows when the step screens arrive: whether the app's translations cover every key is asked again.
  const englishSeen = useSyncExternalStore(subscribeEnglish, englishVersion, englishVersion);
  const needed = useMemo(() => dictionaryNeeded(translations, language, englishSeen), [translations, language, englishSeen]);
  const status = useSyncExternalStore(
    store.subscribe,
    () => dictionaryStatus(store, needed),
    () => dictionaryStatus(store, needed),
  );
  // A failed fetch counts as ready: English is better than nothing while offline.
  const ready = status === 'loaded' || status === 'failed';
  const value = useMemo(() => (ready ? contextValue(translations, language, store) : null), [ready, status, translations, language, store]);
  // The last value the children saw, shown while a newly chosen language is on its way.
  const [shown, setShown] = useState(value);
  if (value !== null && value !== shown) setShown(value);
  useEffect(() => {
    // Catch: the failure is in the store's status already (English shown); `loadLanguage` callers get the rejection.
    if (needed !== null && store.status(needed) !== 'loaded') store.load(needed).catch(() => undefined);
  }, [store, needed]);

  const current = value ?? shown;
  return current === null ? null : <TranslationContext.Provider value={current}>{children}</TranslationContext.Provider>;
}

/** `t(key, values?)`, `tError(name)` and the language of the nearest TranslationProvider (English without one). */
export function useTranslate(): TranslationContextValue {
  return useInherited();
}

/**
 * The language and overrides of the nearest TranslationProvider; without one, what `I18n`
 * (cognito-react-kit/amplify) set app-wide, followed as it changes; else `en` and none.
 */
export function useInheritedTranslations(): { language: string; translations: Translations } {
  const context = useContext(TranslationContext);
  const app = useSyncExternalStore(subscribeAppVocabulary, getAppVocabulary, getAppVocabulary);
  if (context) return { language: context.language, translations: context.translations };
  return { language: app.language ?? 'en', translations: app.translations };
}

function useInherited(): ContextValue {
  return useContext(TranslationContext) ?? (english ??= contextValue(EMPTY, 'en', defaultDictionaryStore()));
}

/** The chunk this language needs: none for English, unknown languages, and app translations that cover every key. */
function dictionaryNeeded(translations: Translations, language: string, _englishSeen: number): LoadableLanguage | null {
  const builtIn = builtInLanguageOf(language);
  if (builtIn === undefined || builtIn === 'en' || coversEveryKey(translations, language)) return null;
  return builtIn;
}

function dictionaryStatus(store: DictionaryStore, needed: LoadableLanguage | null): DictionaryStatus {
  return needed === null ? 'loaded' : store.status(needed);
}
