import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

interface PageConfig {
  userPoolId: string;
  userPoolWebClientId: string;
  endpoint: string;
}
/** What coreBrowser/main.js puts on `window`. */
interface PageApi {
  runSignIn(config: PageConfig, username: string, password: string): Promise<unknown>;
  restore(config: PageConfig): unknown;
}

// The same engine code that runs in Node, bundled by Vite with default settings and run in Chromium
// against the test backend (cross-origin, so CORS is exercised too).
describe('the core engine in a real browser', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let pageUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await servePage(resolve(__dirname, 'coreBrowser'));
    pageUrl = site.url;
    browser = await launchChromium();
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('signs in with SRP, stores the session in localStorage and restores it on reload', async () => {
    const { backend, url } = running();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url };
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).runSignIn === 'function');
    backend.resetCounts();

    const outcome = await tab.evaluate(([c, p]) => (window as unknown as PageApi).runSignIn(c, 'ada', p), [config, password] as const);

    expect(outcome).toMatchObject({
      result: { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      statuses: ['signedIn'],
      user: { username: 'ada', attributes: { email: 'ada@example.com' } },
      idTokenIssuer: backend.config.issuer,
      wrong: { name: 'NotAuthorizedException', isAuthError: true, source: 'signIn' },
    });
    const prefix = `CognitoIdentityServiceProvider.${backend.config.clientId}`;
    expect((outcome as { storedKeys: string[] }).storedKeys).toEqual([
      `${prefix}.LastAuthUser`,
      `${prefix}.ada.accessToken`,
      `${prefix}.ada.clockDrift`,
      `${prefix}.ada.idToken`,
      `${prefix}.ada.refreshToken`,
      `${prefix}.ada.sessionStamp`,
    ]);
    // One SRP sign-in per engine (the right password, then the wrong one): 2 requests each.
    expect(backend.count('InitiateAuth')).toBe(2);
    expect(backend.count('RespondToAuthChallenge')).toBe(2);

    backend.resetCounts();
    await tab.reload();
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).restore === 'function');
    const restored = await tab.evaluate((c) => (window as unknown as PageApi).restore(c), config);
    expect(restored).toMatchObject({ status: 'signedIn', user: { username: 'ada' } });
    expect(backend.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
