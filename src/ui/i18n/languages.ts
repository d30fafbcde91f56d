import { de } from './de';
import { en, type Dictionary } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { pt } from './pt';

/**
 * The dictionaries shipped with the UI, by language code. A regional code (`fr-CA`, `pt-BR`) uses its
 * base language; an unknown one falls back to English. `pt` is Brazilian Portuguese.
 */
export const builtInLanguages = { en, fr, de, es, ja, pt } as const satisfies Record<string, Dictionary>;

/** A language the UI ships a complete dictionary for. */
export type BuiltInLanguage = keyof typeof builtInLanguages;
