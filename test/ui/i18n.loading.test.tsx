// @vitest-environment jsdom
// Built-in dictionaries other than English arrive on demand: what the provider shows before, while
// and after a chunk loads, and when it fails. Most tests give the provider a store of their own
// (DictionaryStoreContext), so each starts with nothing loaded; the last ones use the page's store.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { DictionaryStore, loadLanguage, type DictionaryLoaders } from '../../src/ui/i18n/dictionaryStore';
import type { Dictionary } from '../../src/ui/i18n/en';
import { builtInLanguages, type LoadableLanguage } from '../../src/ui/i18n/languages';
import { DictionaryStoreContext, TranslationProvider, useTranslate } from '../../src/ui/i18n/TranslationProvider';
import { shippedDictionaries } from '../support/dictionaries';
import { useEngineBackend } from '../support/engine';
import { findScreen, renderWithAuth } from './support';

const { en, fr, pt } = shippedDictionaries;

/** Every text a Probe rendered, in order: proof of what users saw, flashes included. */
function probeLog(): { seen: string[]; Probe: () => ReactNode } {
  const seen: string[] = [];
  function Probe() {
    const { t, language } = useTranslate();
    const text = `${language}|${t('signIn.submit')}|${t('signedIn.greeting', { username: 'ada' })}`;
    seen.push(text);
    return <p>{text}</p>;
  }
  return { seen, Probe };
}

function withStore(store: DictionaryStore, ui: ReactNode): ReactNode {
  return <DictionaryStoreContext.Provider value={store}>{ui}</DictionaryStoreContext.Provider>;
}

/** Loaders that hand out the real dictionaries, counting calls; `overrides` replace some languages'. */
function countingLoaders(overrides: Partial<DictionaryLoaders> = {}): { calls: LoadableLanguage[]; loaders: DictionaryLoaders } {
  const calls: LoadableLanguage[] = [];
  const loader = (language: LoadableLanguage) => () => {
    calls.push(language);
    return overrides[language]?.() ?? Promise.resolve(shippedDictionaries[language]);
  };
  const loadable = builtInLanguages.filter((language): language is LoadableLanguage => language !== 'en');
  return { calls, loaders: Object.fromEntries(loadable.map((language) => [language, loader(language)])) as Record<LoadableLanguage, () => Promise<Dictionary>> };
}

function deferred(): { promise: Promise<Dictionary>; resolve: (dictionary: Dictionary) => void } {
  let resolve: (dictionary: Dictionary) => void = () => undefined;
  const promise = new Promise<Dictionary>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const FRENCH = `fr|${fr['signIn.submit']}|${fr['signedIn.greeting'].replace('{username}', 'ada')}`;
const ENGLISH_AS_FR = `fr|${en['signIn.submit']}|${en['signedIn.greeting'].replace('{username}', 'ada')}`;

describe('on-demand dictionaries: <TranslationProvider>', () => {
  it('fetches French through its chunk and shows nothing before it, never English', async () => {
    const store = new DictionaryStore(); // the real loaders: a dynamic import of fr.ts
    const { seen, Probe } = probeLog();
    render(withStore(store, <TranslationProvider language="fr"><Probe /></TranslationProvider>), { reactStrictMode: true });
    expect(store.status('fr')).toBe('loading');
    expect(seen).toEqual([]); // first render held back: no flash of English
    expect(await screen.findByText(FRENCH)).toBeTruthy();
    expect(seen.every((text) => text === FRENCH)).toBe(true);
    expect(store.dictionary('fr')).toBe(fr);
  });

  it('loads the base language for a regional code, once, and shows English at once for languages it lacks', async () => {
    const { calls, loaders } = countingLoaders();
    const store = new DictionaryStore(loaders);
    const { Probe } = probeLog();
    render(
      withStore(
        store,
        <>
          <TranslationProvider language="pt-BR"><Probe /></TranslationProvider>
          <TranslationProvider language="pt-PT"><Probe /></TranslationProvider>
          <TranslationProvider language="ca-ES"><Probe /></TranslationProvider>
        </>,
      ),
      { reactStrictMode: true },
    );
    expect(screen.getByText(`ca-ES|${en['signIn.submit']}|Signed in as ada`)).toBeTruthy();
    expect(await screen.findByText(`pt-BR|${pt['signIn.submit']}|Conectado como ada`)).toBeTruthy();
    expect(screen.getByText(`pt-PT|${pt['signIn.submit']}|Conectado como ada`)).toBeTruthy();
    expect(calls).toEqual(['pt']);
  });

  it('needs no fetch when the app passes a complete dictionary, and app overrides win over a loaded one', async () => {
    const { calls, loaders } = countingLoaders();
    const store = new DictionaryStore(loaders);
    const { Probe } = probeLog();
    render(withStore(store, <TranslationProvider language="fr-CA" translations={{ fr }}><Probe /></TranslationProvider>));
    expect(screen.getByText(`fr-CA|${fr['signIn.submit']}|Connecté en tant que ada`)).toBeTruthy();
    expect(calls).toEqual([]);

    render(withStore(store, <TranslationProvider language="fr" translations={{ fr: { 'signIn.submit': 'Entrer' } }}><Probe /></TranslationProvider>));
    expect(await screen.findByText('fr|Entrer|Connecté en tant que ada')).toBeTruthy();
    expect(calls).toEqual(['fr']);
  });

  it('falls back to English when the chunk fails, and tries again on the next use', async () => {
    let failures = 1;
    const { calls, loaders } = countingLoaders({
      fr: () => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(fr)),
    });
    const store = new DictionaryStore(loaders);
    const { Probe } = probeLog();
    const first = render(withStore(store, <TranslationProvider language="fr"><Probe /></TranslationProvider>));
    expect(await screen.findByText(ENGLISH_AS_FR)).toBeTruthy();
    expect(store.status('fr')).toBe('failed');
    first.unmount();

    render(withStore(store, <TranslationProvider language="fr"><Probe /></TranslationProvider>));
    expect(await screen.findByText(FRENCH)).toBeTruthy();
    expect(calls).toEqual(['fr', 'fr']);
  });

  it('a failed load rejects for its caller, and the store tries again on the next load', async () => {
    let failures = 1;
    const { loaders } = countingLoaders({ de: () => (failures-- > 0 ? Promise.reject(new Error('offline')) : Promise.resolve(shippedDictionaries.de)) });
    const store = new DictionaryStore(loaders);
    await expect(store.load('de')).rejects.toThrow('offline');
    expect(store.dictionary('de')).toBeUndefined();
    await store.load('de');
    expect(store.dictionary('de')).toBe(shippedDictionaries.de);
  });
});

