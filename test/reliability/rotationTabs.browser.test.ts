import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { useChromiumSite } from '../e2e/chromiumSite';
import { TestClock } from '../support/engine';
import { registerSecret } from '../support/secrets';
import { tally } from './tally';

type CallerResult = { token: string } | { error: string };
interface RotationApi {
  hasWebLocks(): boolean;
  start(config: object, natural: boolean): string;
  signIn(username: string, password: string): Promise<boolean>;
  status(): string;
  skip(ms: number): void;
  callers(n: number): Promise<CallerResult[]>;
  failures(): string[];
  refreshes(): number;
}
type Win = { rotation: RotationApi };
const api = (page: Page) => ({
  hasWebLocks: () => page.evaluate(() => (window as unknown as Win).rotation.hasWebLocks()),
  start: (config: object, natural = false) => page.evaluate(([c, n]) => (window as unknown as Win).rotation.start(c, n), [config, natural] as const),
  signIn: (u: string, p: string) => page.evaluate(([a, b]) => (window as unknown as Win).rotation.signIn(a, b), [u, p] as const),
  status: () => page.evaluate(() => (window as unknown as Win).rotation.status()),
  skip: (ms: number) => page.evaluate((m) => (window as unknown as Win).rotation.skip(m), ms),
  callers: (n: number) => page.evaluate((count) => (window as unknown as Win).rotation.callers(count), n),
  failures: () => page.evaluate(() => (window as unknown as Win).rotation.failures()),
  refreshes: () => page.evaluate(() => (window as unknown as Win).rotation.refreshes()),
});

const TABS = 3;
// Tokens live 10 s, so each is refreshed ~5 s in: 2 minutes are ~24 rounds in which every tab is due at once
// (2, not 3: the suite runs one file at a time on 2 cores, and this wait holds the run up).
const TOKEN_SECONDS = 10;
const NATURAL_MS = 2 * 60_000;

// Browsers without Web Locks (older Safari, some web views): a lock kept in localStorage.
async function contextWithoutWebLocks(context: BrowserContext): Promise<BrowserContext> {
  const bare = await context.browser()!.newContext();
  await bare.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
  return bare;
}

async function openTabs(context: BrowserContext, url: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (let i = 0; i < TABS; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'rotation' in window);
    pages.push(page);
  }
  return pages;
}

// Rotation with a 0 s grace period: a refresh token presented twice is a reuse, and the backend then
// revokes the family, signing every tab out. Tabs must refresh once per round and all adopt the result.
describe(`refresh-token rotation, 0 s grace, ${TABS} Chromium tabs`, () => {
  // Time passes for the backend as for the tabs (a page's skip alone would be a device clock jump).
  const clock = new TestClock();
  const running = useBackend({
    now: clock.now,
    deviceTracking: false,
    refreshTokenRotation: { retryGracePeriodSeconds: 0 },
    tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS },
  });
  const password = strongPassword();
  registerSecret(password);
  const chromium = useChromiumSite(resolve(__dirname, 'rotationPage'));
  const config = () => ({
    userPoolId: running().backend.config.userPoolId,
    userPoolWebClientId: running().backend.config.clientId,
    endpoint: running().url,
    authenticationFlowType: 'USER_PASSWORD_AUTH',
    refreshTokenRotation: true,
  });

  beforeAll(async () => {
    for (const username of ['nolo', 'nat1', 'nat2']) await running().backend.createUser({ username, password });
  });

  /** Every tab signed in as `username` (the first signs in, the others follow through storage). */
  async function signedInTabs(pages: Page[], username: string, natural: boolean): Promise<void> {
    for (const page of pages) expect(await api(page).start(config(), natural)).toBe('signedOut');
    expect(await api(pages[0]!).signIn(username, password)).toBe(true);
    for (const page of pages) await expect.poll(() => api(page).status(), { timeout: 3000 }).toBe('signedIn');
  }

  it('without Web Locks, 3 tabs × 20 callers due at once make 1 refresh and 0 reuses', async () => {
    tally('faultsInjected');
    const context = await contextWithoutWebLocks(chromium().context);
    try {
      const pages = await openTabs(context, chromium().url);
      expect(await api(pages[0]!).hasWebLocks()).toBe(false);
      await signedInTabs(pages, 'nolo', false);
      clock.advance(60_000);
      for (const page of pages) await api(page).skip(60_000);
      const reusesBefore = running().backend.refreshTokenReuses();
      running().backend.resetCounts();

      const results = (await Promise.all(pages.map((page) => api(page).callers(20)))).flat();

      expect(results.filter((r) => 'error' in r)).toEqual([]);
      expect(new Set(results.map((r) => ('token' in r ? r.token : ''))).size).toBe(1);
      expect(running().backend.count('GetTokensFromRefreshToken')).toBe(1);
      expect(running().backend.refreshTokenReuses()).toBe(reusesBefore);
      for (const page of pages) expect(await api(page).status()).toBe('signedIn');
      tally('faultsHandled');
    } finally {
      await context.close();
    }
  });

  it(
    `refreshing on their own for ${NATURAL_MS / 60_000} minutes (real clocks, ${TOKEN_SECONDS} s tokens), with and without Web Locks: 0 reuses, everyone signed in`,
    async () => {
      tally('faultsInjected');
      // The devices run 60 s behind the server (a common sight): expiry must still be judged to the second.
      clock.offsetMs = 60_000;
      const withLocks = await chromium().browser.newContext();
      const withoutLocks = await contextWithoutWebLocks(chromium().context);
      try {
        const [locked, unlocked] = await Promise.all([openTabs(withLocks, chromium().url), openTabs(withoutLocks, chromium().url)]);
        expect(await api(locked[0]!).hasWebLocks()).toBe(true);
        expect(await api(unlocked[0]!).hasWebLocks()).toBe(false);
        await signedInTabs(locked, 'nat1', true);
        await signedInTabs(unlocked, 'nat2', true);
        const reusesBefore = running().backend.refreshTokenReuses();
        running().backend.resetCounts();

        await new Promise((done) => setTimeout(done, NATURAL_MS));

        const refreshed = running().backend.count('GetTokensFromRefreshToken');
        const rounds = NATURAL_MS / 1000 / (TOKEN_SECONDS / 2);
        console.info(`rotation soak: ${refreshed} refreshes for 2 × ${TABS} tabs in ${NATURAL_MS / 1000} s (${rounds} rounds each)`);
        expect(running().backend.refreshTokenReuses()).toBe(reusesBefore);
        // About one refresh per round per group of tabs, not one per tab.
        expect(refreshed).toBeGreaterThanOrEqual(rounds);
        expect(refreshed).toBeLessThanOrEqual(2 * rounds * 1.5);
        for (const page of [...locked, ...unlocked]) {
          expect(await api(page).failures()).toEqual([]);
          expect(await api(page).status()).toBe('signedIn');
        }
        tally('faultsHandled');
      } finally {
        await Promise.all([withLocks.close(), withoutLocks.close()]);
      }
    },
    NATURAL_MS + 120_000,
  );
});
