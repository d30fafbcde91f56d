import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { startBackend, type CognitoBackend } from '../backend/index';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';
import { hostedUiPageConfig } from './hostedUiPageConfig';

interface Outcome {
  result?: unknown;
  error?: { name: string; message: string };
  state: { status: string; user: { username: string } | null };
  events: { event: string; data?: unknown }[];
  href: string;
}
interface PageApi {
  startHostedUi(options?: { customState?: string }): Promise<void>;
  signOutHostedUi(): Promise<void>;
  hostedUiOutcome: Promise<Outcome | null>;
}

// The hosted-UI code flow in a real browser: real navigation, sessionStorage across the redirect,
// history.replaceState, and a user typing into the (stand-in) hosted UI's form.
describe('hosted UI sign-in in Chromium', () => {
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let server: { backend: CognitoBackend; url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    site = await servePage(resolve(__dirname, 'coreBrowser'));
    server = await startBackend({
      deviceTracking: false,
      oauth: { callbackUrls: [`${site.url}callback`], logoutUrls: [site.url] },
    });
    registerSecretSource(() => server.backend.secrets());
    await server.backend.createUser({ username: 'hiro', password, attributes: { email: 'hiro@example.com' } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });

  it('redirects to the hosted UI, comes back, exchanges the code once and cleans the address bar', async () => {
    const { backend } = server;
    const config = hostedUiPageConfig(server, site.url);
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(site.url);
    await tab.evaluate((c) => window.localStorage.setItem('test-config', JSON.stringify(c)), config);
    await tab.reload();
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).startHostedUi === 'function');

    await Promise.all([
      tab.waitForURL((u) => u.pathname === '/oauth2/authorize'),
      tab.evaluate(() => (window as unknown as PageApi).startHostedUi({ customState: '/orders' })),
    ]);
    await tab.getByLabel('Username').fill('hiro');
    await tab.getByLabel('Password').fill(password);
    await Promise.all([tab.waitForURL((u) => u.pathname === '/callback'), tab.getByRole('button', { name: /sign in/i }).click()]);
    const outcome = await tab.evaluate(() => (window as unknown as PageApi).hostedUiOutcome);

    expect(outcome).toMatchObject({
      result: { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      state: { status: 'signedIn', user: { username: 'hiro' } },
      href: `${site.url}callback`,
    });
    expect(outcome?.events.map((e) => e.event)).toEqual(['signIn', 'cognitoHostedUI', 'customOAuthState']);
    expect(outcome?.events[2]?.data).toBe('/orders');
    expect(backend.count('oauth2/token')).toBe(1);
    const stored = await tab.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('CognitoIdentityServiceProvider.')).sort());
    expect(stored).toContain(`CognitoIdentityServiceProvider.${backend.config.clientId}.hiro.refreshToken`);
    expect(await tab.evaluate(() => Object.keys(window.sessionStorage))).toEqual([]);

    // Started, not awaited, in the page: sign-out navigates away, which would destroy an awaited evaluation.
    await Promise.all([
      tab.waitForURL(site.url),
      tab.evaluate(() => {
        void (window as unknown as PageApi).signOutHostedUi();
      }),
    ]);
    expect(backend.count('oauth2/revoke')).toBe(1);
    expect(backend.count('logout')).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
