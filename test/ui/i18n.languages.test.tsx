// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import { addEnglish } from '../../src/ui/i18n/english';
import { enStart } from '../../src/ui/i18n/enStart';
import { enSteps } from '../../src/ui/i18n/enSteps';
import { defaultDictionaryStore, loadLanguage } from '../../src/ui/i18n/dictionaryStore';
import { builtInLanguages } from '../../src/ui/i18n/languages';
import { createTranslate } from '../../src/ui/i18n/translate';
import { TranslationProvider, useTranslate } from '../../src/ui/i18n/TranslationProvider';
import { shippedDictionaries } from '../support/dictionaries';
import { useEngineBackend } from '../support/engine';
import './support';

const SHIPPED = builtInLanguages.filter((language) => language !== 'en');
const englishKeys = Object.keys(en).sort();

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[0]).sort();
}

function Probe() {
  const { t, language } = useTranslate();
  return <p>{`${language}|${t('signIn.submit')}|${t('signedIn.greeting', { username: 'ada' })}`}</p>;
}

describe('built-in languages', () => {
  it("ships Amplify UI's 20 languages, with its codes (kr Korean, ua Ukrainian)", () => {
    expect([...builtInLanguages].sort()).toEqual(['de', 'en', 'es', 'fr', 'he', 'hu', 'id', 'it', 'ja', 'kr', 'nb', 'nl', 'pl', 'pt', 'ru', 'sv', 'th', 'tr', 'ua', 'zh']);
    expect(Object.keys(shippedDictionaries).sort()).toEqual([...builtInLanguages].sort());
    // English is always in memory: the start strings at once, the rest once step screens or account components add theirs.
    expect(defaultDictionaryStore().dictionary('en')).toMatchObject(enStart);
    addEnglish(enSteps);
    expect(defaultDictionaryStore().dictionary('en')).toEqual(en);
  });

  describe.each(SHIPPED)('%s', (language) => {
    const dictionary: Record<string, unknown> = shippedDictionaries[language];
    // The translate function and the provider read loaded dictionaries only: fetch this one first.
    beforeAll(() => loadLanguage(language));

    it('has every English key as a non-empty string', () => {
      const bad = englishKeys.filter((key) => typeof dictionary[key] !== 'string' || (dictionary[key] as string).trim() === '');
      expect(bad).toEqual([]);
    });

    it('has no key English lacks', () => {
      expect(Object.keys(dictionary).filter((key) => !(key in en))).toEqual([]);
      expect(Object.keys(dictionary).sort()).toEqual(englishKeys);
    });

    it('keeps every {placeholder} of the English string, and adds none', () => {
      const wrong = Object.entries(en)
        .filter(([key, text]) => placeholders(String(dictionary[key])).join() !== placeholders(text).join())
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });

    it('is actually translated (not the English text) for the sign-in screen and accessible names', () => {
      // (not field.password: Italian, like Amplify's, says Password)
      const keys = ['signIn.heading', 'signIn.submit', 'field.username', 'field.showPassword', 'tabs.label', 'setupTotp.qrLabel'] as const;
      expect(keys.filter((key) => dictionary[key] === en[key])).toEqual([]);
    });

    it('is what the translate function and the provider use once loaded, with regional codes falling back to it', () => {
      expect(defaultDictionaryStore().dictionary(language)).toBe(dictionary);
      const t = createTranslate({}, `${language}-XX`);
      expect(t('signedIn.greeting', { username: 'ada' })).toBe(String(dictionary['signedIn.greeting']).replace('{username}', 'ada'));
      render(
        <TranslationProvider language={language}>
          <Probe />
        </TranslationProvider>,
      );
      const greeting = String(dictionary['signedIn.greeting']).replace('{username}', 'ada');
      expect(screen.getByText(`${language}|${String(dictionary['signIn.submit'])}|${greeting}`)).toBeTruthy();
    });
  });

  it('keeps app overrides above the built-in dictionary and English as the fallback for unknown languages', () => {
    expect(createTranslate({ de: { 'signIn.submit': 'Einloggen' } }, 'de-AT')('signIn.submit')).toBe('Einloggen');
    expect(createTranslate({}, 'xx')('signIn.submit')).toBe(en['signIn.submit']);
    expect(createTranslate({}, 'ca-ES')('signIn.submit')).toBe(en['signIn.submit']);
  });
});

describe('<Authenticator language="ja">', () => {
  const kit = useEngineBackend();

  it('shows the Japanese sign-in screen', async () => {
    render(
      <AuthProvider config={kit().config()}>
        <Authenticator language="ja" />
      </AuthProvider>,
    );
    expect(await screen.findByRole('heading', { name: shippedDictionaries.ja['signIn.heading'] }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'サインイン' })).toBeTruthy();
    expect(screen.getByLabelText('パスワード')).toBeTruthy();
    expect(screen.queryByRole('button', { name: en['signIn.submit'] })).toBeNull();
  });
});
