import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CognitoBackend } from '../backend/backend';
import { strongPassword } from '../backend/harness';
import { startBackend } from '../backend/index';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

interface PageConfig {
  userPoolId: string;
  userPoolWebClientId: string;
  endpoint: string;
}
type Outcome<T> = { ok: T } | { error: { name: string; message: string; source: string } };
/** What passkeyPage/main.js puts on `window`. */
interface PageApi {
  registerPasskey(config: PageConfig, username: string, password: string): Promise<Outcome<{ credentialId: string; relyingPartyId: string }[]>>;
  signInWithPasskey(config: PageConfig, username: string): Promise<Outcome<{ first: { nextStep: { availableChallenges?: string[] } }; status?: string; user?: string }>>;
  deletePasskeys(config: PageConfig): Promise<Outcome<{ deleted: number; left: number }>>;
  signOut(config: PageConfig): Promise<Outcome<void>>;
}

interface PasskeyTab {
  tab: Page;
  /** Opens the page at `siteUrl` on `host`; the tab's authenticator (and its passkeys) stays across origins. */
  open(siteUrl: string, host: string): Promise<void>;
  setUserVerified(verified: boolean): Promise<void>;
}

/** A tab with a virtual platform authenticator (user verification on, presence simulated). */
async function passkeyTab(browser: Browser): Promise<PasskeyTab> {
  const tab = await browser.newPage();
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    tab,
    async open(siteUrl, host) {
      // A passkey's relying party must be a domain, never an IP: the page is opened on `localhost`.
      await tab.goto(siteUrl.replace('127.0.0.1', host));
      await tab.waitForFunction(() => typeof (window as unknown as PageApi).registerPasskey === 'function');
    },
    async setUserVerified(verified) {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: verified });
    },
  };
}

// The built engine's default passkey client (navigator.credentials) in Chromium, with the DevTools
// protocol's virtual authenticator, against the test backend that verifies every WebAuthn signature.
describe('passkeys in a real browser', () => {
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let otherSite: { url: string; close(): Promise<void> };
  let running: { backend: CognitoBackend; url: string; close(): Promise<void> };
  let browser: Browser;
  let config: PageConfig;

  beforeAll(async () => {
    site = await servePage(resolve(__dirname, 'passkeyPage'));
    otherSite = await servePage(resolve(__dirname, 'passkeyPage'));
    const origin = new URL(site.url.replace('127.0.0.1', 'localhost')).origin;
    running = await startBackend({ deviceTracking: false, allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'], webAuthn: { relyingPartyId: 'localhost', origins: [origin] } });
    const backend = running.backend;
    registerSecretSource(() => backend.secrets());
    config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: running.url };
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await otherSite?.close();
    await running?.close();
  });

  it('registers a passkey while signed in, signs in with it, deletes it, and is then refused it', async () => {
    const { backend } = running;
    await backend.createUser({ username: 'pia', password, attributes: { email: 'pia@example.com' } });
    const { tab, open } = await passkeyTab(browser);
    await open(site.url, 'localhost');

    const registered = await tab.evaluate(([c, p]) => (window as unknown as PageApi).registerPasskey(c, 'pia', p), [config, password] as const);
    expect(registered).toEqual({ ok: [expect.objectContaining({ relyingPartyId: 'localhost', authenticatorTransports: ['internal'] })] });
    expect(backend.getUser('pia')?.passkeys).toHaveLength(1);

    backend.resetCounts();
    const signedIn = await tab.evaluate((c) => (window as unknown as PageApi).signInWithPasskey(c, 'pia'), config);
    expect(signedIn).toMatchObject({ ok: { first: { nextStep: { availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'] } }, status: 'signedIn', user: 'pia' } });
    expect(backend.count('RespondToAuthChallenge')).toBe(2);

    expect(await tab.evaluate((c) => (window as unknown as PageApi).deletePasskeys(c), config)).toEqual({ ok: { deleted: 1, left: 0 } });
    const refused = await tab.evaluate((c) => (window as unknown as PageApi).signInWithPasskey(c, 'pia'), config);
    // No passkey left: WEB_AUTHN is no longer offered, so nothing can answer with the deleted one.
    expect(refused).toMatchObject({ ok: { first: { nextStep: { availableChallenges: ['PASSWORD', 'PASSWORD_SRP'] } } } });
    expect(refused).not.toHaveProperty('ok.status');
    await tab.close();
  });

  it('a passkey used from another origin is refused by Cognito; an IP origin cannot use a localhost passkey; no user verification is PasskeyCanceled', async () => {
    const { backend } = running;
    await backend.createUser({ username: 'rex', password, attributes: { email: 'rex@example.com' } });
    const { tab, open, setUserVerified } = await passkeyTab(browser);
    await open(site.url, 'localhost');
    expect(await tab.evaluate(([c, p]) => (window as unknown as PageApi).registerPasskey(c, 'rex', p), [config, password] as const)).toHaveProperty('ok');
    const attempt = () => tab.evaluate((c) => (window as unknown as PageApi).signInWithPasskey(c, 'rex'), config);

    // Same relying party (localhost), another origin (port): the browser signs, the backend refuses the origin.
    await open(otherSite.url, 'localhost');
    expect(await attempt()).toMatchObject({ error: { name: 'WebAuthnOriginNotAllowedException' } });

    // An IP address is not a domain the relying party `localhost` may be used from: the browser refuses.
    await open(site.url, '127.0.0.1');
    expect(await attempt()).toMatchObject({ error: { name: 'RelyingPartyMismatch', source: 'confirmSignIn' } });

    // The authenticator cannot verify the user, and the pool requires it: the browser gives up as if cancelled.
    await open(site.url, 'localhost');
    await setUserVerified(false);
    expect(await attempt()).toMatchObject({ error: { name: 'PasskeyCanceled', source: 'confirmSignIn' } });
    await setUserVerified(true);
    expect(await attempt()).toMatchObject({ ok: { status: 'signedIn', user: 'rex' } });
    await tab.close();
  });
});
