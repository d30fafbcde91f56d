import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIT_DEMO_USERS } from '../../demo/server/kitBackend';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { launchChromium } from './chromium';
import { freePorts, startDemo, type DemoStack } from './demoStack';

// `npm run demo -- --server kit`: the demo on the project's test backend, driven in Chromium through
// what cognito-local cannot show: choice-based sign-in (USER_AUTH) with an emailed code, a passkey
// made in the account page (DevTools' virtual authenticator) then used to sign in, a texted code, and email MFA
// after a password, with the codes read from what the script printed; then the hosted UI.
describe('npm run demo -- --server kit, in Chromium', () => {
  const [plain, withMfa] = KIT_DEMO_USERS as [(typeof KIT_DEMO_USERS)[number], (typeof KIT_DEMO_USERS)[number]];
  registerSecret(plain.password);
  let dataDir: string;
  let stack: DemoStack | undefined;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'crk-demo-kit-'));
    const [appPort, cognitoPort] = (await freePorts(2)) as [number, number];
    [stack, browser] = await Promise.all([startDemo({ appPort, cognitoPort, dataDir, server: 'kit' }), launchChromium()]);
    const running = stack;
    registerSecretSource(() => running.codes().map((c) => c.code));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  const openPage = async (url: string) => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  };
  const dropIn = (page: Page): Locator => page.locator('section[aria-labelledby="drop-in-heading"]');
  /** Waits for `shown`; when it never comes, the error says what the drop-in Authenticator showed instead. */
  const expectShown = async (shown: Locator, authenticator: Locator): Promise<void> => {
    try {
      await shown.waitFor({ timeout: 20_000 });
    } catch (error) {
      const text = await authenticator.innerText({ timeout: 1_000 }).catch(() => '(unreadable)');
      throw new Error(`${(error as Error).message}\nThe drop-in Authenticator showed instead:\n${text}`, { cause: error });
    }
  };
  const signedIn = (page: Page, email: string) => page.getByRole('heading', { name: `Signed in as ${email}` });
  /**
   * Signs out and waits for the sign-in form: the account page has its own "Email" field, so filling
   * "Email" before the form is back could type into the page that is going away.
   */
  const signOut = async (page: Page) => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await dropIn(page).getByRole('heading', { name: 'Sign in to your account' }).waitFor();
  };

  /** A virtual platform authenticator on the page (user verification on, presence simulated). */
  const addAuthenticator = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
  };

  it('serves the app on localhost, prints the seeded users, signs in by choice with an emailed code, a passkey made there, and a texted code', async () => {
    const demo = stack!;
    expect(new URL(demo.url).hostname).toBe('localhost');
    expect(demo.output()).toContain(`${plain.email} / ${plain.password}`);
    expect(demo.output()).toMatch(/test backend: http:\/\/127\.0\.0\.1:\d+\/ \(user pool us-east-1_DemoKit01;/);
    const page = await openPage(demo.url);
    await addAuthenticator(page);
    await page.getByText('Auth server: the test backend at').waitFor();

    const authenticator = dropIn(page);
    await authenticator.getByLabel('Email', { exact: true }).fill(plain.email);
    await authenticator.getByRole('button', { name: 'Other sign-in options' }).click();
    await authenticator.getByRole('heading', { name: 'Choose how to sign in' }).waitFor();
    const seen = demo.codes().length;
    await authenticator.getByRole('button', { name: 'Sign In with Email' }).click();
    await authenticator.getByRole('textbox', { name: 'Code *' }).fill(await demo.nextCode(plain.email, 'SIGN_IN', seen));
    await authenticator.getByRole('button', { name: 'Confirm' }).click();
    // No passkey yet: the Authenticator offers one (passwordless.passkeyRegistrationPrompts), made by Chromium's virtual authenticator.
    await authenticator.getByRole('heading', { name: 'Sign in faster with Passkey' }).waitFor();
    await authenticator.getByRole('button', { name: 'Create a Passkey' }).click();
    await authenticator.getByRole('heading', { name: 'Passkey created successfully!' }).waitFor();
    await authenticator.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page, plain.email).waitFor();
    // <AccountSettings.PasskeySettings> lists it.
    await expect.poll(() => page.locator('[data-account="passkeys"] li').count(), { timeout: 10_000 }).toBe(1);
    await signOut(page);

    await authenticator.getByLabel('Email', { exact: true }).fill(plain.email);
    await authenticator.getByRole('button', { name: 'Other sign-in options' }).click();
    await expectShown(authenticator.getByRole('heading', { name: 'Choose how to sign in' }), authenticator);
    await expectShown(authenticator.getByRole('button', { name: 'Sign In with Passkey' }), authenticator);
    await authenticator.getByRole('button', { name: 'Sign In with Passkey' }).click();
    await signedIn(page, plain.email).waitFor();
    await signOut(page);

    // A texted code goes to the seeded phone number, printed like the emailed one.
    await authenticator.getByLabel('Email', { exact: true }).fill(plain.email);
    await authenticator.getByRole('button', { name: 'Other sign-in options' }).click();
    await expectShown(authenticator.getByRole('heading', { name: 'Choose how to sign in' }), authenticator);
    await expectShown(authenticator.getByRole('button', { name: 'Sign In with SMS' }), authenticator);
    await authenticator.getByRole('button', { name: 'Sign In with SMS' }).click();
    await authenticator.getByRole('heading', { name: 'Confirm SMS Code' }).waitFor();
    // "Resend Code": a new code for the same factor, printed like the first.
    const seenSms = demo.codes().length;
    await authenticator.getByRole('button', { name: 'Resend Code' }).click();
    await authenticator.getByText('A new code is on its way.').waitFor();
    await authenticator.getByRole('textbox', { name: 'Code *' }).fill(await demo.nextCode(plain.phone, 'SIGN_IN', seenSms));
    await authenticator.getByRole('button', { name: 'Confirm' }).click();
    await signedIn(page, plain.email).waitFor();
    await signOut(page);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('asks the MFA user for the code emailed after the password, and signs in through the hosted UI', async () => {
    const demo = stack!;
    const page = await openPage(demo.url);
    const authenticator = dropIn(page);
    await authenticator.getByLabel('Email', { exact: true }).fill(withMfa.email);
    await authenticator.getByLabel('Password', { exact: true }).fill(withMfa.password);
    const seen = demo.codes().length;
    await authenticator.getByRole('button', { name: 'Sign in', exact: true }).click();
    await authenticator.getByRole('heading', { name: 'Confirm Email Code' }).waitFor();
    // An MFA code cannot be sent again without the password: no "Resend Code" here.
    expect(await authenticator.getByRole('button', { name: 'Resend Code' }).count()).toBe(0);
    await authenticator.getByRole('textbox', { name: 'Code *' }).fill(await demo.nextCode(withMfa.email, 'MFA', seen));
    await authenticator.getByRole('button', { name: 'Confirm' }).click();
    await authenticator.getByRole('heading', { name: 'Sign in faster with Passkey' }).waitFor();
    await authenticator.getByRole('button', { name: 'Continue without a Passkey' }).click();
    await signedIn(page, withMfa.email).waitFor();
    await signOut(page);

    // The hosted UI: the backend's stand-in page, back to /callback, signed in.
    await page.getByRole('button', { name: 'Sign in with the hosted UI' }).click();
    await page.waitForURL((url) => url.pathname === '/login' || url.pathname === '/oauth2/authorize');
    await page.locator('input[name="username"]').fill(plain.email);
    await page.locator('input[name="password"]').fill(plain.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    await signedIn(page, plain.email).waitFor();
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
