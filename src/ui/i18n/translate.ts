import { defaultDictionaryStore, type DictionaryStore } from './dictionaryStore';
import type { Dictionary, MessageKey } from './en';
import { english as englishSoFar } from './english';
import { builtInLanguageOf } from './languages';

/**
 * Per-language overrides, by our key (`{ en: { 'signIn.submit': 'Log in' } }`) or as Amplify UI's
 * vocabulary, keyed by its English text (`{ de: { 'Sign in': 'Anmelden' } }`, what apps pass to
 * `I18n.putVocabularies`), mixed freely; our key wins. A Cognito error message as key translates it.
 */
export type Translations = Record<string, Partial<Dictionary> & Record<string, string | undefined>>;

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/**
 * Looks `key` up in the app's translations for the language, then for its base language (`fr` for
 * `fr-CA`), then the built-in dictionary for it (when loaded), then the app's English, then English.
 */
export function lookup(translations: Translations, language: string, key: string, store: DictionaryStore = defaultDictionaryStore()): string | undefined {
  for (const lang of languageChain(language)) {
    const found = own(translations[lang], key);
    if (found !== undefined) return found;
  }
  const builtIn = builtInLanguageOf(language);
  const found = builtIn === undefined ? undefined : (store.dictionary(builtIn) as Record<string, string> | undefined)?.[key];
  return found ?? own(translations['en'], key) ?? englishSoFar()[key];
}

/** The app's text for `key` in one language: by our key, else by its English text (Amplify's vocabulary format). */
function own(entries: Translations[string] | undefined, key: string): string | undefined {
  if (entries === undefined) return undefined;
  const english = englishSoFar()[key];
  return entries[key] ?? (english === undefined ? undefined : entries[english]);
}

/**
 * True when the app's translations give every key for the language (its own or its base language's
 * entries): then no built-in dictionary is needed, so none is loaded.
 */
export function coversEveryKey(translations: Translations, language: string): boolean {
  const entries = languageChain(language).map((lang) => translations[lang]);
  if (entries.every((forLanguage) => forLanguage === undefined)) return false;
  return Object.keys(englishSoFar()).every((key) => entries.some((forLanguage) => own(forLanguage, key) !== undefined));
}

export function createTranslate(translations: Translations, language: string, store: DictionaryStore = defaultDictionaryStore()): Translate {
  return (key, values) => {
    // Amplify's vocabulary has some texts only filled in ('Password must have at least 8 characters').
    const english = values === undefined ? undefined : englishSoFar()[key];
    const filled = english === undefined ? undefined : textAsKey(translations, language, fill(english, values));
    return filled ?? fill(lookup(translations, language, key, store) ?? key, values);
  };
}

/**
 * The app's translation of a text by itself as key, in the language or its base: so Amplify's vocabulary
 * of Cognito's messages (`'User does not exist.': 'Benutzer existiert nicht'`) keeps working.
 */
export function textAsKey(translations: Translations, language: string, text: string): string | undefined {
  for (const lang of languageChain(language)) {
    const found = translations[lang]?.[text];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The message key for an engine error: `error.<name>` when any dictionary has it, else the generic one. */
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
