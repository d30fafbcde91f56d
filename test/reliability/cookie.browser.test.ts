import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { createAuth } from '../../src/core/index';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret } from '../support/secrets';
import { useChromiumSite } from '../e2e/chromiumSite';
import { tally } from './tally';

interface CookieKit {
  signIn(config: object, username: string, password: string): Promise<string>;
  restore(config: object): string;
  restoredUser(config: object): string | null;
  signOut(config: object): Promise<void>;
  cookieNames(): string[];
}
type Win = { cookieKit: CookieKit };
const APP = 'https://app.example.test';
const IDP = 'https://idp.example.test';
/** A sibling app of the cookie domain: it can write cookies for .example.test, any Path. */
const EVIL = 'https://evil.example.test';
const DAY_S = 86_400;

/** Counts an attack as tried, and as rejected only once `run` (its assertions) passed. */
async function attack(run: () => Promise<void>): Promise<void> {
  tally('attacksTried');
  await run();
  tally('attacksRejected');
}

/** Answers `route` from `base` (a loopback server): the browser sees a real https origin. */
const forwardTo = (base: string) => async (route: Route) => {
  const url = new URL(route.request().url());
  const response = await route.fetch({ url: new URL(url.pathname + url.search, base).toString() });
  await route.fulfill({ response });
};

