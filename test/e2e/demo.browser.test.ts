import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../backend/totp';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { launchChromium } from './chromium';
import { freePorts, startDemo, type DemoStack } from './demoStack';

/** CI keeps these as artifacts (git-ignored). */
const SHOTS = resolve(__dirname, '../../test-results/e2e-demo');

// `npm run demo` as a newcomer runs it (cognito-local + the demo app), driven in Chromium through
// every way in: sign-up with the code cognito-local printed, the drop-in Authenticator, attribute
// edit + email verification, a password change, TOTP set up from the secret on screen, the custom
// useAuth form with a TOTP code, the hosted UI; then a second start of the script on the same data
// folder, which must keep the pool and the user.
describe('npm run demo, end to end in Chromium', () => {
  const email = `ada.${Date.now()}@example.com`;
  const password = `Demo-${Math.random().toString(36).slice(2, 10)}-Pw1!`;
  const newPassword = `${password}2`;
  registerSecret(password, newPassword);
  let dataDir: string;
  let ports: number[];
  let stack: DemoStack | undefined;
  let browser: Browser;
  let shot = 0;
  let secret = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'crk-demo-'));
    ports = await freePorts(2);
    await rm(SHOTS, { recursive: true, force: true });
    await mkdir(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  const start = async () => {
    stack = await startDemo({ appPort: ports[0]!, cognitoPort: ports[1]!, dataDir });
    const running = stack;
    registerSecretSource(() => running.codes().map((c) => c.code));
    return running;
  };
  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  const openPage = async (url: string) => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  };
  const signedIn = (page: Page) => page.getByRole('heading', { name: `Signed in as ${email}` });
  const dropIn = (page: Page): Locator => page.locator('section[aria-labelledby="drop-in-heading"]');
  const custom = (page: Page): Locator => page.locator('section[aria-labelledby="custom-heading"]');

  it('signs up, confirms with the printed code, is signed in, sets up TOTP, then signs in with TOTP and through the hosted UI', async () => {
    const demo = await start();
    expect(demo.output()).toMatch(/cognito-local: \S+ \(user pool local_\w+, created;/);
    const page = await openPage(demo.url);

    // Sign up in the drop-in Authenticator; the code comes from the script's output.
    const authenticator = dropIn(page);
    await authenticator.getByRole('tab', { name: 'Create Account' }).click();
    await authenticator.getByLabel('Email', { exact: true }).fill(email);
    await authenticator.getByLabel('Password', { exact: true }).fill(password);
    await authenticator.getByLabel('Confirm Password', { exact: true }).fill(password);
    await screenshot(page, 'sign-up');
    const seen = demo.codes().length;
    await authenticator.getByRole('button', { name: 'Create Account' }).click();
    await expect.poll(() => authenticator.getByRole('heading', { name: 'We Emailed You' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await authenticator.getByLabel('Confirmation Code').fill(await demo.nextCode(email, 'SignUp', seen));
    await screenshot(page, 'confirm-sign-up');
    await authenticator.getByRole('button', { name: 'Confirm' }).click();

    // Signed in by the auto sign-in after the confirmation (no second form), then skip contact verification.
    await authenticator.getByRole('heading', { name: 'Account recovery requires verified contact information' }).waitFor();
    await screenshot(page, 'verify-contact');
    await authenticator.getByRole('button', { name: 'Skip' }).click();
    await signedIn(page).waitFor();
    await screenshot(page, 'signed-in');

    // Attributes: edit, then verify the email with the printed code.
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save attributes' }).click();
    await page.getByText('Attributes saved.').waitFor();
    const beforeVerify = demo.codes().length;
    await page.getByRole('button', { name: 'Send a code to verify my email' }).click();
    await page.getByLabel('Email verification code').fill(await demo.nextCode(email, 'VerifyUserAttribute', beforeVerify));
    await page.getByRole('button', { name: 'Verify email' }).click();
    await page.getByLabel('Email verification code').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.demo-attributes').textContent()).toContain('Ada Lovelace');

    // Change password (<AccountSettings.ChangePassword>); every later sign-in uses the new one.
    const changePassword = page.locator('[data-account="changePassword"]');
    await changePassword.getByLabel('Current Password', { exact: true }).fill(password);
    await changePassword.getByLabel('New Password', { exact: true }).fill(newPassword);
    await changePassword.getByLabel('Confirm Password', { exact: true }).fill(newPassword);
    await changePassword.getByRole('button', { name: 'Update password' }).click();
    await changePassword.getByText('Your password has been changed.').waitFor();

    // TOTP (<AccountSettings.MfaSettings>): the code an authenticator app would show for the secret on screen.
    const mfa = page.locator('[data-account="mfa"]');
    await mfa.getByRole('button', { name: 'Turn on Authenticator app' }).click();
    secret = (await mfa.locator('.crk-secret__value').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    registerSecret(secret);
    await screenshot(page, 'totp-setup');
    await mfa.getByLabel('Code', { exact: true }).fill(await totpCode(secret));
    await mfa.getByRole('button', { name: 'Confirm' }).click();
    await mfa.getByText('Your authenticator app is set up.').waitFor();
    await mfa.getByRole('button', { name: 'Make Authenticator app preferred' }).click();
    await mfa.getByText('Authenticator app is now preferred.').waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    // Sign in again with the custom form: password, then a TOTP code.
    const form = custom(page);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(newPassword);
    await form.getByRole('button', { name: 'Sign in (custom form)' }).click();
    await form.getByLabel('Authenticator code').fill(await totpCode(secret));
    await screenshot(page, 'custom-totp');
    await form.getByRole('button', { name: 'Verify code' }).click();
    await signedIn(page).waitFor();
    // cognito-local has no GlobalSignOut: the page says so and the user stays signed in (docs/demo.md).
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.locator('section[aria-labelledby="sign-out-heading"] [role="alert"]').waitFor();
    expect(await signedIn(page).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    // Hosted UI: cognito-local's login page, back to /callback, signed in; sign-out leaves through /logout.
    await page.getByRole('button', { name: 'Sign in with the hosted UI' }).click();
    await page.waitForURL((url) => url.pathname === '/oauth2/authorize');
    await page.locator('input[name="username"]').fill(email);
    await page.locator('input[name="password"]').fill(newPassword);
    await screenshot(page, 'hosted-ui');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    await signedIn(page).waitFor();
    expect(new URL(page.url()).search).toBe(''); // code and state removed from the address bar
    await screenshot(page, 'hosted-ui-signed-in');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(demo.url);
    await dropIn(page).getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    await screenshot(page, 'signed-out');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('keeps the pool and its users across a restart of the script', async () => {
    await stack?.stop();
    const demo = await start();
    expect(demo.output()).toMatch(/cognito-local: \S+ \(user pool local_\w+, reused;/);
    const page = await openPage(demo.url);
    const form = custom(page);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(newPassword);
    await form.getByRole('button', { name: 'Sign in (custom form)' }).click();
    // TOTP is still on for this user: the data folder kept it.
    await form.getByLabel('Authenticator code').fill(await totpCode(secret));
    await form.getByRole('button', { name: 'Verify code' }).click();
    await signedIn(page).waitFor();
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
