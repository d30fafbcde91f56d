import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend, type Running } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = '+15555550123';
// The screenshot set (CI artifacts): every state at 320 and 1280 px, light, dark, and right-to-left (Hebrew).
const SHOTS = resolve(__dirname, '../../test-results/screens');
const SHOT_VARIANTS = ['320-light', '320-dark', '1280-light', '1280-dark', '320-rtl', '1280-rtl'];
// Every screen and state audited below, each in the light and the dark theme at 320 px wide.
const EXPECTED = [
  'signIn', 'signIn+error', 'signUp+rules', 'signUp+error', 'forgotPassword', 'confirmResetPassword',
  'confirmResetPassword+error', 'confirmSignUp', 'confirmSignIn(SMS)', 'confirmSignIn+error', 'selectMfaType',
  'confirmSignIn(TOTP)', 'forceNewPassword', 'verifyUser', 'confirmVerifyUser', 'signedIn', 'customChallenge',
  'modal', 'colorMode=dark', 'setupTotp',
];

interface Audit {
  state: string;
  /** `rtl`: the light theme in Hebrew, right to left. */
  theme: 'light' | 'dark' | 'rtl';
  violations: string[];
  /** How far the page is wider than the 320 px viewport (0 = no sideways scrolling). */
  overflow: number;
  /** Whether axe measured colour contrast on this page (it cannot in jsdom). */
  contrastMeasured: boolean;
}