// cookieStorage in Chromium, on https origins (routed to loopback servers) so that Secure, Domain
// and SameSite are what a deployed app gets: the browser's own cookie store is asserted. Issue 14 §7:
// what a sibling subdomain (evil.example.test) can do to these cookies, and tokens too large for one.
describe('cookie storage in Chromium (https://app.example.test, https://evil.example.test)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  const chromium = useChromiumSite(resolve(__dirname, 'cookiePage'));
  let page: Page;

  beforeAll(async () => {
    await chromium().context.route(`${APP}/**`, forwardTo(chromium().url));
    await chromium().context.route(`${IDP}/**`, forwardTo(running().url));
    await chromium().context.route(`${EVIL}/**`, forwardTo(chromium().url));
    page = await chromium().context.newPage();
    await page.goto(`${APP}/`);
    await page.waitForFunction(() => 'cookieKit' in window);
    await running().backend.createUser({ username: 'crumb', password });
    await running().backend.createUser({ username: 'vic', password });
    await running().backend.createUser({ username: 'mallory', password });
    // Two attributes of 2,000 characters (Cognito's limit for one) make an id token of about 6 KB.
    await running().backend.createUser({ username: 'big', password, attributes: { 'custom:bio': 'b'.repeat(2000), 'custom:notes': 'n'.repeat(2000) } });
  });

  const kit = (tab: Page) => ({
    signIn: (config: object, username: string) => tab.evaluate(([c, u, p]) => (window as unknown as Win).cookieKit.signIn(c, u, p), [config, username, password] as const),
    restoredUser: (config: object) => tab.evaluate((c) => (window as unknown as Win).cookieKit.restoredUser(c), config),
    signOut: (config: object) => tab.evaluate((c) => (window as unknown as Win).cookieKit.signOut(c), config),
  });
  const open = async (url: string) => {
    const tab = await chromium().context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => 'cookieKit' in window);
    return tab;
  };
  const config = () => ({
    userPoolId: running().backend.config.userPoolId,
    userPoolWebClientId: running().backend.config.clientId,
    endpoint: `${IDP}/`,
    authenticationFlowType: 'USER_PASSWORD_AUTH' as const,
    cookieStorage: { domain: '.example.test', path: '/', expires: 7, secure: true, sameSite: 'lax' },
  });
  /** Every cookie of the kit in the browser, whatever its Path or Domain, as `<key after the client id>@<domain><path>`. */
  const kitCookies = async () => {
    const prefix = `CognitoIdentityServiceProvider.${running().backend.config.clientId}.`;
    return (await chromium().context.cookies())
      .map((c) => ({ ...c, name: decodeURIComponent(c.name) }))
      .filter((c) => c.name.startsWith(prefix))
      .map((c) => `${c.name.slice(prefix.length)}@${c.domain}${c.path}`)
      .sort();
  };

  /** Mallory's session as the kit stores it (signed in from Node, kept in memory). */
  const malloryKeys = async () => {
    const storage = new RecordingStorage();
    await createAuth({ ...config(), endpoint: running().url, cookieStorage: undefined, storage }).signIn('mallory', password);
    return Object.fromEntries(storage.keys().map((key) => [key, storage.getItem(key)!]));
  };

  beforeEach(async () => {
    await chromium().context.clearCookies();
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
    expect(cookies.map((c) => decodeURIComponent(c.name).split('.').pop()).sort()).toEqual(['LastAuthUser', 'accessToken', 'clockDrift', 'idToken', 'refreshToken', 'sessionStamp']);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ domain: '.example.test', path: '/', secure: true, sameSite: 'Strict', httpOnly: false });
      expect(cookie.expires).toBeGreaterThan(before + 7 * DAY_S - 5);
      expect(cookie.expires).toBeLessThan(Date.now() / 1000 + 7 * DAY_S + 5);
    }
    // Domain=.example.test: another app of the domain gets them too.
    expect((await chromium().context.cookies('https://other.example.test/')).filter((c) => c.name.startsWith(prefix))).toHaveLength(6);

    expect(await page.evaluate((c) => (window as unknown as Win).cookieKit.restore(c), config)).toBe('signedIn');
    await page.evaluate((c) => (window as unknown as Win).cookieKit.signOut(c), config);
    expect((await chromium().context.cookies(`${APP}/`)).filter((c) => c.name.startsWith(prefix))).toEqual([]);
  });

  it("a session evil.example.test planted for Path=/account does not replace the victim's; sign-out then leaves no cookie of the victim's, in any variant", async () => {
    await attack(async () => {
      const app = await open(`${APP}/account`);
      expect(await kit(app).signIn(config(), 'vic')).toBe('signedIn');
      // The sibling plants Mallory's real session at Path=/account (listed first on /account), and
      // keeps a copy of the victim's refresh token there, which it can read on the shared domain.
      const evil = await open(`${EVIL}/`);
      const planted = Object.entries(await malloryKeys()).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}; domain=.example.test; path=/account; secure`);
      await evil.evaluate((cookies) => {
        const copy = document.cookie.split('; ').find((pair) => pair.includes('.vic.refreshToken='));
        for (const cookie of [...cookies, `${copy}; domain=.example.test; path=/account; secure`]) document.cookie = cookie;
      }, planted);
      expect(await kitCookies()).toEqual(expect.arrayContaining(['LastAuthUser@.example.test/account', 'vic.refreshToken@.example.test/account']));

      await app.reload();
      await app.waitForFunction(() => 'cookieKit' in window);

      expect(await kit(app).restoredUser(config())).toBe('vic');
      expect((await kitCookies()).filter((c) => c.startsWith('LastAuthUser@'))).toEqual(['LastAuthUser@.example.test/']);
      await kit(app).signOut(config());
      expect((await kitCookies()).filter((c) => c.startsWith('LastAuthUser@') || c.startsWith('vic.'))).toEqual([]);
      expect(await kit(app).restoredUser(config())).toBeNull();
    });
  });

  it('an id token over 4 KB survives a reload (chunk cookies, each within the limit), with one warning that holds no token; sign-out removes every chunk', async () => {
    const app = await open(`${APP}/`);
    const warnings: string[] = [];
    app.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    expect(await kit(app).signIn(config(), 'big')).toBe('signedIn');
    const stored = (await chromium().context.cookies(`${APP}/`)).filter((c) => decodeURIComponent(c.name).includes('.big.idToken'));
    expect(stored.length).toBeGreaterThan(1);
    for (const cookie of stored) expect(cookie.name.length + cookie.value.length).toBeLessThanOrEqual(4096);

    await app.reload();
    await app.waitForFunction(() => 'cookieKit' in window);

    expect(await kit(app).restoredUser(config())).toBe('big');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('big.idToken');
    expect(warnings[0]).not.toMatch(/eyJ|bbbbbbbb/);
    await kit(app).signOut(config());
    expect(await kitCookies()).toEqual([]);
  });
});
