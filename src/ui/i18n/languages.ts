/**
 * The languages the UI ships a complete dictionary for: Amplify UI's list and codes (`kr` Korean, `ua`
 * Ukrainian; `ko` and `uk` are read as them). English is in the bundle; the others are fetched on first
 * use (one chunk each, see `loadLanguage`). A regional code (`fr-CA`, `pt-BR`) uses its base language;
 * an unknown one falls back to English. `pt` is Brazilian Portuguese, `zh` Simplified Chinese.
 */
export const builtInLanguages = ['en', 'de', 'es', 'fr', 'he', 'hu', 'id', 'it', 'ja', 'kr', 'nb', 'nl', 'pl', 'pt', 'ru', 'sv', 'th', 'tr', 'ua', 'zh'] as const;

/** A language the UI ships a complete dictionary for. */
export type BuiltInLanguage = (typeof builtInLanguages)[number];

/** A built-in language whose dictionary is a chunk of its own, fetched on demand. */
export type LoadableLanguage = Exclude<BuiltInLanguage, 'en'>;

// Amplify's codes that are not BCP 47 (kr is Kanuri, ua no language): the standard ones read as them, and `lang` says the standard one.
const STANDARD: Readonly<Record<string, string>> = { kr: 'ko', ua: 'uk' };

/** The built-in language a BCP 47 code reads in (`fr-CA` → `fr`, `ko` → `kr`), or undefined when none fits. */
export function builtInLanguageOf(language: string): BuiltInLanguage | undefined {
  const code = language.toLowerCase();
  const base = code.split('-')[0] ?? code;
  return builtInLanguages.find((known) => known === code || known === base || STANDARD[known] === base);
}

/** The `lang` attribute for a language: BCP 47, so `kr` → `ko` and `ua` → `uk` (screen readers pick their voice by it). */
export function htmlLang(language: string): string {
  return STANDARD[language.toLowerCase()] ?? language;
}

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian, Urdu, Yiddish, any region), else `ltr`. */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return /^(ar|he|iw|fa|ur|yi)(-|$)/i.test(language) ? 'rtl' : 'ltr';
}
