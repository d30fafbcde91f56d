// @vitest-environment jsdom
// Server rendering and hydration with an on-demand dictionary: `loadLanguage` before renderToString
// and before hydrateRoot makes both renders French at once, so hydration matches the server's HTML.
import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLanguage } from '../../src/ui/i18n/dictionaryStore';
import { TranslationProvider, useTranslate } from '../../src/ui/i18n/TranslationProvider';
import { shippedDictionaries } from '../support/dictionaries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Probe() {
  const { t, language } = useTranslate();
  return <p id="probe">{`${language}|${t('signIn.heading')}`}</p>;
}

function App({ language }: { language: string }) {
  return (
    <TranslationProvider language={language}>
      <Probe />
    </TranslationProvider>
  );
}

describe('server rendering with on-demand dictionaries', () => {
  let root: Root | undefined;

  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('renders nothing under the provider when the dictionary was not loaded (never English in place of German)', () => {
    expect(renderToString(<App language="de" />)).toBe('');
  });

  it('after loadLanguage, renders the language at once and hydrates it without a mismatch', async () => {
    await loadLanguage('fr-CA');
    const html = renderToString(<App language="fr-CA" />);
    expect(html).toBe(`<p id="probe">fr-CA|${shippedDictionaries.fr['signIn.heading']}</p>`);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);
    const serverNode = container.querySelector('#probe');
    const recoverable: unknown[] = [];
    const errors = vi.spyOn(console, 'error');

    await act(async () => {
      root = hydrateRoot(container, <App language="fr-CA" />, { onRecoverableError: (error) => recoverable.push(error) });
    });

    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(container.querySelector('#probe')).toBe(serverNode);
    expect(serverNode?.textContent).toBe(`fr-CA|${shippedDictionaries.fr['signIn.heading']}`);
  });
});
