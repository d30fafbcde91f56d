import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { startBackend, type CognitoBackend } from '../backend/index';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { CHROMIUM_PATH } from './chromium';
import { servePage } from './pageServer';

interface Timeline {
  /** performance.now() when a password input was first in the document, if ever. */
  formAt?: number;
  /** …and when the loading screen was. */
  loadingAt?: number;
}

/** Records, from before any page script, when the sign-in form and the loading screen first appear. */
const WATCH = () => {
  const timeline: Timeline = {};
  (window as unknown as { timeline: Timeline }).timeline = timeline;
  new MutationObserver(() => {
    if (timeline.formAt === undefined && document.querySelector('input[type="password"]')) timeline.formAt = performance.now();
    if (timeline.loadingAt === undefined && document.querySelector('[data-screen="loading"]')) timeline.loadingAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

/** When the page started fetching its engine chunk (Vite names it after src/core/auth), or undefined. */
function engineFetchedAt(page: Page): Promise<number | undefined> {
  return page.evaluate(() => performance.getEntriesByType('resource').find((entry) => /\/assets\/auth-[\w-]+\.js$/.test(entry.name))?.startTime);
}

// <LazyAuthProvider> in Chromium, built by Vite with its defaults against the test backend: the sign-in form
// is on screen before the engine's code is even requested, sign-in works through it, and a reload with the
// stored session shows loading, never the form, then the user, without a request.
describe('<LazyAuthProvider> in Chromium', () => {
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let server: { backend: CognitoBackend; url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;

  beforeAll(async () => {
    site = await servePage(resolve(__dirname, 'lazyPage'));
    server = await startBackend({ deviceTracking: false });
    registerSecretSource(() => server.backend.secrets());
    await server.backend.createUser({ username: 'lale', password, attributes: { email: 'lale@example.com' } });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    context = await browser.newContext();
    await context.addInitScript(WATCH);
    tab = await context.newPage();
    await tab.goto(site.url);
    const config = { userPoolId: server.backend.config.userPoolId, userPoolWebClientId: server.backend.config.clientId, endpoint: server.url };
    await tab.evaluate((c) => window.localStorage.setItem('lazy-config', JSON.stringify(c)), config);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });

  it('shows the form before the engine chunk is requested, then signs in (SRP) once it has arrived', async () => {
    await tab.reload();
    await tab.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    // The engine loads after the form's first frame (and the sign-in chunk with it, for the SRP prepare).
    await expect.poll(() => engineFetchedAt(tab)).toBeGreaterThan(0);
    const { formAt, loadingAt } = await tab.evaluate(() => (window as unknown as { timeline: Timeline }).timeline);
    expect(loadingAt).toBeUndefined();
    expect(await engineFetchedAt(tab)).toBeGreaterThan(formAt!);

    await tab.getByLabel('Username').fill('lale');
    await tab.getByLabel('Password', { exact: true }).fill(password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByRole('button', { name: 'Sign out lale' }).waitFor({ timeout: 15_000 });
    expect(server.backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('with the session stored and its engine chunk failing twice, a reload stays on loading (never the form) and shows the user when a retry loads it, with no click', async () => {
    let failures = 2;
    let requests = 0;
    const chunk = /\/assets\/auth-[\w-]+\.js$/;
    await context.route(chunk, (route) => {
      requests++;
      return failures-- > 0 ? route.abort('internetdisconnected') : route.continue();
    });
    try {
      await tab.reload();
      await tab.getByRole('button', { name: 'Sign out lale' }).waitFor({ timeout: 15_000 });
      expect(requests).toBe(3);
      const { formAt, loadingAt } = await tab.evaluate(() => (window as unknown as { timeline: Timeline }).timeline);
      expect(formAt).toBeUndefined();
      expect(loadingAt).toBeGreaterThan(0);
    } finally {
      await context.unroute(chunk);
    }
  });

  it('with the session stored, a reload shows loading (never the form), then the user, without a request', async () => {
    server.backend.resetCounts();
    await tab.reload();
    await tab.getByRole('button', { name: 'Sign out lale' }).waitFor({ timeout: 15_000 });
    const { formAt, loadingAt } = await tab.evaluate(() => (window as unknown as { timeline: Timeline }).timeline);
    expect(formAt).toBeUndefined();
    expect(loadingAt).toBeGreaterThan(0);
    expect(server.backend.requests()).toEqual([]);

    // Signing out through the engine the stand-in handed over: the form comes back.
    await tab.getByRole('button', { name: 'Sign out lale' }).click();
    await tab.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
  });
});
