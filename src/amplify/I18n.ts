import { getAppVocabulary, setAppVocabulary } from '../ui/i18n/appVocabulary';
import { lookup } from '../ui/i18n/translate';

type Vocabulary = Record<string, string>;

/**
 * Amplify's `I18n` (aws-amplify/utils): vocabularies keyed by the English text (or the kit's keys),
 * and the language, for every UI component without a TranslationProvider or `language` prop above it.
 */
export const I18n = Object.freeze({
  /** Merges `{ fr: { 'Sign In': 'Se connecter' }, … }` into the vocabularies (Amplify UI's `translations` fits). */
  putVocabularies(vocabularies: Record<string, Vocabulary>): void {
    const { language, translations } = getAppVocabulary();
    const merged = { ...translations };
    for (const [lang, entries] of Object.entries(vocabularies)) merged[lang] = { ...merged[lang], ...entries };
    setAppVocabulary({ language, translations: merged });
  },
  /** Merges one language's vocabulary. */
  putVocabulariesForLanguage(language: string, vocabulary: Vocabulary): void {
    I18n.putVocabularies({ [language]: vocabulary });
  },
  /** The UI's language (BCP 47); a built-in one is fetched on first use. */
  setLanguage(language: string): void {
    setAppVocabulary({ ...getAppVocabulary(), language });
  },
  /** `key` in the current language's vocabulary (then the built-in dictionaries), else `defaultValue`, else `key`. */
  get(key: string, defaultValue?: string): string {
    const { language = 'en', translations } = getAppVocabulary();
    return lookup(translations, language, key) ?? defaultValue ?? key;
  },
});
