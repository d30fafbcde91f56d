// Type tests for the UI's languages: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import { builtInLanguages, loadLanguage, TranslationProvider, type BuiltInLanguage, type Translations } from '../../src/index';

// ── builtInLanguages: the codes, not the dictionaries ────────────────────────────────────────
expectTypeOf(builtInLanguages).toEqualTypeOf<readonly ['en', 'de', 'es', 'fr', 'he', 'hu', 'id', 'it', 'ja', 'kr', 'nb', 'nl', 'pl', 'pt', 'ru', 'sv', 'th', 'tr', 'ua', 'zh']>();
expectTypeOf<BuiltInLanguage>().toEqualTypeOf<(typeof builtInLanguages)[number]>();
// @ts-expect-error the dictionaries load on demand: the list holds no dictionary to read
void builtInLanguages.fr['signIn.heading'];
// @ts-expect-error the list is read-only
builtInLanguages.push('ar');
// @ts-expect-error Arabic is not built in (an app gives it through `translations`)
export const arabic: BuiltInLanguage = 'ar';
export const french: BuiltInLanguage = builtInLanguages[3];

// ── loadLanguage(language): Promise<void> ────────────────────────────────────────────────────
expectTypeOf(loadLanguage).toEqualTypeOf<(language: string) => Promise<void>>();
expectTypeOf(loadLanguage('fr-CA')).resolves.toEqualTypeOf<void>();
// @ts-expect-error it takes a language code
void loadLanguage(42);
// @ts-expect-error and needs one
void loadLanguage();

// ── TranslationProvider: any BCP 47 code, string overrides ───────────────────────────────────
createElement(TranslationProvider, { language: 'pt-BR', translations: { fr: { 'signIn.submit': 'Entrer' } } });
// @ts-expect-error a language is a code, not a dictionary
createElement(TranslationProvider, { language: { 'signIn.submit': 'Entrer' } });
// @ts-expect-error overrides are strings
export const numeric: Translations = { fr: { 'signIn.submit': 42 } };
