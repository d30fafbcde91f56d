// Every built-in dictionary, imported eagerly: tests compare what the UI shows with the source,
// without going through the on-demand loading the UI itself uses.
import type { BuiltInLanguage, Dictionary } from '../../src/index';
import { de } from '../../src/ui/i18n/de';
import { en } from '../../src/ui/i18n/en';
import { es } from '../../src/ui/i18n/es';
import { fr } from '../../src/ui/i18n/fr';
import { he } from '../../src/ui/i18n/he';
import { hu } from '../../src/ui/i18n/hu';
import { id } from '../../src/ui/i18n/id';
import { it } from '../../src/ui/i18n/it';
import { ja } from '../../src/ui/i18n/ja';
import { kr } from '../../src/ui/i18n/kr';
import { nb } from '../../src/ui/i18n/nb';
import { nl } from '../../src/ui/i18n/nl';
import { pl } from '../../src/ui/i18n/pl';
import { pt } from '../../src/ui/i18n/pt';
import { ru } from '../../src/ui/i18n/ru';
import { sv } from '../../src/ui/i18n/sv';
import { th } from '../../src/ui/i18n/th';
import { tr } from '../../src/ui/i18n/tr';
import { ua } from '../../src/ui/i18n/ua';
import { zh } from '../../src/ui/i18n/zh';

export const shippedDictionaries: Readonly<Record<BuiltInLanguage, Dictionary>> = { en, de, es, fr, he, hu, id, it, ja, kr, nb, nl, pl, pt, ru, sv, th, tr, ua, zh };
