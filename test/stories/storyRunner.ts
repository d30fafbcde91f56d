/**
 * Runs stories the way Storybook does (loaders, decorators, render, play) under Vitest's jsdom,
 * through portable stories, then checks the rendered story with axe.
 */
import { cleanup } from '@testing-library/react';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as preview from '../../.storybook/preview';
import { everyScenario } from '../../stories/support/scenario';
import { registerSecretSource } from '../support/secrets';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
setProjectAnnotations([preview]);
// Passwords and codes the stories' pools saw must never reach the console.
registerSecretSource(() => everyScenario().flatMap((scenario) => scenario.backend.secrets()));

type StoryModule = Parameters<typeof composeStories>[0];

/** One test per story of each module: the play function passes and axe finds nothing. */
export function testStories(modules: Record<string, StoryModule>): void {
  for (const [path, module] of Object.entries(modules)) {
    describe(path.replace(/^.*\//, ''), () => {
      // Unmounted, then every call the story left running (a held request) answered, before the next
      // story and long before the file's DOM goes: nothing settles into a torn-down page.
      afterEach(async () => {
        cleanup();
        await Promise.all(everyScenario().map((scenario) => scenario.end()));
      });
      for (const [name, Story] of Object.entries(composeStories(module))) {
        if (!isRunnable(Story)) throw new Error(`${name} is not a story`);
        it(name, async () => {
          const canvasElement = document.createElement('div');
          document.body.replaceChildren(canvasElement);
          await Story.run({ canvasElement });
          expect(await axeViolations(canvasElement)).toEqual([]);
        });
      }
    });
  }
}

/** What a composed story offers: `run` = loaders, decorators, render and play, as Storybook runs them. */
interface RunnableStory {
  run(context: { canvasElement: HTMLElement }): Promise<void>;
}

function isRunnable(story: unknown): story is RunnableStory {
  return typeof story === 'function' && typeof (story as { run?: unknown }).run === 'function';
}

/** axe as the UI tests run it, minus colour contrast: jsdom has no layout or canvas (Chromium checks it, staticStorybook.browser.test.ts). */
async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}
