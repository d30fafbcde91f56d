/**
 * The static Storybook, as CI publishes it: built once, served on loopback, opened in Debian's
 * Chromium. Every story in its index must render and run its play function to the end, with no
 * console error, no uncaught exception, no error reported on Storybook's channel, and no axe
 * violation in the rendered story (axe-core run in the page, colour contrast included).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/chromium';
import { serveDirectory } from './staticServer';

const BUILD_TIMEOUT_MS = 240_000;
// ~150 stories, each with its play function and the a11y addon's axe run.
const VISIT_TIMEOUT_MS = 300_000;

interface IndexEntry {
  id: string;
  type: string;
}

interface StoryOutcome {
  id: string;
  phase: string;
  errors: string[];
  violations: string[];
}

/** Storybook channel events that mean a story failed to render or its play function failed. */
const FAILURE_EVENTS = ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying'];
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('static Storybook in Chromium', () => {
  let outDir = '';
  let site: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let buildSeconds = 0;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'crk-storybook-'));
    const started = Date.now();
    await promisify(execFile)(join('node_modules', '.bin', 'storybook'), ['build', '-o', outDir, '--quiet'], {
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    buildSeconds = (Date.now() - started) / 1000;
    site = await serveDirectory(outDir);
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('renders every story with its play function and axe passing, and 0 console errors', async () => {
    const index = JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
    // CRK_STORIES=<part of an id> visits only matching stories (for a quick local check).
    const only = process.env['CRK_STORIES'] ?? '';
    const ids = Object.values(index.entries)
      .filter((entry) => entry.type === 'story' && entry.id.includes(only))
      .map((entry) => entry.id);
    expect(ids.length).toBeGreaterThan(0);

    const page = await browser!.newPage();
    let current = '(loading)';
    const errors = new Map<string, string[]>();
    const record = (message: string) => errors.set(current, [...(errors.get(current) ?? []), message]);
    page.on('console', (message) => {
      if (message.type() === 'error') record(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => record(`${error.name}: ${error.message}`));

    const started = Date.now();
    const outcomes: StoryOutcome[] = [];
    for (const [i, id] of ids.entries()) {
      current = id;
      // The first story loads the preview; later ones switch stories in the same page, as the
      // Storybook manager does, so the bundle is parsed once.
      if (i === 0) {
        await page.goto(`${site!.url}iframe.html?id=${id}&viewMode=story`);
        await page.addScriptTag({ path: AXE_SOURCE });
        await listenForFailures(page, record);
      } else {
        await switchStory(page, id);
      }
      const phase = await finalPhase(page, id);
      outcomes.push({ id, phase, errors: errors.get(id) ?? [], violations: await axeViolations(page) });
    }
    const seconds = (Date.now() - started) / 1000;
    await page.close();

    console.info(`static Storybook: built in ${buildSeconds.toFixed(1)} s; ${ids.length} stories checked in Chromium in ${seconds.toFixed(1)} s`);
    expect(outcomes.filter((o) => o.phase !== 'finished' || o.errors.length > 0 || o.violations.length > 0)).toEqual([]);
    expect(errors.get('(loading)') ?? []).toEqual([]);
  }, VISIT_TIMEOUT_MS);
});

/** Storybook's own failure events, recorded like console errors (against the story being shown). */
async function listenForFailures(page: Page, record: (message: string) => void): Promise<void> {
  await page.exposeFunction('__crkStoryFailure', (event: string, detail: string) => record(`${event}: ${detail}`));
  await page.evaluate((events) => {
    const w = window as unknown as {
      __STORYBOOK_ADDONS_CHANNEL__: { on(event: string, listener: (data: unknown) => void): void };
      __crkStoryFailure(event: string, detail: string): void;
    };
    for (const event of events) w.__STORYBOOK_ADDONS_CHANNEL__.on(event, (data) => w.__crkStoryFailure(event, JSON.stringify(data)));
  }, FAILURE_EVENTS);
}

/** axe-core on the story's root, as the UI tests run it in jsdom, but with real layout and colours. */
async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const root = document.querySelector('#storybook-root') ?? document.body;
    const results = await axe.run(root, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
}

async function switchStory(page: Page, id: string): Promise<void> {
  await page.evaluate((storyId) => {
    const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, data: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__;
    channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
  }, id);
}

/** Waits until the story's render ends (Storybook's phases: …, playing, played, completed, afterEach, finished | errored). */
async function finalPhase(page: Page, id: string): Promise<string> {
  const handle = await page.waitForFunction(
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
