/**
 * The static Storybook, as CI publishes it: built once, served on loopback, opened in Debian's
 * Chromium. Every story in its index must render and run its play function to the end, with no
 * console error, no uncaught exception, no error reported on Storybook's channel, and no axe
 * violation in the rendered story (axe-core run in the page, colour contrast included). Then the
 * toolbar: the dark theme and every language; and the "Auth" devtools tab.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInLanguages } from 'cognito-react-kit';
import { launchChromium } from '../e2e/chromium';
import { shippedDictionaries } from '../support/dictionaries';
import { failures, StoryPage, type StoryOutcome } from './storyPage';
import { serveDirectory } from '../support/staticServer';

const BUILD_TIMEOUT_MS = 240_000;
// CRK_STORIES=<part of an id> visits only matching stories (for a quick local check).
const only = process.env['CRK_STORIES'] ?? '';
// ~150 stories, each with its play function and an axe run.
const VISIT_TIMEOUT_MS = 300_000;

interface IndexEntry {
  id: string;
  type: string;
}

describe('static Storybook in Chromium', () => {
  let outDir = '';
  let site: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let buildSeconds = 0;
  let ids: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'crk-storybook-'));
    const started = Date.now();
    await promisify(execFile)(join('node_modules', '.bin', 'storybook'), ['build', '-o', outDir, '--quiet'], {
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    buildSeconds = (Date.now() - started) / 1000;
    const index = JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
    ids = Object.values(index.entries)
      .filter((entry) => entry.type === 'story' && entry.id.includes(only))
      .map((entry) => entry.id);
    site = await serveDirectory(outDir);
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('renders every story with its play function and axe passing, and 0 console errors', async () => {
    expect(ids.length).toBeGreaterThan(0);
    const story = await StoryPage.open(browser!, site!.url);
    const started = Date.now();
    const outcomes: StoryOutcome[] = [];
    for (const id of ids) outcomes.push(await story.show(id));
    const seconds = (Date.now() - started) / 1000;
    await story.page.close();

    console.info(`static Storybook: built in ${buildSeconds.toFixed(1)} s; ${ids.length} stories checked in Chromium in ${seconds.toFixed(1)} s`);
    expect(failures(outcomes)).toEqual([]);
    expect(story.errors.get('(loading)') ?? []).toEqual([]);
  }, VISIT_TIMEOUT_MS);

  it('toolbar: the dark theme passes axe on every first screen (play included)', async () => {
    const idle = ids.filter((id) => /--(idle|default|sms-idle|totp-idle|signed-out)$/.test(id));
    expect(idle.length).toBeGreaterThan(only ? 0 : 10);
    const story = await StoryPage.open(browser!, site!.url, { theme: 'dark' });
    const outcomes: StoryOutcome[] = [];
    for (const id of idle) {
      outcomes.push(await story.show(id));
      expect(await story.page.getAttribute('#storybook-root [data-theme]', 'data-theme'), id).toBe('dark');
    }
    await story.page.close();
    expect(failures(outcomes)).toEqual([]);
  }, VISIT_TIMEOUT_MS);

  it('the Storybook UI (index.html) opens a story with its sidebar, toolbar switches and no console error', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await page.goto(`${site!.url}?path=/story/authenticator-authenticator--default`);
    const preview = page.frameLocator('#storybook-preview-iframe');
    await preview.getByRole('heading', { name: 'Sign in to your account' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /Light/ }).waitFor();
    await page.getByRole('button', { name: /English/ }).waitFor();
    expect(await page.locator('[data-item-id]').count()).toBeGreaterThan(20);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('the "Auth" addon tab shows the story engine as it works, and its buttons drive it', async () => {
    const id = 'devtools-authdevtools--signed-in';
    if (!ids.includes(id)) return; // filtered out by CRK_STORIES
    const page = await browser!.newPage();
    await page.goto(`${site!.url}?path=/story/${id}`);
    await page.frameLocator('#storybook-preview-iframe').getByRole('region', { name: 'Auth devtools' }).waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Auth', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Auth devtools' }); // the manager's document, not the preview's frame
    await panel.getByText('signedIn', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Force refresh' }).click();
    await panel.getByRole('region', { name: 'Refreshes' }).getByText(/ · forced · ok/).waitFor();
    // Claims only: nothing shaped like a JWT in the manager's copy of the panel.
    expect(await panel.innerText()).not.toMatch(/[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/);
    await page.close();
  });

  it('toolbar: every language translates the Authenticator', async () => {
    const id = 'authenticator-authenticator--dark';
    if (!ids.includes(id)) return; // filtered out by CRK_STORIES
    const outcomes: StoryOutcome[] = [];
    for (const language of builtInLanguages) {
      const story = await StoryPage.open(browser!, site!.url, { language });
      outcomes.push(await story.show(id));
      const heading = await story.page.textContent('#storybook-root h2');
      expect(heading, language).toBe(shippedDictionaries[language]['signIn.heading']);
      await story.page.close();
    }
    expect(failures(outcomes)).toEqual([]);
  }, VISIT_TIMEOUT_MS);
});