// The built Authenticator and its CSS in Chromium, where axe can measure colour contrast (it cannot
// in jsdom): every screen and state, light and dark theme (`prefers-color-scheme`) and right to left,
// 320 px wide; each also photographed at 1280 px.
describe('Authenticator in Chromium: axe (with colour contrast) and a 320 px layout on every screen, light, dark and right to left', () => {
  const optional = useBackend({ requiredAttributesOnNewPassword: ['name'], customAuth: { rounds: 1, maxAttempts: 3 }, deviceTracking: false });
  const mfaRequired = useBackend({ mfaConfiguration: 'ON', deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const audits: Audit[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    [site, browser] = await Promise.all([servePage(resolve(__dirname, 'uiPage')), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 320, height: 720 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Chromium logs Cognito's 400 answers (the wrong passwords and codes typed on purpose) as failed loads.
      const cognitoAnswer = message.location().url.startsWith(optional().url) && message.text().includes('status of 400');
      if (message.type() === 'error' && !cognitoAnswer && !message.location().url.endsWith('/favicon.ico')) pageErrors.push(message.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A fresh page (empty storage) running the Authenticator against `running`'s backend, following the OS theme (`colorMode="system"`). */
  async function open(running: Running, config: object = {}, props: object = {}): Promise<void> {
    await page.goto(site.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.addScriptTag({ path: AXE_PATH });
    const { backend, url } = running;
    const full = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH', ...config };
    await page.evaluate(([c, p]) => (window as unknown as { startApp(c: object, p: object): void }).startApp(c, p), [full, { colorMode: 'system', ...props }] as const);
  }

  const heading = (name: string) => page.getByRole('heading', { name }).waitFor();
  const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  const press = (name: string) => page.getByRole('button', { name, exact: true }).click();
  const alert = (text: string) => page.getByRole('alert').filter({ hasText: text }).waitFor();

  async function measure(state: string, theme: Audit['theme']): Promise<void> {
    const { violations, contrastMeasured } = await page.evaluate(async () => {
      type Rule = { id: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const results = await axe.run(document, { resultTypes: ['violations'] });
      return {
        violations: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        contrastMeasured: results.passes.some((rule) => rule.id === 'color-contrast'),
      };
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    audits.push({ state, theme, violations, overflow, contrastMeasured });
  }

  /** This state at 320 px (measured, photographed) and 1280 px (photographed). */
  async function shoot(state: string, variant: string): Promise<void> {
    const file = (width: number) => join(SHOTS, `${state.replace(/[^\w=+-]+/g, '_')}.${width}-${variant}.png`);
    await page.screenshot({ path: file(320), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: file(1280), fullPage: true });
    await page.setViewportSize({ width: 320, height: 720 });
  }

  /** Right to left: the same tree re-rendered in Hebrew (the screen keeps its state), then back. */
  async function setLanguage(language: string | undefined): Promise<void> {
    await page.evaluate((lang) => (window as unknown as { setProps(p: object): void }).setProps({ language: lang }), language);
    // The signed-in view is the app's slot: no Authenticator root with a language there.
    if ((await page.locator('.crk-authenticator[lang]').count()) === 0) return;
    const [lang, dir] = language === 'he' ? ['he', 'rtl'] : ['en', 'ltr'];
    await page.waitForFunction(([l, d]) => {
      const element = document.querySelector('.crk-authenticator');
      return element?.getAttribute('lang') === l && getComputedStyle(element).direction === d;
    }, [lang, dir] as const);
  }

  async function audit(state: string): Promise<void> {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await measure(state, theme);
      await shoot(state, theme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await setLanguage('he');
    await measure(state, 'rtl');
    await shoot(state, 'rtl');
    await setLanguage(undefined);
  }

  async function signIn(username: string, secret = password): Promise<void> {
    await heading('Sign in to your account');
    await fill('Username', username);
    await fill('Password', secret);
    await press('Sign in');
  }

  async function user(running: Running, name: string, extra: object = {}): Promise<string> {
    const username = `${name}${Math.random().toString(36).slice(2, 8)}`;
    await running.backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: PHONE }, ...extra });
    return username;
  }

  it('sign in, sign up and password reset', async () => {
    const username = await user(optional(), 'ann');
    await open(optional());
    await heading('Sign in to your account');
    await audit('signIn');
    await signIn(username, 'Wr0ng!password');
    await alert('Incorrect username or password.');
    await audit('signIn+error');

    await page.getByRole('tab', { name: 'Create Account' }).click();
    await heading('Create your account');
    await fill('Password', 'short');
    await audit('signUp+rules');
    await fill('Username', 'newbie');
    await fill('Confirm Password', 'short');
    await press('Create Account');
    await page.getByRole('alert').first().waitFor();
    await audit('signUp+error');

    await page.getByRole('tab', { name: 'Sign In' }).click();
    await press('Forgot your password?');
    await heading('Reset Password');
    await audit('forgotPassword');
    await fill('Enter your username', username);
    await press('Send code');
    await page.getByLabel('Code *', { exact: true }).waitFor();
    await audit('confirmResetPassword');
    const code = optional().backend.lastCode(username, 'FORGOT_PASSWORD');
    await fill('Code *', code === '000000' ? '111111' : '000000');
    const next = strongPassword();
    registerSecret(next);
    await fill('New Password', next);
    await fill('Confirm Password', next);
    await press('Submit');
    await alert('That code is not right. Check it and try again.');
    await audit('confirmResetPassword+error');
  }, 90_000);

  it('confirmation, MFA, new password, contact verification and the signed-in slot', async () => {
    const unconfirmed = await user(optional(), 'unc', { status: 'UNCONFIRMED' });
    await open(optional());
    await signIn(unconfirmed);
    await heading('We Sent A Code');
    await audit('confirmSignUp');

    const sms = await user(optional(), 'sms', { mfa: { sms: true } });
    await open(optional());
    await signIn(sms);
    await heading('Confirm SMS Code');
    await audit('confirmSignIn(SMS)');
    const code = optional().backend.lastCode(sms, 'MFA');
    await fill('Code *', code === '000000' ? '111111' : '000000');
    await press('Confirm');
    await alert('That code is not right. Check it and try again.');
    await audit('confirmSignIn+error');

    const both = await user(optional(), 'sel', { mfa: { sms: true, totpSecret: 'JBSWY3DPEHPK3PXP' } });
    await open(optional());
    await signIn(both);
    await heading('Multi-Factor Authentication');
    await audit('selectMfaType');

    const totp = await user(optional(), 'tot', { mfa: { totpSecret: 'JBSWY3DPEHPK3PXP' } });
    await open(optional());
    await signIn(totp);
    await heading('Confirm TOTP Code');
    await audit('confirmSignIn(TOTP)');

    const forced = await user(optional(), 'fox', { status: 'FORCE_CHANGE_PASSWORD' });
    await open(optional());
    await signIn(forced);
    await heading('Change Password');
    await audit('forceNewPassword');

    const unverified = `ver${Math.random().toString(36).slice(2, 8)}`;
    await optional().backend.createUser({ username: unverified, password, attributes: { email: `${unverified}@example.com`, email_verified: 'false' } });
    await open(optional());
    await signIn(unverified);
    await heading('Account recovery requires verified contact information');
    await audit('verifyUser');
    await press('Verify');
    // Both screens have Amplify UI's heading: the code field says the code screen is up.
    await page.getByLabel('Code *', { exact: true }).waitFor();
    await audit('confirmVerifyUser');
    await fill('Code *', optional().backend.lastCode(unverified, 'VERIFY_ATTRIBUTE'));
    await press('Submit');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await audit('signedIn');
  }, 90_000);

  it('custom challenge, the modal variation, and TOTP setup when the pool requires MFA', async () => {
    const custom = await user(optional(), 'cus');
    await open(optional(), { authenticationFlowType: 'CUSTOM_AUTH' });
    await signIn(custom);
    await heading('Answer the challenge');
    await audit('customChallenge');

    await open(optional(), {}, { variation: 'modal' });
    await page.getByRole('dialog', { name: 'Sign in to your account' }).waitFor();
    await audit('modal');

    // data-theme="dark" (the colorMode prop) rather than the OS setting.
    await open(optional(), {}, { colorMode: 'dark' });
    await heading('Sign in to your account');
    await audit('colorMode=dark');

    const fresh = `new${Math.random().toString(36).slice(2, 8)}`;
    await mfaRequired().backend.createUser({ username: fresh, password, attributes: { email: `${fresh}@example.com`, email_verified: 'true' } });
    await open(mfaRequired());
    await signIn(fresh);
    await heading('Setup TOTP');
    await page.locator('[role="img"][aria-busy="false"]').waitFor();
    await audit('setupTotp');
  }, 90_000);

  it('found no axe violation (colour contrast included) and no sideways scrolling in any of them, and photographed each', () => {
    const states = [...new Set(audits.map((a) => a.state))];
    expect(states.sort()).toEqual([...EXPECTED].sort());
    expect(audits).toHaveLength(EXPECTED.length * 3);
    expect(readdirSync(SHOTS).filter((name) => name.endsWith('.png'))).toHaveLength(EXPECTED.length * SHOT_VARIANTS.length);
    expect(audits.filter((a) => !a.contrastMeasured).map((a) => `${a.state} (${a.theme})`)).toEqual([]);
    expect(audits.filter((a) => a.violations.length > 0).map((a) => `${a.state} (${a.theme}): ${a.violations.join('; ')}`)).toEqual([]);
    expect(audits.filter((a) => a.overflow > 0).map((a) => `${a.state} (${a.theme}): ${a.overflow}px too wide`)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
