/**
 * One Chromium page on the static Storybook's preview (iframe.html), recording per story what went
 * wrong: console errors, uncaught exceptions, Storybook's failure events and axe violations.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

/** Storybook channel events that mean a story failed to render or its play function failed. */
const FAILURE_EVENTS = ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying'];
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface StoryOutcome {
  id: string;
  phase: string;
  errors: string[];
  violations: string[];
}

export class StoryPage {
  /** Errors by story id; `(loading)` before the first story is shown. */
  readonly errors = new Map<string, string[]>();
  #current = '(loading)';
  #loaded = false;

  private constructor(
    readonly page: Page,
    private readonly baseUrl: string,
    private readonly globals: Record<string, string>,
  ) {}

  /** A page whose toolbar values (`globals`, e.g. `{ theme: 'dark' }`) stay set for every story it shows. */
  static async open(browser: Browser, baseUrl: string, globals: Record<string, string> = {}): Promise<StoryPage> {
    const story = new StoryPage(await browser.newPage(), baseUrl, globals);
    const { page } = story;
    page.on('console', (message) => {
      if (message.type() === 'error') story.#record(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => story.#record(`${error.name}: ${error.message}`));
    await page.exposeFunction('__crkStoryFailure', (event: string, detail: string) => story.#record(`${event}: ${detail}`));
    return story;
  }

  /**
   * Shows story `id` and waits for its render (and play) to end. The first call loads the preview;
   * later ones switch stories in the same page, as Storybook's manager does, so the bundle is
   * parsed once.
   */
  async show(id: string): Promise<StoryOutcome> {
    this.#current = id;
    if (this.#loaded) {
      await this.page.evaluate((storyId) => {
        const w = window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, data: unknown): void } };
        w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }, id);
    } else {
      const pairs = Object.entries(this.globals).map(([key, value]) => `${key}:${value}`);
      const query = pairs.length > 0 ? `&globals=${pairs.join(';')}` : '';
      await this.page.goto(`${this.baseUrl}iframe.html?id=${id}&viewMode=story${query}`);
      await this.page.addScriptTag({ path: AXE_SOURCE });
      await this.page.evaluate((events) => {
        const w = window as unknown as {
          __STORYBOOK_ADDONS_CHANNEL__: { on(event: string, listener: (data: unknown) => void): void };
          __crkStoryFailure(event: string, detail: string): void;
        };
        for (const event of events) w.__STORYBOOK_ADDONS_CHANNEL__.on(event, (data) => w.__crkStoryFailure(event, JSON.stringify(data)));
      }, FAILURE_EVENTS);
      this.#loaded = true;
    }
    const phase = await this.#finalPhase(id);
    return { id, phase, errors: this.errors.get(id) ?? [], violations: await this.#axeViolations() };
  }

  #record(message: string): void {
    this.errors.set(this.#current, [...(this.errors.get(this.#current) ?? []), message]);
  }

  /** Waits until the story's render ends (Storybook's phases: …, playing, played, completed, afterEach, finished | errored). */
  async #finalPhase(id: string): Promise<string> {
    const handle = await this.page.waitForFunction(
      (storyId) => {
        const render = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
        if (render?.id !== storyId) return false;
        return ['finished', 'errored', 'aborted'].includes(render.phase ?? '') ? render.phase : false;
      },
      id,
      { timeout: 20_000, polling: 50 },
    );
    return String(await handle.jsonValue());
  }

  /** axe-core on the story's root, as the UI tests run it in jsdom, but with real layout and colours. */
  #axeViolations(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
      const root = document.querySelector('#storybook-root') ?? document.body;
      const results = await axe.run(root, { resultTypes: ['violations'] });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    });
  }
}

/** Outcomes that are not a clean pass. */
export function failures(outcomes: StoryOutcome[]): StoryOutcome[] {
  return outcomes.filter((o) => o.phase !== 'finished' || o.errors.length > 0 || o.violations.length > 0);
}
