import { lstat, mkdir, readlink, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

const REPO = resolve(__dirname, '../..');
const APP = resolve(__dirname, '../fixtures/vite-consumer');

/** node_modules/cognito-react-kit → this repository, as `npm install ../..` would link it. */
async function linkPackage(): Promise<void> {
  const link = join(APP, 'node_modules', 'cognito-react-kit');
  await mkdir(join(APP, 'node_modules'), { recursive: true });
  const existing = await lstat(link).catch(() => null);
  if (existing?.isSymbolicLink() && resolve(join(APP, 'node_modules'), await readlink(link)) === REPO) return;
  if (existing) throw new Error(`${link} exists and is not a link to the repository`);
  await symlink('../../../..', link, 'dir'); // relative: the checkout may move
}

// A fresh Vite app (test/fixtures/vite-consumer) that imports the BUILT package by its name and
// signs in with the drop-in Authenticator, default SRP flow, in Chromium: proves the kit needs no
// `define: { global }` and no polyfill (amazon-cognito-identity-js's `buffer` would otherwise).
describe('a plain Vite app on the built package (Chromium)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    await linkPackage();
    site = await servePage(APP);
    browser = await launchChromium();
    await running().backend.createUser({ username: 'grace', password, attributes: { email: 'grace@example.com' } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('builds with Vite defaults and signs in with SRP through the Authenticator', async () => {
    const { backend, url } = running();
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(site.url);
    await tab.waitForFunction(() => typeof (window as unknown as { startApp?: unknown }).startApp === 'function');
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url };
    await tab.evaluate((c) => (window as unknown as { startApp(config: object): void }).startApp(c), config);
    backend.resetCounts();

    await tab.getByLabel('Username').waitFor();
    // The stylesheet came through the package's "./styles.css" export.
    const themed = await tab.evaluate(() => getComputedStyle(document.querySelector('.crk-authenticator') ?? document.body).getPropertyValue('--crk-color-text'));
    expect(themed.trim()).not.toBe('');
    await tab.getByLabel('Username').fill('grace');
    await tab.getByLabel('Password', { exact: true }).fill(password);
    await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tab.locator('#welcome').waitFor();

    expect(await tab.locator('#welcome').textContent()).toContain('Welcome grace');
    // The default flow, SRP: InitiateAuth + RespondToAuthChallenge (PASSWORD_VERIFIER).
    expect(backend.count('InitiateAuth')).toBe(1);
    expect(backend.count('RespondToAuthChallenge')).toBe(1);
    // Nothing defined `global` for the kit.
    expect(await tab.evaluate(() => 'global' in window)).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
