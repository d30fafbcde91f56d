import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { startBackend, type CognitoBackend } from '../backend/index';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';
import { hostedUiPageConfig } from './hostedUiPageConfig';

/** What isolationPage/main.js puts on `window`. */
interface PageApi {
  setUp(config: object): void;
  signIn(username: string, password: string): Promise<{ result: unknown; status: string; workers: number; pageFetches: number }>;
  refresh(): Promise<{ changed?: boolean; pageFetches?: number; error?: { name: string } }>;
  signOut(): Promise<{ handle: string; status: string }>;
  askWorker(url: string, target: string, body: object): Promise<{ status?: number; text?: string; failed?: string }>;
  whereReadable(needles: string[]): Promise<{ scanned: number; hits: string[][] }>;
  engineStatus(): string;
  startHostedUi(): Promise<void>;
  hostedUiOutcome: Promise<{ result?: unknown; status?: string; pageFetches?: string[]; error?: unknown } | null>;
  lastSession: { refreshToken: string; accessToken: string };
}
const api = (tab: Page) => ({
  call: <K extends keyof PageApi>(name: K, ...args: unknown[]) =>
    tab.evaluate(([n, a]) => ((window as unknown as Record<string, (...x: unknown[]) => unknown>)[n as string]!(...(a as unknown[]))), [name, args] as const) as Promise<
      PageApi[K] extends (...x: never[]) => infer R ? Awaited<R> : never
    >,
});

/** The refresh tokens a backend issued (Cognito-shaped: five dot-separated parts; JWTs have three). */
const issuedRefreshTokens = (backend: CognitoBackend) => backend.secrets().filter((secret) => secret.split('.').length === 5);

// tokenIsolation: 'worker' with the built package in Chromium, against the test backend over loopback.
let site: { url: string; close(): Promise<void> };
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([servePage(resolve(__dirname, 'isolationPage')), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("tokenIsolation: 'worker' in a real browser", () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  // A server no request may reach: the "attacker's" URL.
  let foreign: Server;
  let foreignHits = 0;

  beforeAll(async () => {
    foreign = createServer((_, response) => {
      foreignHits += 1;
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' }).end('{}');
    });
    await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
  }, 120_000);

  afterAll(async () => {
    await new Promise((done) => foreign?.close(done));
  });

  it('keeps the refresh token out of every page-readable place, refreshes through the worker, refuses foreign URLs and forgets on sign-out', async () => {
    const { backend, url } = running();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url };
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(site.url);
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).setUp === 'function');
    const page = api(tab);
    await page.call('setUp', config);

    const signedIn = await page.call('signIn', 'ada', password);
    expect(signedIn).toMatchObject({ result: { isSignedIn: true }, status: 'signedIn', workers: 1 });
    // Every Cognito request went through the worker: the page's own fetch saw none.
    expect(signedIn.pageFetches).toBe(0);
    const [refreshToken] = issuedRefreshTokens(backend);
    expect(refreshToken).toBeDefined();
    const handle = await tab.evaluate(() => (window as unknown as PageApi).lastSession.refreshToken);
    expect(handle).toMatch(/^isolated-refresh-token\.[0-9a-f]{48}$/);

    // The handle is found (the scan reaches the engine's session), the refresh token nowhere.
    const before = await page.call('whereReadable', [refreshToken!, handle]);
    expect(before.scanned).toBeGreaterThan(500);
    expect(before.hits[0]).toEqual([]);
    expect(before.hits[1]).toEqual(expect.arrayContaining(['window.lastSession.refreshToken', 'currentSession()']));
    expect(before.hits[1]!.some((path) => path.startsWith('localStorage') || path.startsWith('sessionStorage') || path.startsWith('indexedDB'))).toBe(false);

    backend.resetCounts();
    const refreshed = await page.call('refresh');
    expect(refreshed).toEqual({ changed: true, pageFetches: 0 });
    expect(backend.requests()).toEqual([expect.objectContaining({ operation: 'InitiateAuth', input: expect.objectContaining({ AuthParameters: { REFRESH_TOKEN: refreshToken } }) })]);

    // A page script that holds the worker cannot send the token elsewhere: refused, nothing sent.
    const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
    const refresh = { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: backend.config.clientId, AuthParameters: { REFRESH_TOKEN: handle } };
    expect(await page.call('askWorker', foreignUrl, 'InitiateAuth', refresh)).toMatchObject({ failed: 'refused' });
    expect(await page.call('askWorker', `${url}?x`, 'InitiateAuth', refresh)).toMatchObject({ failed: 'refused' });
    expect(foreignHits).toBe(0);
    // It can have the worker refresh (new access tokens while the page is open: the documented exposure), never see the refresh token.
    const asked = await page.call('askWorker', url, 'InitiateAuth', refresh);
    expect(asked).toMatchObject({ status: 200 });
    expect(asked.text).toContain('AccessToken');
    expect(asked.text).not.toContain(refreshToken);

    // A second tab has a session (and a worker) of its own: no cross-tab sync, no shared lock.
    const other = await browser.newPage();
    await other.goto(site.url);
    await other.waitForFunction(() => typeof (window as unknown as PageApi).setUp === 'function');
    const otherPage = api(other);
    await otherPage.call('setUp', config);
    expect(await otherPage.call('engineStatus')).toBe('signedOut');
    expect(await otherPage.call('signIn', 'ada', password)).toMatchObject({ status: 'signedIn', workers: 1 });

    backend.resetCounts();
    expect(await page.call('signOut')).toEqual({ handle, status: 'signedOut' });
    expect(backend.requests().map((r) => r.operation)).toEqual(['RevokeToken']);
    expect(backend.requests()[0]!.input).toMatchObject({ Token: refreshToken });
    // The worker forgot it: the handle now reaches Cognito as it is, and is refused there.
    backend.resetCounts();
    const afterSignOut = await page.call('askWorker', url, 'InitiateAuth', refresh);
    expect(afterSignOut).toMatchObject({ status: 400 });
    expect(afterSignOut.text).toContain('NotAuthorizedException');
    expect(backend.requests()[0]!.input).toMatchObject({ AuthParameters: { REFRESH_TOKEN: handle } });
    // The other tab is still signed in, and refreshes with its own token.
    expect(await otherPage.call('engineStatus')).toBe('signedIn');
    expect(await otherPage.call('refresh')).toEqual({ changed: true, pageFetches: 0 });
    expect(issuedRefreshTokens(backend)).toHaveLength(2);
    expect(pageErrors).toEqual([]);
    await Promise.all([tab.close(), other.close()]);
  }, 60_000);

  it('a Content-Security-Policy that forbids the worker: sign-in fails typed (TokenIsolationUnavailable, naming worker-src), and nothing goes out through the page', async () => {
    const { backend, url } = running();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url };
    const tab = await browser.newPage();
    const violations: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
    // The app's server sends the header; the page is otherwise the same.
    await tab.route(site.url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" } });
    });
    await tab.goto(site.url);
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).setUp === 'function');
    await api(tab).call('setUp', config);
    backend.resetCounts();

    const outcome = await tab.evaluate(
      ([user, secret]) =>
        (window as unknown as { auth: { signIn(u: string, p: string): Promise<unknown> } }).auth.signIn(user!, secret!).then(
          () => null,
          (error: Error & { source?: string }) => ({ name: error.name, source: error.source, message: error.message }),
        ),
      ['ada', password],
    );
    expect(outcome).toMatchObject({ name: 'TokenIsolationUnavailable', message: expect.stringContaining('worker-src blob:') });
    // No fallback to the page's own fetch: neither the password nor any request left the page.
    expect(backend.requests()).toEqual([]);
    expect(await api(tab).call('engineStatus')).toBe('signedOut');
    expect(violations.some((text) => text.includes('Content Security Policy'))).toBe(true);
    await tab.close();
  }, 60_000);
});

