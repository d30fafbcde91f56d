import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend, type Running } from '../backend/harness';
import { startBackend } from '../backend/index';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';
import { ScreenAudit } from './screenAudit';

const PHONE = '+15555550123';
// The screenshot set (CI artifacts): every state at 320 and 1280 px, light, dark, and right-to-left (Hebrew).
const SHOTS = resolve(__dirname, '../../test-results/screens');
const SHOT_VARIANTS = ['320-light', '320-dark', '1280-light', '1280-dark', '320-rtl', '1280-rtl'];
// Every screen and state audited below, each in the light and the dark theme and right to left at 320 px wide.
const EXPECTED = [
  'signIn', 'signIn+error', 'signUp+rules', 'signUp+error', 'forgotPassword', 'confirmResetPassword',
  'confirmResetPassword+error', 'confirmSignUp', 'confirmSignIn(SMS)', 'confirmSignIn+error', 'selectMfaType',
  'confirmSignIn(TOTP)', 'forceNewPassword', 'verifyUser', 'confirmVerifyUser', 'signedIn', 'customChallenge',
  'modal', 'colorMode=dark', 'selectMfaSetup', 'setupTotp', 'setupEmail', 'selectFirstFactor', 'passkeyPrompt',
  'passkeyPrompt+created', 'accountSettings', 'accountSettings(light app)', 'changePassword+error', 'mfaSettings+totp',
  'deleteUser+confirm',
];

// The built Authenticator and its CSS in Chromium, where axe can measure colour contrast (it cannot
// in jsdom): every screen and state, light and dark theme (`prefers-color-scheme`) and right to left,
// 320 px wide; each also photographed at 1280 px.
describe('Authenticator in Chromium: axe (with colour contrast) and a 320 px layout on every screen, light, dark and right to left', () => {
  const optional = useBackend({ requiredAttributesOnNewPassword: ['name'], customAuth: { rounds: 1, maxAttempts: 3 }, deviceTracking: false });
  const mfaRequired = useBackend({ mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'], deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let s: ScreenAudit;
  let page: Page;
  // Choice-based sign-in, passkeys (for the page's origin, known once it is served), email MFA, tracked devices.
  let passwordlessBackend: (Running & { close(): Promise<void> }) | undefined;
  const passwordless = (): Running => {
    if (!passwordlessBackend) throw new Error('backend not started yet');
    return passwordlessBackend;
  };

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    [site, browser] = await Promise.all([servePage(resolve(__dirname, 'uiPage')), launchChromium()]);
    const backends = () => [optional().url, mfaRequired().url, passwordlessBackend?.url ?? optional().url];
    s = await ScreenAudit.open(browser, site.url, SHOTS, (url) => backends().some((b) => url.startsWith(b)));
    page = s.page;
    passwordlessBackend = await startBackend({
      allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
      mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      webAuthn: { origins: [s.origin] },
    });
    const { backend } = passwordlessBackend;
    registerSecretSource(() => backend.secrets());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await passwordlessBackend?.close();
  });

  const open = (running: Running, config: object = {}, props: object = {}) => s.start(running, config, props);
  const heading = (name: string) => s.heading(name);
  const fill = (label: string, value: string) => s.fill(label, value);
  const press = (name: string) => s.press(name);
  const alert = (text: string) => s.alert(text);
  const audit = (state: string) => s.audit(state);
  const setAppProps = (props: object) => page.evaluate((p) => (window as unknown as { setProps(p: object): void }).setProps(p), props);

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

  it('custom challenge, the modal variation, and the dark colorMode', async () => {
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

  }, 90_000);

  it('MFA set-up when the pool requires it: the choice, the authenticator app, email', async () => {
    const fresh = `new${Math.random().toString(36).slice(2, 8)}`;
    await mfaRequired().backend.createUser({ username: fresh, password, attributes: { email: `${fresh}@example.com`, email_verified: 'true' } });
    await open(mfaRequired());
    await signIn(fresh);
    await heading('Multi-Factor Authentication Setup');
    await audit('selectMfaSetup');
    await page.getByRole('radio', { name: 'Authenticator App (TOTP)' }).check();
    await press('Confirm');
    await heading('Setup TOTP');
    await page.locator('[role="img"][aria-busy="false"]').waitFor();
    await audit('setupTotp');

    // No address yet: the email is asked for.
    const bare = `bar${Math.random().toString(36).slice(2, 8)}`;
    await mfaRequired().backend.createUser({ username: bare, password });
    await open(mfaRequired());
    await signIn(bare);
    await heading('Multi-Factor Authentication Setup');
    await page.getByRole('radio', { name: 'Email Message' }).check();
    await press('Confirm');
    await heading('Setup Email');
    await audit('setupEmail');
  }, 60_000);

  it('choice-based sign-in, the passkey offer after it, and the account settings of the signed-in page', async () => {
    const username = await user(passwordless(), 'pat');
    await open(passwordless(), { authenticationFlowType: 'USER_AUTH' }, { passwordless: { passkeyRegistrationPrompts: true }, accountPage: true });
    await heading('Sign in to your account');
    await fill('Username', username);
    await press('Other sign-in options');
    await heading('Choose how to sign in');
    await audit('selectFirstFactor');
    await press('Sign In with Email');
    await heading('Confirm Email Code');
    await fill('Code *', passwordless().backend.lastCode(username, 'SIGN_IN'));
    await press('Confirm');
    await heading('Sign in faster with Passkey');
    await audit('passkeyPrompt');
    // Chromium's virtual authenticator answers the platform prompt.
    await press('Create a Passkey');
    await heading('Passkey created successfully!');
    await audit('passkeyPrompt+created');
    await press('Continue');

    // The app's page: every account section with Cognito's answers in (one MFA row each, the passkey, this device).
    await heading('Account settings');
    const rows = (section: string) => page.locator(`[data-account="${section}"] .crk-account__item`);
    await rows('passkeys').first().waitFor();
    await rows('devices').first().waitFor();
    await rows('mfa').nth(2).waitFor();
    await audit('accountSettings');
    // An app whose page is light and says nothing of themes: the sections stay light in a dark OS (no light text on its white).
    await setAppProps({ lightApp: true });
    await audit('accountSettings(light app)');
    await setAppProps({ lightApp: false });

    const changePassword = page.locator('[data-account="changePassword"]');
    const next = strongPassword();
    registerSecret(next);
    await changePassword.getByLabel('Current Password', { exact: true }).fill(`${password}x`);
    await changePassword.getByLabel('New Password', { exact: true }).fill(next);
    await changePassword.getByLabel('Confirm Password', { exact: true }).fill(next);
    await press('Update password');
    await changePassword.getByRole('alert').first().waitFor();
    await audit('changePassword+error');

    await press('Turn on Authenticator app');
    await page.locator('[data-account="mfa"] [role="img"][aria-busy="false"]').waitFor();
    await audit('mfaSettings+totp');
    await press('Cancel');

    await press('Delete Account');
    await page.getByRole('group', { name: 'Delete Account' }).waitFor();
    await audit('deleteUser+confirm');
  }, 90_000);

  it('found no axe violation (colour contrast included) and no sideways scrolling in any of them, and photographed each', () => {
    const { audits, pageErrors } = s;
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
