import { defaultDictionaryStore, type DictionaryStore } from './dictionaryStore';
import { en, type Dictionary, type MessageKey } from './en';
import { builtInLanguageOf } from './languages';

/** Per-language overrides: `{ en: { 'signIn.submit': 'Log in' }, fr: { … } }`. Any key, any language. */
export type Translations = Record<string, Partial<Dictionary> & Record<string, string | undefined>>;

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/**
 * Looks `key` up in the app's translations for the language, then for its base language (`fr` for
 * `fr-CA`), then the built-in dictionary for it (when loaded), then the app's English, then English.
 */
export function lookup(translations: Translations, language: string, key: string, store: DictionaryStore = defaultDictionaryStore()): string | undefined {
  for (const lang of languageChain(language)) {
    const found = translations[lang]?.[key];
    if (found !== undefined) return found;
  }
  const builtIn = builtInLanguageOf(language);
  const found = builtIn === undefined ? undefined : (store.dictionary(builtIn) as Record<string, string> | undefined)?.[key];
  return found ?? translations['en']?.[key] ?? (en as Record<string, string>)[key];
}

/**
 * True when the app's translations give every key for the language (its own or its base language's
 * entries): then no built-in dictionary is needed, so none is loaded.
 */
export function coversEveryKey(translations: Translations, language: string): boolean {
  const own = languageChain(language).map((lang) => translations[lang]);
  if (own.every((entries) => entries === undefined)) return false;
  return Object.keys(en).every((key) => own.some((entries) => entries?.[key] !== undefined));
}

export function createTranslate(translations: Translations, language: string, store: DictionaryStore = defaultDictionaryStore()): Translate {
  return (key, values) => fill(lookup(translations, language, key, store) ?? key, values);
}

/** The message for an engine error: `error.<name>` when any dictionary has it, else the generic one. */
export function errorKey(translations: Translations, language: string, name: string, store: DictionaryStore = defaultDictionaryStore()): MessageKey {
  const key = `error.${name}`;
  return (lookup(translations, language, key, store) === undefined ? 'error.fallback' : key) as MessageKey;
}

/** `fr-CA` → `['fr-CA', 'fr']`; `fr` → `['fr']`. */
function languageChain(language: string): string[] {
  const base = language.split('-')[0] ?? language;
  return base === language ? [language] : [language, base];
}

function fill(template: string, values: Record<string, string> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
