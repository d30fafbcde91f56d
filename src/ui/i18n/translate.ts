import { en, type Dictionary, type MessageKey } from './en';
import { builtInLanguages } from './languages';

/** Per-language overrides: `{ en: { 'signIn.submit': 'Log in' }, fr: { … } }`. Any key, any language. */
export type Translations = Record<string, Partial<Dictionary> & Record<string, string | undefined>>;

/** Built-in dictionaries by language code (English, French, German, Spanish, Japanese, Brazilian Portuguese). */
export const dictionaries: Record<string, Dictionary> = builtInLanguages;

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/**
 * Looks `key` up in the app's translations for the language, then the built-in dictionary for it,
 * then for its base language (`fr` for `fr-CA`), then the app's English, then English.
 */
export function lookup(translations: Translations, language: string, key: string): string | undefined {
  const base = language.split('-')[0] ?? language;
  for (const lang of unique([language, base])) {
    const found = translations[lang]?.[key] ?? (dictionaries[lang] as Record<string, string> | undefined)?.[key];
    if (found !== undefined) return found;
  }
  return translations['en']?.[key] ?? (en as Record<string, string>)[key];
}

export function createTranslate(translations: Translations, language: string): Translate {
  return (key, values) => fill(lookup(translations, language, key) ?? key, values);
}

/** The message for an engine error: `error.<name>` when any dictionary has it, else the generic one. */
export function errorKey(translations: Translations, language: string, name: string): MessageKey {
  const key = `error.${name}`;
  return (lookup(translations, language, key) === undefined ? 'error.fallback' : key) as MessageKey;
}

function fill(template: string, values: Record<string, string> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