describe('on-demand dictionaries: switching language in <Authenticator>', () => {
  const kit = useEngineBackend();

  /** A locale switcher: through a TranslationProvider around the Authenticator, or its own `language` prop (unset at first). */
  function Switchable({ store, through }: { store: DictionaryStore; through: 'provider' | 'prop' }) {
    const [language, setLanguage] = useState<string | undefined>(undefined);
    return withStore(
      store,
      <>
        <button type="button" onClick={() => setLanguage('fr')}>
          Français
        </button>
        {through === 'provider' ? (
          <TranslationProvider language={language ?? 'en'}>
            <Authenticator />
          </TranslationProvider>
        ) : (
          <Authenticator {...(language === undefined ? {} : { language })} />
        )}
      </>,
    );
  }

  it.each(['provider', 'prop'] as const)('keeps the form and what was typed in the previous language until French arrives (through the %s)', async (through) => {
    const chunk = deferred();
    const store = new DictionaryStore(countingLoaders({ fr: () => chunk.promise }).loaders);
    renderWithAuth(kit(), <Switchable store={store} through={through} />);
    await findScreen(en['signIn.heading']);
    const username = screen.getByLabelText(en['field.username']) as HTMLInputElement;
    fireEvent.change(username, { target: { value: 'ada' } });

    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(store.status('fr')).toBe('loading');
    expect(screen.getByRole('heading', { name: en['signIn.heading'] })).toBeTruthy();
    expect(screen.getByLabelText(en['field.username'])).toBe(username);

    await act(async () => chunk.resolve(fr));
    expect(await findScreen(fr['signIn.heading'])).toBeTruthy();
    expect(screen.getByLabelText(fr['field.username'])).toBe(username);
    expect(username.value).toBe('ada');
  });

  it('<Authenticator translations> alone keeps the surrounding language (its documented default)', async () => {
    renderWithAuth(
      kit(),
      <TranslationProvider language="fr">
        <Authenticator translations={{ fr: { 'signIn.submit': 'Entrer' } }} />
      </TranslationProvider>,
    );
    expect(await findScreen(fr['signIn.heading'])).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Entrer' })).toBeTruthy();
  });

  it('<Authenticator language="fr"> renders French from its first screen', async () => {
    const store = new DictionaryStore();
    renderWithAuth(kit(), withStore(store, <Authenticator language="fr" />));
    expect(screen.queryByRole('heading', { name: en['signIn.heading'] })).toBeNull();
    expect(await findScreen(fr['signIn.heading'])).toBeTruthy();
    expect(screen.queryByRole('button', { name: en['signIn.submit'] })).toBeNull();
  });
});

describe('on-demand dictionaries: loadLanguage (the page store)', () => {
  it('resolves at once for English and languages without a dictionary', async () => {
    await expect(Promise.all([loadLanguage('en'), loadLanguage('en-GB'), loadLanguage('xx'), loadLanguage('ca-ES')])).resolves.toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('preloads, so the first render is French at once', async () => {
    await loadLanguage('fr-CA');
    const { seen, Probe } = probeLog();
    render(<TranslationProvider language="fr"><Probe /></TranslationProvider>);
    expect(screen.getByText(FRENCH)).toBeTruthy();
    expect(seen).toEqual([FRENCH]);
  });
});
