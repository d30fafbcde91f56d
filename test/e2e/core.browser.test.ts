import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';

interface PageConfig {
  userPoolId: string;
  userPoolWebClientId: string;
  endpoint: string;
}
/** What coreBrowser/main.js puts on `window`. */
interface PageApi {
  runSignIn(config: PageConfig, username: string, password: string): Promise<unknown>;
  restore(config: PageConfig): unknown;
}

// The same engine code that runs in Node, bundled by Vite with default settings and run in Chromium
// against the test backend (cross-origin, so CORS is exercised too).
describe('the core engine in a real browser', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let outDir: string;
  let page: Server;
  let pageUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'crk-core-browser-'));
    await build({
      root: resolve(__dirname, 'coreBrowser'),
      configFile: false,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    page = createServer(async (req, res) => {
      const path = req.url === '/' || !req.url ? '/index.html' : req.url.split('?')[0]!;
      try {
        const body = await readFile(join(outDir, path));
        res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : extname(path) === '.html' ? 'text/html' : 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => page.listen(0, '127.0.0.1', done));
    const address = page.address();
    pageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await launchChromium();
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => page?.close(done));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('signs in with SRP, stores the session in localStorage and restores it on reload', async () => {
    const { backend, url } = running();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url };
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).runSignIn === 'function');
    backend.resetCounts();

    const outcome = await tab.evaluate(([c, p]) => (window as unknown as PageApi).runSignIn(c, 'ada', p), [config, password] as const);

    expect(outcome).toMatchObject({
      result: { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      statuses: ['signedIn'],
      user: { username: 'ada', attributes: { email: 'ada@example.com' } },
      idTokenIssuer: backend.config.issuer,
      wrong: { name: 'NotAuthorizedException', isAuthError: true, source: 'signIn' },
    });
    const prefix = `CognitoIdentityServiceProvider.${backend.config.clientId}`;
    expect((outcome as { storedKeys: string[] }).storedKeys).toEqual([
      `${prefix}.LastAuthUser`,
      `${prefix}.ada.accessToken`,
      `${prefix}.ada.clockDrift`,
      `${prefix}.ada.idToken`,
      `${prefix}.ada.refreshToken`,
    ]);
    // One SRP sign-in per engine (the right password, then the wrong one): 2 requests each.
    expect(backend.count('InitiateAuth')).toBe(2);
    expect(backend.count('RespondToAuthChallenge')).toBe(2);

    backend.resetCounts();
    await tab.reload();
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).restore === 'function');
    const restored = await tab.evaluate((c) => (window as unknown as PageApi).restore(c), config);
    expect(restored).toMatchObject({ status: 'signedIn', user: { username: 'ada' } });
    expect(backend.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
