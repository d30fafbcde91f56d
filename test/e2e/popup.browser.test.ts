import { resolve } from 'node:path';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { startBackend, type CognitoBackend } from '../backend/index';
import { serveDirectory } from '../support/staticServer';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { CHROMIUM_PATH } from './chromium';
import { servePage } from './pageServer';
import { hostedUiPageConfig } from './hostedUiPageConfig';

interface Outcome {
  result?: unknown;
  error?: { name: string; source: string };
  state: { status: string; user: { username: string } | null; error: { name: string } | null };
  href: string;
}
interface PopupPage {
  popupPage: { events: string[]; loadedAt: string; messages: { origin: string; fromSelf: boolean }[]; outcome: 'pending' | Outcome | undefined };
  popupOptions?: { timeoutMs: number };
  postFromSameOriginFrame(message: unknown): void;
  frameForeignPage(url: string, message: unknown): void;
}
const MESSAGE = 'cognito-react-kit:oauth-callback';

// Popup sign-in in Chromium with its popup blocker on (Playwright turns it off by default): the hosted
// UI in a real popup window, the app's own page as the redirect page inside it, real postMessage.
describe('hosted UI sign-in in a popup, in Chromium', () => {
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let uiSite: { url: string; close(): Promise<void> };
  let lazySite: { url: string; close(): Promise<void> };
  let foreign: { url: string; close(): Promise<void> };
  let server: { backend: CognitoBackend; url: string; close(): Promise<void> };
  let browser: Browser;
  let flowKey: string;

  beforeAll(async () => {
    site = await servePage(resolve(__dirname, 'popupPage'));
    uiSite = await servePage(resolve(__dirname, 'popupUiPage'));
    lazySite = await servePage(resolve(__dirname, 'lazyPage'));
    foreign = await serveDirectory(resolve(__dirname, 'popupPage/foreign'));
    server = await startBackend({ deviceTracking: false, oauth: { callbackUrls: [`${site.url}callback`, `${uiSite.url}callback`, `${lazySite.url}callback`], logoutUrls: [site.url, uiSite.url, lazySite.url] } });
    registerSecretSource(() => server.backend.secrets());
    await server.backend.createUser({ username: 'mina', password, attributes: { email: 'mina@example.com' } });
    flowKey = `CognitoReactKit.${server.backend.config.clientId}.oauthFlow`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      ignoreDefaultArgs: ['--disable-popup-blocking'],
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await foreign?.close();
    await uiSite?.close();
    await lazySite?.close();
    await site?.close();
  });

  /** A fresh context (own storage), the app's page with the config stored, ready to sign in. */
  async function openApp(path = ''): Promise<{ tab: Page; pageErrors: string[]; close(): Promise<void> }> {
    const config = hostedUiPageConfig(server, site.url);
    const context = await browser.newContext();
    const tab = await context.newPage();
    const pageErrors: string[] = [];
    context.on('weberror', (error) => pageErrors.push(error.error().message));
    await tab.goto(site.url);
    await tab.evaluate((c) => window.localStorage.setItem('popup-config', JSON.stringify(c)), config);
    await tab.goto(`${site.url}${path}`);
    await tab.waitForFunction(() => (window as unknown as PopupPage).popupPage !== undefined);
    return { tab, pageErrors, close: () => context.close() };
  }

  async function clickForPopup(tab: Page): Promise<Page> {
    const [popup] = await Promise.all([tab.waitForEvent('popup'), tab.getByRole('button', { name: 'Sign in with a popup' }).click()]);
    await popup.waitForURL((u) => u.pathname === '/oauth2/authorize');
    return popup;
  }

  const outcome = async (tab: Page): Promise<Outcome> => {
    await tab.waitForFunction(() => typeof (window as unknown as PopupPage).popupPage.outcome === 'object');
    return tab.evaluate(() => (window as unknown as PopupPage).popupPage.outcome as Outcome);
  };

  it('signs in through the popup: the user types there, the opener exchanges the code and never navigates', async () => {
    const { backend } = server;
    const tokensBefore = backend.count('oauth2/token');
    const { tab, pageErrors, close } = await openApp();
    const popup = await clickForPopup(tab);
    const state = new URL(popup.url()).searchParams.get('state') ?? '';
    expect(state.startsWith('popup.')).toBe(true);

    await popup.getByLabel('Username').fill('mina');
    await popup.getByLabel('Password').fill(password);
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Sign in' }).click()]);

    expect(await outcome(tab)).toMatchObject({
      result: { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      state: { status: 'signedIn', user: { username: 'mina' }, error: null },
      href: site.url,
    });
    const page = await tab.evaluate(() => (window as unknown as PopupPage).popupPage);
    // Same events as the redirect flow, on the page that never left (same document: its load-time URL is the start page).
    expect(page.events.filter((event) => event !== 'configured')).toEqual(['signIn', 'cognitoHostedUI', 'customOAuthState']);
    expect(page.loadedAt).toBe(site.url);
    // One exchange: the opener's. The engine in the popup only relayed (it also shares this localStorage,
    // so an exchange there would have shown as a second token request or a used-up code here).
    expect(backend.count('oauth2/token') - tokensBefore).toBe(1);
    expect(await tab.evaluate((key) => window.sessionStorage.getItem(key), flowKey)).toBeNull();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('refuses forged answers (another origin, a same-origin window that is not the popup), then takes the real one', async () => {
    const { backend } = server;
    const tokensBefore = backend.count('oauth2/token');
    const { tab, close } = await openApp();
    const popup = await clickForPopup(tab);
    const state = new URL(popup.url()).searchParams.get('state') ?? '';
    // The worst case: the forger knows the pending state (and a code of its own choosing).
    const forged = { type: MESSAGE, url: `${site.url}callback?code=forged-code&state=${encodeURIComponent(state)}` };

    await tab.evaluate(([url, message]) => (window as unknown as PopupPage).frameForeignPage(url, message), [`${foreign.url}forge.html`, forged] as const);
    await tab.evaluate((message) => (window as unknown as PopupPage).postFromSameOriginFrame(message), forged);
    await tab.evaluate((message) => window.postMessage(message, window.location.origin), forged);
    // The popup itself, while on the hosted UI's origin, holds a handle on the opener too.
    await popup.evaluate((message) => window.opener.postMessage(message, '*'), forged);
    await tab.waitForFunction(() => (window as unknown as PopupPage).popupPage.messages.length === 4);
    const seen = await tab.evaluate(() => (window as unknown as PopupPage).popupPage.messages);
    expect(seen.filter((m) => m.origin === new URL(site.url).origin)).toHaveLength(2);

    // Judged and refused: no exchange, nothing changed, the sign-in still waits for its answer.
    expect(backend.count('oauth2/token')).toBe(tokensBefore);
    expect(await tab.evaluate(() => (window as unknown as PopupPage).popupPage.outcome)).toBe('pending');
    expect(await tab.evaluate(() => (window as unknown as PopupPage).popupPage.events.filter((e) => e !== 'configured'))).toEqual([]);
    expect(JSON.parse((await tab.evaluate((key) => window.sessionStorage.getItem(key), flowKey)) ?? '{}')).toMatchObject({ state });

    await popup.getByLabel('Username').fill('mina');
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    expect(await outcome(tab)).toMatchObject({ result: { isSignedIn: true }, state: { status: 'signedIn', user: { username: 'mina' } } });
    expect(backend.count('oauth2/token') - tokensBefore).toBe(1);
    await close();
  });

  it('a popup the user closes: OAuthPopupClosed, nothing left pending', async () => {
    const { tab, close } = await openApp();
    const popup = await clickForPopup(tab);
    await popup.close();
    expect(await outcome(tab)).toMatchObject({ error: { name: 'OAuthPopupClosed', source: 'federatedSignIn' }, state: { status: 'signedOut' } });
    expect(await tab.evaluate((key) => window.sessionStorage.getItem(key), flowKey)).toBeNull();
    expect(await tab.evaluate(() => (window as unknown as PopupPage).popupPage.events)).toContain('signIn_failure');
    await close();
  });

  it('no answer in time: OAuthPopupTimeout, and the popup is closed', async () => {
    const { tab, close } = await openApp();
    await tab.evaluate(() => {
      (window as unknown as PopupPage).popupOptions = { timeoutMs: 1500 };
    });
    const popup = await clickForPopup(tab);
    await popup.waitForEvent('close');
    expect(await outcome(tab)).toMatchObject({ error: { name: 'OAuthPopupTimeout', source: 'federatedSignIn' }, state: { status: 'signedOut' } });
    expect(await tab.evaluate((key) => window.sessionStorage.getItem(key), flowKey)).toBeNull();
    await close();
  });

  it('not started by a click, the blocked popup is a typed OAuthPopupBlocked', async () => {
    const { tab, close } = await openApp('?withoutClick');
    expect(await outcome(tab)).toMatchObject({ error: { name: 'OAuthPopupBlocked', source: 'federatedSignIn' }, state: { status: 'signedOut' } });
    expect(tab.context().pages()).toHaveLength(1);
    expect(await tab.evaluate((key) => window.sessionStorage.getItem(key), flowKey)).toBeNull();
    await close();
  });

  describe('<Authenticator socialProviders socialPopup>', () => {
    /** The pool's config with the hosted UI coming back to `appUrl`. */
    function configFor(appUrl: string) {
      const { backend, url } = server;
      return {
        userPoolId: backend.config.userPoolId,
        userPoolWebClientId: backend.config.clientId,
        endpoint: url,
        oauth: { domain: new URL(url).host, redirectSignIn: `${appUrl}callback`, redirectSignOut: appUrl },
      };
    }

    async function openAuthenticator(): Promise<{ tab: Page; close(): Promise<void> }> {
      const config = configFor(uiSite.url);
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(uiSite.url);
      await tab.evaluate((c) => window.localStorage.setItem('popup-ui', JSON.stringify({ config: c, props: { socialProviders: ['google'], socialPopup: { timeoutMs: 60_000 } } })), config);
      await tab.reload();
      return { tab, close: () => context.close() };
    }

    it('a social button signs in through the popup: the Authenticator shows the user, the page never left', async () => {
      const { tab, close } = await openAuthenticator();
      const [popup] = await Promise.all([tab.waitForEvent('popup'), tab.getByRole('button', { name: 'Sign In with Google' }).click()]);
      await popup.getByLabel('Google email').fill('kenji@example.com');
      await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Continue as Google user' }).click()]);
      await tab.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await tab.evaluate(() => [(window as unknown as { loadedAt: string }).loadedAt, window.location.href])).toEqual([uiSite.url, uiSite.url]);
      await close();
    });

    /** The Authenticator under <LazyAuthProvider>, each request for the engine's chunk going through `onChunk`. */
    async function openLazyAuthenticator(onChunk: (route: Route) => Promise<void>): Promise<{ tab: Page; close(): Promise<void> }> {
      const config = configFor(lazySite.url);
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(lazySite.url);
      await tab.evaluate((c) => {
        window.localStorage.setItem('lazy-config', JSON.stringify(c));
        window.localStorage.setItem('lazy-props', JSON.stringify({ socialProviders: ['google'], socialPopup: { timeoutMs: 60_000 } }));
      }, config);
      await context.route(/\/assets\/auth-[\w-]+\.js$/, onChunk);
      await tab.reload();
      await tab.getByRole('button', { name: 'Sign In with Google' }).waitFor();
      return { tab, close: () => context.close() };
    }

    it("under <LazyAuthProvider>, a click before the engine's code arrived opens the popup all the same (in the click's task), then signs in", async () => {
      // The engine's chunk is held until the button was clicked: without the stand-in opening the popup
      // itself, the engine would open it after the click's task, and the popup blocker would refuse it.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let requested = false;
      const { tab, close } = await openLazyAuthenticator(async (route) => {
        requested = true;
        await held;
        await route.continue();
      });
      await expect.poll(() => requested).toBe(true);
      const [popup] = await Promise.all([tab.waitForEvent('popup'), tab.getByRole('button', { name: 'Sign In with Google' }).click()]);
      release();
      await popup.getByLabel('Google email').fill('lena@example.com');
      await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Continue as Google user' }).click()]);
      await tab.getByRole('button', { name: /^Sign out / }).waitFor();
      expect(await tab.evaluate(() => [(window as unknown as { loadedAt: string }).loadedAt, window.location.href])).toEqual([lazySite.url, lazySite.url]);
      await close();
    });

    it('under <LazyAuthProvider>, an engine chunk that fails to load closes the popup it opened and says so; the next click loads it and signs in', async () => {
      let failing = true;
      const { tab, close } = await openLazyAuthenticator((route) => (failing ? route.abort('internetdisconnected') : route.continue()));
      await tab.getByLabel('Username').fill('typed-before');
      const [first] = await Promise.all([tab.waitForEvent('popup'), tab.getByRole('button', { name: 'Sign In with Google' }).click()]);
      // Polled, not awaited as an event: the popup may already be closed by the time a listener is attached.
      await expect.poll(() => first.isClosed()).toBe(true);
      await tab.getByRole('alert').waitFor();
      expect(await tab.getByLabel('Username').inputValue()).toBe('typed-before');
      failing = false;
      const [popup] = await Promise.all([tab.waitForEvent('popup'), tab.getByRole('button', { name: 'Sign In with Google' }).click()]);
      await popup.getByLabel('Google email').fill('omar@example.com');
      await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Continue as Google user' }).click()]);
      await tab.getByRole('button', { name: /^Sign out / }).waitFor();
      await close();
    });

    it('a popup closed before the end: the translated error shows, and what the user typed stays', async () => {
      const { tab, close } = await openAuthenticator();
      await tab.getByLabel('Username').fill('typed-before');
      const [popup] = await Promise.all([tab.waitForEvent('popup'), tab.getByRole('button', { name: 'Sign In with Google' }).click()]);
      await popup.close();
      await expect.poll(() => tab.getByRole('alert').textContent()).toBe('The sign-in window was closed before sign-in finished.');
      expect(await tab.getByLabel('Username').inputValue()).toBe('typed-before');
      expect(await tab.getByRole('button', { name: 'Sign In with Google' }).isEnabled()).toBe(true);
      await close();
    });
  });
});
