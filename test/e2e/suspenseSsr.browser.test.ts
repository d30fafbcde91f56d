// The Suspense hooks in a real page, in Chromium: a loopback node server streams the app with
// renderToPipeableStream (React 19, the BUILT package), the browser hydrates it (a Vite build of
// suspensePage/client.jsx). The server cannot know the session, so its HTML carries the <Suspense>
// fallback; after hydration the browser shows the sign-in form or the signed-in user. The client
// script is held back until the test has seen the fallback, so "fallback first" is observed, not assumed.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createElement, type ComponentType } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { BUILD_TIMEOUT_MS, builtPackage } from '../support/builtPackage';
import { registerSecret } from '../support/secrets';
import { launchChromium } from './chromium';

const PAGE = resolve(__dirname, 'suspensePage');
const FALLBACK = 'Checking your session…';

interface ServerEntry {
  Document: ComponentType<{ config: object }>;
  isAuthServerBailout(error: unknown): boolean;
}

interface StreamingSite {
  url: string;
  /** What the server's onError saw, per render: each must be the hooks' bail-out. */
  serverErrors: unknown[];
  close(): Promise<void>;
}

/** Builds client.jsx with Vite's defaults and serves it beside the streamed document. */
async function serveStreamingPage(config: object): Promise<StreamingSite> {
  await builtPackage();
  const outDir = await mkdtemp(join(tmpdir(), 'crk-suspense-'));
  await build({
    root: PAGE,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(PAGE, 'client.jsx'), output: { entryFileNames: 'client.js' } } },
  });
  // The server side of the same app, on the same built package. A specifier in a variable: the page
  // is plain JSX the type-check does not read (so it does not depend on dist/ existing).
  const entry = './suspensePage/App.jsx';
  const { Document, isAuthServerBailout } = (await import(/* @vite-ignore */ entry)) as ServerEntry;
  const serverErrors: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const path = normalize((req.url ?? '/').split('?')[0] ?? '/');
    if (path === '/') {
      const stream = renderToPipeableStream(createElement(Document, { config }), {
        bootstrapScriptContent: `window.__CONFIG__ = ${JSON.stringify(config).replace(/</g, '\\u003c')};`,
        bootstrapModules: ['/client.js'],
        onShellReady() {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          stream.pipe(res);
        },
        onShellError(error) {
          res.writeHead(500).end(String(error));
        },
        onError(error) {
          serverErrors.push(error);
          // The digest reaches the browser's onRecoverableError, where client.jsx recognises it.
          return isAuthServerBailout(error) ? (error as { digest: string }).digest : undefined;
        },
      });
      return;
    }
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    readFile(join(outDir, path)).then(
      (body) => res.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    serverErrors,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Holds /client.js until the returned function is called: the page shows the server's HTML only. */
async function holdClientScript(page: Page): Promise<() => void> {
  let release = () => {};
  const gate = new Promise<void>((done) => (release = done));
  await page.route(
    '**/client.js',
    async (route) => {
      await gate;
      await route.continue();
    },
    { times: 1 },
  );
  return release;
}

describe('Suspense hooks, server-rendered with renderToPipeableStream and hydrated (Chromium, built package)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  registerSecret(password);
  let site: StreamingSite;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'stream', password });
    const config = {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
    };
    [site, browser] = await Promise.all([serveStreamingPage(config), launchChromium()]);
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('signed out: the streamed HTML shows the fallback; after hydration, the sign-in form; signing in shows the user', async () => {
    const release = await holdClientScript(page);
    await page.goto(site.url, { waitUntil: 'domcontentloaded' });
    expect(await page.locator('#fallback').textContent()).toBe(FALLBACK);
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.locator('#ready').count()).toBe(0);

    release();
    await page.getByLabel('Username').fill('stream');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForFunction(() => document.querySelector('#user')?.textContent === 'Signed in as stream');
    expect(site.serverErrors.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('signed in, reloaded: the server still streams the fallback (it has no session), then the browser shows the user', async () => {
    const { backend } = running();
    const html = await (await fetch(site.url)).text();
    expect(html).toContain(FALLBACK);
    expect(html).not.toContain('stream<'); // no user in the server's HTML
    backend.resetCounts();

    const release = await holdClientScript(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.locator('#fallback').textContent()).toBe(FALLBACK);
    expect(await page.locator('#user').count()).toBe(0);
    // A mark on the server's heading node: hydration keeps the node (a mismatch would replace it).
    await page.evaluate(() => Object.assign(document.querySelector('h1')!, { fromServer: true }));
    release();

    await page.waitForFunction(() => document.querySelector('#user')?.textContent === 'Signed in as stream');
    expect(await page.locator('#ready').textContent()).toBe('Engine ready: signedIn'); // use(whenReady(auth))
    expect(await page.locator('#fallback').count()).toBe(0);
    expect(await page.evaluate(() => (document.querySelector('h1') as { fromServer?: boolean } | null)?.fromServer)).toBe(true);
    expect(backend.count('GetUser')).toBe(1); // useSuspenseUser's one read; the session came from storage
    expect(backend.count('InitiateAuth')).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
