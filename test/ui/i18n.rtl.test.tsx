// @vitest-environment jsdom
// The root says which language and direction its text is in, and follows `language`; the stylesheet
// lays out with logical properties, so a right-to-left language mirrors the card.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import { htmlLang, textDirection } from '../../src/ui/i18n/languages';
import { shippedDictionaries } from '../support/dictionaries';
import { useEngineBackend } from '../support/engine';
import { axeViolations, findScreen, renderWithAuth } from './support';

function Switchable({ initial }: { initial: string }) {
  const [language, setLanguage] = useState(initial);
  return (
    <>
      {['he', 'en', 'kr', 'ar'].map((code) => (
        <button key={code} type="button" onClick={() => setLanguage(code)}>{`lang:${code}`}</button>
      ))}
      <Authenticator language={language} translations={{ ar: { 'signIn.heading': 'تسجيل الدخول إلى حسابك' } }} />
    </>
  );
}

function root(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.crk-authenticator');
  if (!element) throw new Error('no .crk-authenticator');
  return element;
}

describe('lang and dir on the Authenticator root', () => {
  const kit = useEngineBackend();

  it('is rtl in Hebrew and Arabic, ltr otherwise, and the lang attribute follows `language` (BCP 47 for Amplify codes)', async () => {
    const { container } = renderWithAuth(kit(), <Switchable initial="he" />);
    await findScreen(shippedDictionaries.he['signIn.heading']);
    expect([root().getAttribute('lang'), root().getAttribute('dir')]).toEqual(['he', 'rtl']);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'lang:en' }));
    await findScreen(en['signIn.heading']);
    expect([root().getAttribute('lang'), root().getAttribute('dir')]).toEqual(['en', 'ltr']);

    fireEvent.click(screen.getByRole('button', { name: 'lang:kr' }));
    await findScreen(shippedDictionaries.kr['signIn.heading']);
    expect([root().getAttribute('lang'), root().getAttribute('dir')]).toEqual(['ko', 'ltr']);

    // Arabic is not built in: the app's text where it gives one, English elsewhere, laid out right to left.
    fireEvent.click(screen.getByRole('button', { name: 'lang:ar' }));
    await findScreen('تسجيل الدخول إلى حسابك');
    await waitFor(() => expect([root().getAttribute('lang'), root().getAttribute('dir')]).toEqual(['ar', 'rtl']));
  });

  it('reads direction and lang from any regional code', () => {
    expect(['he-IL', 'ar-EG', 'fa', 'ur-PK', 'en-US', 'hu', 'ja'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
    expect(['kr', 'ua', 'pt-BR', 'he'].map(htmlLang)).toEqual(['ko', 'uk', 'pt-BR', 'he']);
  });
});

describe('styles for right-to-left', () => {
  // jsdom's import.meta.url is not a file URL: the repository root is the working directory.
  const dir = resolve('src/ui/styles') + '/';
  const css = readdirSync(dir)
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(`${dir}${file}`, 'utf8'))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');

  it('uses logical properties only: nothing pinned to the left or right side', () => {
    const physical = css.match(/(^|[\s;{])((margin|padding|border)-(left|right)[\w-]*|border-(top|bottom)-(left|right)-radius|left|right|float)\s*:[^;}]*|text-align\s*:\s*(left|right)/gm) ?? [];
    expect(physical.map((declaration) => declaration.trim())).toEqual([]);
  });

  it('gives the joined controls their square edge on the logical side (toggle after the input, dial code before it)', () => {
    expect(css).toMatch(/\.crk-field__toggle \{[^}]*border-inline-start: 0;[^}]*border-start-start-radius: 0;[^}]*border-end-start-radius: 0;/);
    expect(css).toMatch(/\.crk-field__dial-code \{[^}]*border-inline-end: 0;[^}]*border-start-end-radius: 0;[^}]*border-end-end-radius: 0;/);
    expect(css).toMatch(/\.crk-alert \{[^}]*border-inline-start: 4px solid/);
  });
});
