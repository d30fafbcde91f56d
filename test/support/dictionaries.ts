// Every built-in dictionary, imported eagerly: tests compare what the UI shows with the source,
// without going through the on-demand loading the UI itself uses.
import type { BuiltInLanguage, Dictionary } from '../../src/index';
import { de } from '../../src/ui/i18n/de';
import { en } from '../../src/ui/i18n/en';
import { es } from '../../src/ui/i18n/es';
import { fr } from '../../src/ui/i18n/fr';
import { ja } from '../../src/ui/i18n/ja';
import { pt } from '../../src/ui/i18n/pt';

export const shippedDictionaries: Readonly<Record<BuiltInLanguage, Dictionary>> = { en, fr, de, es, ja, pt };
