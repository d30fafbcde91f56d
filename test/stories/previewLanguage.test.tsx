// @vitest-environment jsdom
// The Storybook preview's language toolbar: its dictionary is loaded by a loader before the story
// renders, so a story in French shows French on its first render (no on-demand wait inside it).
import { cleanup } from '@testing-library/react';
import { composeStory } from '@storybook/react-vite';
import { afterEach, expect, it } from 'vitest';
import * as preview from '../../.storybook/preview';
import { useTranslate } from 'cognito-react-kit';
import { defaultDictionaryStore } from '../../src/ui/i18n/dictionaryStore';
import { shippedDictionaries } from '../support/dictionaries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

function Heading() {
  const { t, language } = useTranslate();
  return <h2>{`${language}|${t('signIn.heading')}`}</h2>;
}

it.each(['fr', 'ja'] as const)('the toolbar language %s is loaded before the story renders', async (language) => {
  const rendered: string[] = [];
  const Story = composeStory(
    {
      render: () => <Heading />,
      play: ({ canvasElement }) => {
        rendered.push(canvasElement.textContent ?? '');
      },
    },
    { title: 'Test/PreviewLanguage' },
    { ...preview.default, initialGlobals: { theme: 'light', language } },
  );
  expect(defaultDictionaryStore().status(language)).toBe('absent');
  await Story.load(); // the loaders alone, before any render
  expect(defaultDictionaryStore().status(language)).toBe('loaded');
  const canvasElement = document.createElement('div');
  document.body.replaceChildren(canvasElement);
  await Story.run({ canvasElement });
  // The play function runs right after the first render: already in the toolbar's language.
  expect(rendered).toEqual([`${language}|${shippedDictionaries[language]['signIn.heading']}`]);
});
