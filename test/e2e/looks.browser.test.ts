import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend, type Running } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

const SHOTS = resolve(__dirname, '../../test-results/looks');
const HOSTILE = '[role=alert] { background: #f00; color: #fff; } button { background: #0f0; color: #000; padding: 40px; margin: 40px; text-transform: uppercase; }';

// Issue 16 ("Looks finished") in Chromium, on the built package (dist/) in a host page that shrink-wraps
// the Authenticator like the demo's layout: one card width on every screen, nothing overflowing at
// 320 px, "Create Account" on one line, focus rings only for keyboard users and in the theme's colour,
// an eye icon on the show-password toggle, the light default, and host CSS that cannot reach inside.
describe('Authenticator looks in Chromium (320 and 1280 px, light and dark)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let shot = 0;

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    [site, browser] = await Promise.all([servePage(resolve(__dirname, 'looksPage')), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(props: object = {}, backend: Running = running()): Promise<void> {
    await page.goto(site.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const config = { userPoolId: backend.backend.config.userPoolId, userPoolWebClientId: backend.backend.config.clientId, endpoint: backend.url, authenticationFlowType: 'USER_PASSWORD_AUTH' };
    await page.evaluate(([c, p]) => (window as unknown as { startApp(c: object, p: object): void }).startApp(c, p), [config, props] as const);
    await heading('Sign in to your account');
  }

  const heading = (name: string) => page.getByRole('heading', { name }).waitFor();
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const screenshot = (name: string) => page.screenshot({ path: join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  const cardWidth = () => page.locator('.crk-authenticator__card').evaluate((card) => card.getBoundingClientRect().width);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  /** How many lines an element's text takes. */
  const lines = (selector: string) =>
    page.locator(selector).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
  const styleOf = (selector: string, ...properties: string[]) =>
    page.locator(selector).first().evaluate((element, names) => {
      const style = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    }, properties);
  /** A theme token as a computed colour (`rgb(…)`), read through a probe element inside the root. */
  const token = (name: string) =>
    page.locator('.crk-authenticator').evaluate((root, variable) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${variable})`;
      root.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    }, name);

  /** Walks the screens reachable without a code: sign in, its error, sign up, password reset and its code. */
  async function screens(visit: (name: string) => Promise<void>): Promise<void> {
    const username = `looks${Math.random().toString(36).slice(2, 8)}`;
    await running().backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true' } });
    await visit('signIn');
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill('Wr0ng!password');
    await button('Sign in').click();
    await page.getByRole('alert').filter({ hasText: 'Incorrect username or password.' }).waitFor();
    await visit('signIn+error');
    await page.getByRole('tab', { name: 'Create Account' }).click();
    await heading('Create your account');
    await visit('signUp');
    await page.getByRole('tab', { name: 'Sign In' }).click();
    await button('Forgot your password?').click();
    await heading('Reset Password');
    await visit('forgotPassword');
    await page.getByLabel('Enter your username', { exact: true }).fill(username);
    await button('Send code').click();
    await page.getByLabel('Code *', { exact: true }).waitFor();
    await visit('confirmResetPassword');
  }

  it('1. one card width on every screen at 1280 px, and nothing overflows at 320 px (light and dark)', async () => {
    const widths: Record<string, number> = {};
    await open();
    await screens(async (name) => {
      widths[name] = await cardWidth();
      await screenshot(`1280-${name}`);
    });
    const narrow: Record<string, number> = {};
    await page.setViewportSize({ width: 320, height: 720 });
    for (const colorMode of ['light', 'dark'] as const) {
      await open({ colorMode });
      await screens(async (name) => {
        narrow[`${colorMode}:${name}`] = await overflow();
        await screenshot(`320-${colorMode}-${name}`);
      });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    writeFileSync(join(SHOTS, 'widths.json'), JSON.stringify({ widths, narrow }, null, 2));
    expect(new Set(Object.values(widths)).size, JSON.stringify(widths)).toBe(1);
    expect(Object.values(widths)[0]).toBeGreaterThan(400);
    expect(Object.values(narrow).every((excess) => excess <= 0), JSON.stringify(narrow)).toBe(true);
  });

  it('2. the heading focused after a screen change shows a ring after a keyboard press, not after a click', async () => {
    await open();
    await button('Forgot your password?').click();
    await heading('Reset Password');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await styleOf('.crk-heading', 'outline-style')).toEqual({ 'outline-style': 'none' });
    await screenshot('heading-after-click');

    await button('Back to Sign In').focus();
    await page.keyboard.press('Enter');
    await heading('Sign in to your account');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await styleOf('.crk-heading', 'outline-style', 'outline-color')).toEqual({ 'outline-style': 'solid', 'outline-color': await token('--crk-color-focus') });
    await screenshot('heading-after-keyboard');
  });

  it('3. the show-password toggle is an eye icon (svg) with its name and state, beside an unhidden focus ring', async () => {
    await open();
    const toggle = button('Show password');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.locator('svg[aria-hidden="true"]').count()).toBe(1);
    const closed = await toggle.innerHTML();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.innerHTML()).not.toBe(closed);
    // Keyboard focus on the input: its ring lies inside its own box, so the toggle beside it hides none of it.
    await page.getByLabel('Username', { exact: true }).focus();
    await page.keyboard.press('Tab');
    const ring = await page.getByLabel('Password', { exact: true }).evaluate((input) => {
      const style = getComputedStyle(input);
      const box = input.getBoundingClientRect();
      const inner = document.elementFromPoint(box.right - 1, box.top + box.height / 2);
      return { style: style.outlineStyle, inside: parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) <= 0, topmost: inner === input };
    });
    expect(ring).toEqual({ style: 'solid', inside: true, topmost: true });
    await screenshot('password-focus');
  });

  it("4. 'Create Account' stays on one line in a 320 px card (tab and button)", async () => {
    await page.setViewportSize({ width: 320, height: 720 });
    await open();
    await page.getByRole('tab', { name: 'Create Account' }).click();
    await heading('Create your account');
    expect(await lines('.crk-tabs__tab:nth-child(2)')).toBe(1);
    expect(await lines('.crk-button--primary')).toBe(1);
    // Whole, not cut with an ellipsis.
    expect(await page.locator('.crk-tabs__tab:nth-child(2)').evaluate((tab) => tab.scrollWidth <= tab.clientWidth)).toBe(true);
    await screenshot('320-create-account');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("5. focus rings and radio buttons take the theme's brand colour, also when the app changes it", async () => {
    await open();
    const brand = await token('--crk-color-brand');
    expect(await token('--crk-color-focus')).toBe(brand);
    expect(await styleOf('.crk-field__input', 'accent-color')).toEqual({ 'accent-color': brand });
    await page.evaluate(() => (window as unknown as { addHostStyles(css: string): void }).addHostStyles('.crk-authenticator { --crk-color-brand: #7c3aed; }'));
    await page.getByLabel('Username', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await styleOf('.crk-field__input[type=password]', 'outline-color', 'accent-color')).toEqual({ 'outline-color': 'rgb(124, 58, 237)', 'accent-color': 'rgb(124, 58, 237)' });
  });

  it('6. the default colour mode is light, also under a dark OS preference; system and dark stay available', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open();
    const light = await styleOf('.crk-authenticator__card', 'background-color');
    expect(light).toEqual({ 'background-color': 'rgb(255, 255, 255)' });
    await open({ colorMode: 'system' });
    const system = await styleOf('.crk-authenticator__card', 'background-color');
    await open({ colorMode: 'dark' });
    expect(await styleOf('.crk-authenticator__card', 'background-color')).toEqual(system);
    expect(system).not.toEqual(light);
    await screenshot('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await open({ colorMode: 'system' });
    expect(await styleOf('.crk-authenticator__card', 'background-color')).toEqual(light);
    // Under `system`, an ancestor's data-theme decides too.
    await page.evaluate(() => document.body.setAttribute('data-theme', 'dark'));
    expect(await styleOf('.crk-authenticator__card', 'background-color')).toEqual(system);
  });

  it("7. an app's unlayered CSS for [role=alert] and button does not change the kit's alert and buttons", async () => {
    for (const colorMode of ['light', 'dark'] as const) {
      await open({ colorMode });
      await page.getByLabel('Username', { exact: true }).fill('nobody');
      await page.getByLabel('Password', { exact: true }).fill('Wr0ng!password');
      await button('Sign in').click();
      await page.getByRole('alert').first().waitFor();
      const alert = () => styleOf('.crk-alert', 'color', 'background-color');
      const submit = () => styleOf('.crk-button--primary', 'color', 'background-color', 'padding-top', 'margin-top', 'text-transform');
      const toggle = () => styleOf('.crk-field__toggle', 'color', 'background-color', 'padding-left', 'width');
      const tab = () => styleOf('.crk-tabs__tab', 'color', 'background-color', 'padding-top');
      const looks = async () => ({ alert: await alert(), submit: await submit(), toggle: await toggle(), tab: await tab(), card: await cardWidth() });
      const before = await looks();
      await page.evaluate((css) => (window as unknown as { addHostStyles(css: string): void }).addHostStyles(css), HOSTILE);
      expect(await looks()).toEqual(before);
      await screenshot(`hostile-${colorMode}`);
    }
  });
  it('8. the app\'s Header sits above the card and its Footer below, centred with it (also in the modal)', async () => {
    for (const variation of ['default', 'modal'] as const) {
      await open({ slots: true, variation });
      const box = (selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
      const [header, card, footer] = [await box('[data-slot="header"]'), await box('.crk-authenticator__card'), await box('[data-slot="footer"]')];
      expect(header.bottom).toBeLessThanOrEqual(card.top);
      expect(footer.top).toBeGreaterThanOrEqual(card.bottom);
      // Centred on the card's axis, not beside it.
      const centre = (rect: DOMRect) => rect.left + rect.width / 2;
      expect(Math.abs(centre(header) - centre(card))).toBeLessThan(card.width / 2);
      expect(Math.abs(centre(footer) - centre(card))).toBeLessThan(card.width / 2);
      await screenshot(`slots-${variation}`);
    }
  });
});
