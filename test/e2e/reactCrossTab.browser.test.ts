import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';
import { untilRefreshIsDue } from './refreshDue';

interface PageWindow {
  startApp(config: object): void;
  __auth?: { currentSession(): Promise<{ accessToken: string }> };
}

const status = (page: Page) => page.locator('#status').textContent();
const token = (page: Page) => page.locator('#token').textContent();
/** The tab's engine's currentSession(), through the actions its useAuth() handed out. */
const currentAccessToken = (page: Page) =>
  page.evaluate(() => (window as unknown as PageWindow).__auth!.currentSession().then((session) => session.accessToken));

/** Resolves when the tab's <output id="status"> shows `expected`; fails after `timeout` ms. */
async function showsStatus(page: Page, expected: string, timeout: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('#status')?.textContent === want, expected, { timeout });
}

// The React layer across tabs, in Chromium: a Vite-built app on dist/index.js, two tabs of one
// origin (one browser context, one localStorage). Each tab's <AuthProvider> has its own engine;
// what one tab does must show in the other's UI (status via useAuth, tokens via useSession), and the
// backend counts what reached Cognito.
describe('<AuthProvider> in two tabs of one origin (Chromium, built package)', () => {
  // 4 s tokens and a 1 s refresh margin: each refresh step waits (~4 s, real time) for the refresh to be due.
  const running = useBackend({ deviceTracking: false, tokenValidity: { accessTokenSeconds: 4, idTokenSeconds: 4 } });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let one: Page;
  let two: Page;
  const pageErrors: string[] = [];
  /** When the current tokens were issued (0 until the sign-in test ran: the later tests need its session). */
  let issuedAt = 0;
  /** Until both tabs would refresh if asked (refreshMarginSeconds: 1 in reactPage/main.jsx). */
  const bothNeedARefresh = () => untilRefreshIsDue([one, two], running().backend.config.clientId, 1);

  beforeAll(async () => {
    [site, browser] = await Promise.all([servePage(resolve(__dirname, 'reactPage')), launchChromium()]);
    context = await browser.newContext();
    const { backend, url } = running();
    await backend.createUser({ username: 'tabs', password });
    const config = {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
    };
    [one, two] = [await context.newPage(), await context.newPage()];
    for (const page of [one, two]) {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        // The browser's own request for /favicon.ico (404 here) is not the app's doing.
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) pageErrors.push(message.text());
      });
      await page.goto(site.url);
      await page.waitForFunction(() => typeof (window as unknown as PageWindow).startApp === 'function');
      await page.evaluate((c) => (window as unknown as PageWindow).startApp(c), config);
      await showsStatus(page, 'signedOut', 2000);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('a sign-in through the form in tab one shows as signed in in tab two within a second, with no request from tab two', async () => {
    const { backend } = running();
    backend.resetCounts();
    await one.getByLabel('Username').fill('tabs');
    await one.getByLabel('Password').fill(password);
    await one.getByRole('button', { name: 'Sign in' }).click();
    await showsStatus(one, 'signedIn', 5000);
    issuedAt = Date.now();

    await showsStatus(two, 'signedIn', 1000);
    expect(await two.locator('#user').textContent()).toBe('tabs');
    expect(backend.count('InitiateAuth')).toBe(1); // tab one's sign-in; tab two read storage
    expect(backend.count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('two tabs that need a refresh at the same moment send one refresh request, and both UIs show the new tokens', async () => {
    const { backend } = running();
    expect(issuedAt).toBeGreaterThan(0);
    await expect.poll(() => token(two)).toMatch(/^.{16}$/); // tab two's useSession has the first tokens
    const before = await token(one);
    expect(await token(two)).toBe(before);
    await bothNeedARefresh();
    backend.resetCounts();

    const [a, b] = await Promise.all([currentAccessToken(one), currentAccessToken(two)]);
    issuedAt = Date.now();

    expect(backend.count('InitiateAuth')).toBe(1); // one REFRESH_TOKEN_AUTH for both tabs
    expect(backend.count()).toBe(1);
    expect(a).toBe(b);
    for (const page of [one, two]) {
      await expect.poll(() => token(page)).toBe(a.slice(-16));
      expect(await status(page)).toBe('signedIn');
    }
    expect(a.slice(-16)).not.toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it("a refresh made by one tab alone reaches the other tab's useSession (no request from the other tab)", async () => {
    const { backend } = running();
    const before = await token(two);
    await bothNeedARefresh();
    backend.resetCounts();

    const fresh = await currentAccessToken(one); // tab two does nothing: it only hears the storage event

    expect(backend.count('InitiateAuth')).toBe(1);
    await expect.poll(() => token(two), { timeout: 1000 }).toBe(fresh.slice(-16));
    expect(fresh.slice(-16)).not.toBe(before);
    expect(await status(two)).toBe('signedIn');
    expect(backend.count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('a sign-out in tab two shows as signed out in tab one within a second, with no request from tab one', async () => {
    const { backend } = running();
    backend.resetCounts();
    await two.getByRole('button', { name: 'Sign out' }).click();
    await showsStatus(two, 'signedOut', 2000);

    await showsStatus(one, 'signedOut', 1000);
    await expect(one.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    expect(backend.count('RevokeToken')).toBe(1); // tab two's sign-out revokes the refresh token
    expect(backend.count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
