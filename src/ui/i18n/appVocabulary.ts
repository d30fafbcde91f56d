import type { Translations } from './translate';

/**
 * The app-wide language and vocabularies `I18n` (cognito-react-kit/amplify) sets, as Amplify's
 * `I18n.putVocabularies` / `I18n.setLanguage` do: what the UI reads where no TranslationProvider or
 * prop says otherwise. A tiny store, so a language set after the first render re-renders the UI.
 */
export interface AppVocabulary {
  language: string | undefined;
  translations: Translations;
}

let current: AppVocabulary = { language: undefined, translations: {} };
const listeners = new Set<() => void>();

export function getAppVocabulary(): AppVocabulary {
  return current;
}

export function setAppVocabulary(next: AppVocabulary): void {
  current = next;
  for (const listener of [...listeners]) listener();
}

export function subscribeAppVocabulary(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
