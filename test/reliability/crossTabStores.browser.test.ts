import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { useChromiumSite } from '../e2e/chromiumSite';
import { registerSecret } from '../support/secrets';
import { tally } from './tally';

interface StoreTabs {
  start(config: object, store: string): string;
  signIn(username: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  user(): string;
  events(): string[];
}
type Win = { storeTabs: StoreTabs };
const APP = 'https://app.example.test';
const IDP = 'https://idp.example.test';

/** Answers `route` from `base` (a loopback server): the browser sees a real https origin. */
const forwardTo = (base: string) => async (route: Route) => {
  const url = new URL(route.request().url());
  await route.fulfill({ response: await route.fetch({ url: new URL(url.pathname + url.search, base).toString() }) });
};

// Cookies and an app's own store fire no storage events: without another channel a second tab never
// learns of a sign-in or sign-out in the first (it would keep showing a signed-out page, or a user
// who has signed out). Writers announce themselves on a BroadcastChannel.
describe('cross-tab sign-in and sign-out on stores without storage events (Chromium)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  const chromium = useChromiumSite(resolve(__dirname, 'storeTabsPage'));

  beforeAll(async () => {
    await running().backend.createUser({ username: 'tabby', password });
  });

  const tab = (page: Page) => ({
    start: (config: object, store: string) => page.evaluate(([c, s]) => (window as unknown as Win).storeTabs.start(c, s), [config, store] as const),
    signIn: () => page.evaluate(([u, p]) => (window as unknown as Win).storeTabs.signIn(u, p), ['tabby', password] as const),
    signOut: () => page.evaluate(() => (window as unknown as Win).storeTabs.signOut()),
    user: () => page.evaluate(() => (window as unknown as Win).storeTabs.user()),
    events: () => page.evaluate(() => (window as unknown as Win).storeTabs.events()),
  });

  it.each([
    ['cookieStorage', { cookieStorage: { domain: '.example.test', path: '/', expires: 7, secure: true, sameSite: 'lax' } }],
    ['a custom store (an app wrapper around localStorage)', {}],
  ])('%s: a sign-in in one tab signs the other in, and a sign-out there signs it out', async (store, extra) => {
    tally('faultsInjected');
    const config = {
      userPoolId: running().backend.config.userPoolId,
      userPoolWebClientId: running().backend.config.clientId,
      endpoint: `${IDP}/`,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
      ...extra,
    };
    const context = await chromium().browser.newContext();
    try {
      await context.route(`${APP}/**`, forwardTo(chromium().url));
      await context.route(`${IDP}/**`, forwardTo(running().url));
      const [first, second] = await Promise.all([context.newPage(), context.newPage()]);
      for (const page of [first!, second!]) {
        await page.goto(`${APP}/`);
        await page.waitForFunction(() => 'storeTabs' in window);
        expect(await tab(page).start(config, store.startsWith('cookie') ? 'cookies' : 'custom')).toBe('signedOut');
      }

      expect(await tab(first!).signIn()).toBe(true);
      await expect.poll(() => tab(second!).user(), { timeout: 3000 }).toBe('tabby');
      expect(await tab(second!).events()).toEqual(['signIn']);

      await tab(second!).signOut();
      await expect.poll(() => tab(first!).user(), { timeout: 3000 }).toBe('signedOut');
      expect(await tab(first!).events()).toEqual(['signIn', 'signOut']);
      tally('faultsHandled');
    } finally {
      await context.close();
    }
  });
});