describe("tokenIsolation: 'worker' with the hosted UI", () => {
  const password = strongPassword();
  registerSecret(password);
  let server: { backend: CognitoBackend; url: string; close(): Promise<void> };

  beforeAll(async () => {
    // After the file's beforeAll: the backend needs the page's callback URL.
    server = await startBackend({ deviceTracking: false, oauth: { callbackUrls: [`${site.url}callback`], logoutUrls: [site.url] } });
    registerSecretSource(() => server.backend.secrets());
    await server.backend.createUser({ username: 'hiro', password });
  }, 60_000);
  afterAll(() => server?.close());

  it('exchanges the code through the worker: the page gets a handle, refreshes and revokes work, nothing survives a reload', async () => {
    const { backend } = server;
    const config = hostedUiPageConfig(server, site.url);
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(site.url);
    await tab.evaluate((c) => window.sessionStorage.setItem('isolation-test-config', JSON.stringify(c)), config);
    await tab.reload();
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).startHostedUi === 'function');
    await Promise.all([tab.waitForURL((u) => u.pathname === '/oauth2/authorize'), tab.evaluate(() => (window as unknown as PageApi).startHostedUi())]);
    await tab.getByLabel('Username').fill('hiro');
    await tab.getByLabel('Password').fill(password);
    await Promise.all([tab.waitForURL((u) => u.pathname === '/callback'), tab.getByRole('button', { name: /sign in/i }).click()]);

    const outcome = await tab.evaluate(() => (window as unknown as PageApi).hostedUiOutcome);
    expect(outcome).toMatchObject({ result: { isSignedIn: true }, status: 'signedIn' });
    // The code exchange went through the worker; the page's own fetch only read the pool's signing keys.
    expect(outcome?.pageFetches?.filter((u) => u.includes('/oauth2/'))).toEqual([]);
    expect(backend.count('oauth2/token')).toBe(1);
    const [refreshToken] = issuedRefreshTokens(backend);
    expect(refreshToken).toBeDefined();
    const page = api(tab);
    const readable = await page.call('whereReadable', [refreshToken!]);
    expect(readable.hits[0]).toEqual([]);

    backend.resetCounts();
    expect(await page.call('refresh')).toEqual({ changed: true, pageFetches: 0 });
    expect(backend.requests()).toEqual([expect.objectContaining({ operation: 'InitiateAuth', input: expect.objectContaining({ AuthParameters: { REFRESH_TOKEN: refreshToken } }) })]);

    // Sign-out revokes at /oauth2/revoke through the worker, with the real token, then leaves through /logout.
    backend.resetCounts();
    await Promise.all([
      tab.waitForURL(site.url),
      // Started, not awaited, in the page: sign-out navigates away, which would destroy an awaited evaluation.
      tab.evaluate(() => void (window as unknown as { auth: { signOut(): Promise<void> } }).auth.signOut()),
    ]);
    expect(backend.requests().filter((r) => r.operation === 'oauth2/revoke').map((r) => r.input)).toEqual([expect.objectContaining({ token: refreshToken })]);

    // The cost: a reload starts signed out (the session lived in this page's memory only).
    await tab.reload();
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).engineStatus === 'function');
    await tab.evaluate(() => (window as unknown as PageApi).hostedUiOutcome);
    expect(await page.call('engineStatus')).toBe('signedOut');
    expect(pageErrors).toEqual([]);
    await tab.close();
  }, 60_000);
});
