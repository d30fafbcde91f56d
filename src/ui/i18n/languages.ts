/**
 * The languages the UI ships a complete dictionary for. English is in the bundle; the others are
 * fetched on first use (one chunk each, see `loadLanguage`). A regional code (`fr-CA`, `pt-BR`)
 * uses its base language; an unknown one falls back to English. `pt` is Brazilian Portuguese.
 */
export const builtInLanguages = ['en', 'fr', 'de', 'es', 'ja', 'pt'] as const;

/** A language the UI ships a complete dictionary for. */
export type BuiltInLanguage = (typeof builtInLanguages)[number];

/** A built-in language whose dictionary is a chunk of its own, fetched on demand. */
export type LoadableLanguage = Exclude<BuiltInLanguage, 'en'>;

/** The built-in language a BCP 47 code reads in (`fr-CA` → `fr`), or undefined when none fits. */
export function builtInLanguageOf(language: string): BuiltInLanguage | undefined {
  const code = language.toLowerCase();
  const base = code.split('-')[0] ?? code;
  return builtInLanguages.find((known) => known === code || known === base);
}
