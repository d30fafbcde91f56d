import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { knownSecrets, leakedSecrets, registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

interface PageWindow {
  startApp(config: object): void;
  __engine?: { signIn(username: string, password: string): Promise<unknown>; currentSession(): Promise<{ idToken: string; accessToken: string }> };
}

// The devtools panel in a real page: a Vite-built app on dist/ (devtoolsPage/), in Chromium, against
// the test backend. AuthDevtoolsPanel opens on a click, fetching its chunk then, and shows the engine's
// state, claims, a forced refresh and Web Locks' holder (this tab, another tab), with no token, password or signature on the page.
describe('<AuthDevtoolsPanel> in Chromium (built package)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([servePage(resolve(__dirname, 'devtoolsPage')), launchChromium()]);
    await running().backend.createUser({ username: 'devon', password });
    page = await (await browser.newContext()).newPage(); // a context of its own: a second tab joins it
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads the panel on open and shows state, claims, a forced refresh and the lock; never a secret', async () => {
    const { backend, url } = running();
    await page.goto(site.url);
    await page.evaluate(
      (config) => (window as unknown as PageWindow).startApp(config),
      { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH' },
    );
    const opener = page.getByRole('button', { name: 'Auth devtools' });
    await opener.waitFor();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await opener.click();
    const panel = page.getByRole('region', { name: 'Auth devtools' });
    await panel.getByText('signedOut', { exact: true }).waitFor();
    expect(scripts.length, 'the panel is a chunk of its own, fetched on open').toBeGreaterThan(0);

    await page.evaluate((secret) => (window as unknown as PageWindow).__engine!.signIn('devon', secret), password);
    await panel.getByText('signedIn', { exact: true }).waitFor();
    await panel.getByRole('group', { name: 'access token claims' }).getByText('token_use').waitFor();
    await panel.getByText(/^Access token · expires in 5\d:\d\d$/).waitFor();
    await panel.getByRole('region', { name: 'Cross-tab lock' }).getByText(/^free \(webLocks\)$/).waitFor();

    await panel.getByRole('button', { name: 'Force refresh' }).click();
    await panel.getByRole('region', { name: 'Refreshes' }).getByText(/ · forced · ok/).waitFor();
    await panel.getByRole('region', { name: 'Events' }).getByText('tokenRefresh', { exact: true }).waitFor();

    // The lock's holder, as Web Locks name it: this tab, then another tab of the origin (same context).
    const lockName = `cognito-react-kit.refresh.${backend.config.clientId}`;
    const hold = (target: Page) =>
      target.evaluate((name) => {
        const w = window as unknown as { __release?: () => void };
        void navigator.locks.request(name, () => new Promise<void>((resolve) => (w.__release = resolve)));
      }, lockName);
    const release = (target: Page) => target.evaluate(() => (window as unknown as { __release?: () => void }).__release?.());
    const lock = panel.getByRole('region', { name: 'Cross-tab lock' });
    await hold(page);
    await lock.getByText(/^held by this tab \(webLocks\)$/).waitFor();
    await release(page);
    const other = await page.context().newPage();
    await other.goto(site.url);
    await hold(other);
    await lock.getByText(/^held by another tab \(webLocks\)$/).waitFor();
    await release(other);
    await other.close();
    await lock.getByText(/^free \(webLocks\)$/).waitFor();

    const session = await page.evaluate(() => (window as unknown as PageWindow).__engine!.currentSession().then(({ idToken, accessToken }) => ({ idToken, accessToken })));
    for (const token of [session.idToken, session.accessToken]) registerSecret(...token.split('.').slice(1));
    const shown = `${await page.content()}\n${await page.locator('body').innerText()}`;
    expect(leakedSecrets(shown, knownSecrets())).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
