'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslate, errorKey, type Translate, type Translations } from './translate';

export interface TranslationContextValue {
  t: Translate;
  /** The translated message for an AuthError `name` (generic text for unknown names). */
  tError: (name: string) => string;
  language: string;
}

const EMPTY: Translations = {};

function contextValue(translations: Translations, language: string): TranslationContextValue {
  const t = createTranslate(translations, language);
  return { t, tError: (name) => t(errorKey(translations, language, name)), language };
}

// No default value computed at module load: that call would be a top-level side effect, keeping every
// dictionary in the bundle of apps that use only the hooks. English without a provider comes from useTranslate.
const TranslationContext = createContext<TranslationContextValue | null>(null);
TranslationContext.displayName = 'CognitoTranslations';
let english: TranslationContextValue | undefined;

export interface TranslationProviderProps {
  children?: ReactNode;
  /** Language of the UI texts (BCP 47, e.g. `fr-CA`). Default: `en`. */
  language?: string;
  /** Overrides for any string in any language. Default: none. */
  translations?: Translations;
}

/** Chooses the language and string overrides for every UI component below it. */
export function TranslationProvider({ children, language = 'en', translations = EMPTY }: TranslationProviderProps) {
  const value = useMemo(() => contextValue(translations, language), [translations, language]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

/** `t(key, values?)`, `tError(name)` and the language of the nearest TranslationProvider (English without one). */
export function useTranslate(): TranslationContextValue {
  return useContext(TranslationContext) ?? (english ??= contextValue(EMPTY, 'en'));
}
