import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { useChromiumSite } from '../e2e/chromiumSite';

interface CookieKit {
  signIn(config: object, username: string, password: string): Promise<string>;
  restore(config: object): string;
  signOut(config: object): Promise<void>;
  cookieNames(): string[];
}
type Win = { cookieKit: CookieKit };
const APP = 'https://app.example.test';
const IDP = 'https://idp.example.test';
const DAY_S = 86_400;

/** Answers `route` from `base` (a loopback server): the browser sees a real https origin. */
const forwardTo = (base: string) => async (route: Route) => {
  const url = new URL(route.request().url());
  const response = await route.fetch({ url: new URL(url.pathname + url.search, base).toString() });
  await route.fulfill({ response });
};

// cookieStorage in Chromium, on an https origin (routed to loopback servers) so that Secure,
// Domain and SameSite are what a deployed app gets: the browser's own cookie store is asserted.
describe('cookie storage attributes (Chromium, https://app.example.test)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  const chromium = useChromiumSite(resolve(__dirname, 'cookiePage'));
  let page: Page;

  beforeAll(async () => {
    await chromium().context.route(`${APP}/**`, forwardTo(chromium().url));
    await chromium().context.route(`${IDP}/**`, forwardTo(running().url));
    page = await chromium().context.newPage();
    await page.goto(`${APP}/`);
    await page.waitForFunction(() => 'cookieKit' in window);
    await running().backend.createUser({ username: 'crumb', password });
  });

  it('stores each session cookie with the configured Domain, Path, Expires, Secure and SameSite', async () => {
    const { backend } = running();
    const config = {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: `${IDP}/`,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
      cookieStorage: { domain: '.example.test', path: '/', expires: 7, secure: true, sameSite: 'strict' },
    };
    const before = Date.now() / 1000;
    expect(await page.evaluate(([c, u, p]) => (window as unknown as Win).cookieKit.signIn(c, u, p), [config, 'crumb', password] as const)).toBe('signedIn');

    const prefix = encodeURIComponent(`CognitoIdentityServiceProvider.${backend.config.clientId}.`);
    const cookies = (await chromium().context.cookies(`${APP}/`)).filter((c) => c.name.startsWith(prefix));
    expect(cookies.map((c) => decodeURIComponent(c.name).split('.').pop()).sort()).toEqual(['LastAuthUser', 'accessToken', 'clockDrift', 'idToken', 'refreshToken']);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ domain: '.example.test', path: '/', secure: true, sameSite: 'Strict', httpOnly: false });
      expect(cookie.expires).toBeGreaterThan(before + 7 * DAY_S - 5);
      expect(cookie.expires).toBeLessThan(Date.now() / 1000 + 7 * DAY_S + 5);
    }
    // Domain=.example.test: another app of the domain gets them too.
    expect((await chromium().context.cookies('https://other.example.test/')).filter((c) => c.name.startsWith(prefix))).toHaveLength(5);

    expect(await page.evaluate((c) => (window as unknown as Win).cookieKit.restore(c), config)).toBe('signedIn');
    await page.evaluate((c) => (window as unknown as Win).cookieKit.signOut(c), config);
    expect((await chromium().context.cookies(`${APP}/`)).filter((c) => c.name.startsWith(prefix))).toEqual([]);
  });
});
