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

const TranslationContext = createContext<TranslationContextValue>(contextValue(EMPTY, 'en'));
TranslationContext.displayName = 'CognitoTranslations';

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
  return useContext(TranslationContext);
}
