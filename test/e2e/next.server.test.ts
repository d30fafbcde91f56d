// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/" }
// A real Next.js App Router app (test/fixtures/next-app) on the BUILT package: `next build`, then
// `next start` against the test backend. The kit's cookies come from a real sign-in through the
// browser engine; the app's proxy (middleware), protected server component and route handler must
// accept them and refuse forged, expired, other-client and other-pool ones. Needs `npm run build`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../backend/index';
import { strongPassword, useBackend } from '../backend/harness';
import { b64url, clearCookies, cookieValue, parts, signInCookies, tokenKey, withCookie } from '../server/support';
import { freePorts } from './demoStack';

const REPO = resolve(__dirname, '../..');
const APP = resolve(__dirname, '../fixtures/next-app');
const NEXT = join(APP, 'node_modules/next/dist/bin/next');
const BUILD_TIMEOUT_MS = 300_000;

/** The fixture's own install (next is not a dependency of the kit); the kit itself is linked (file:../../..). */
function installFixture(): void {
  if (existsSync(NEXT) && existsSync(join(APP, 'node_modules/cognito-react-kit/package.json'))) return;
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: APP, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
  if (install.status !== 0) throw new Error(`npm install in ${APP} failed:\n${install.stderr}`);
}

describe('a Next.js App Router app on the built package (next build + next start)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let server: ChildProcess | undefined;
  let base = '';
  let output = '';
  let cookies = '';

  beforeAll(async () => {
    if (!existsSync(join(REPO, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');
    installFixture();
    const build = spawnSync(process.execPath, [NEXT, 'build'], { cwd: APP, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);

    const { backend, url } = running();
    const [port] = (await freePorts(1)) as [number];
    base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, CRK_USER_POOL_ID: backend.config.userPoolId, CRK_CLIENT_ID: backend.config.clientId, CRK_ENDPOINT: url, NEXT_TELEMETRY_DISABLED: '1' };
    server = spawn(process.execPath, [NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: APP, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [server.stdout, server.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitUntilServing(`${base}/sign-in`);

    await backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    cookies = await signInCookies(running(), 'ada', password);
    clearCookies();
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(() => {
    server?.kill();
  });

  const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const idKey = () => tokenKey(running(), 'ada', 'idToken');
  const idToken = () => cookieValue(cookies, idKey())!;

  /** Each way a session can be wrong, as a Cookie header. */
  async function wrongSessions(): Promise<Record<string, string>> {
    const { backend } = running();
    const { header, payload } = parts(idToken());
    const other = await startBackend({ userPoolId: 'us-east-1_OtherPool9', clientId: backend.config.clientId, deviceTracking: false });
    try {
      await other.backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
      return {
        forged: withCookie(cookies, idKey(), `${b64url({ ...header, alg: 'none' })}.${b64url({ ...payload, email: 'root@example.com' })}.`),
        expired: withCookie(cookies, idKey(), await backend.signJwt({ ...payload, iat: Number(payload['iat']) - 7200, exp: Number(payload['iat']) - 3600 })),
        otherClient: withCookie(cookies, idKey(), await backend.signJwt({ ...payload, aud: 'anotherClient1' })),
        otherPool: await signInCookies({ backend: other.backend, url: other.url }, 'ada', password),
      };
    } finally {
      clearCookies();
      await other.close();
    }
  }

  it('the protected server component shows the signed-in user’s e-mail from the kit’s cookies', async () => {
    for (const path of ['/account', '/profile']) {
      const response = await get(path, cookies);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<p id="email">ada@example.com</p>');
    }
    expect(await (await get('/api/me', cookies)).json()).toEqual({ username: 'ada', email: 'ada@example.com' });
  });

  it('the proxy (middleware) redirects a signed-out visitor to the sign-in page', async () => {
    const response = await get('/account');
    expect(response.status).toBe(302);
    // Next makes a same-origin Location relative.
    expect(new URL(response.headers.get('location') ?? '', base).toString()).toBe(`${base}/sign-in?returnTo=%2Faccount`);
    expect((await get('/sign-in')).status).toBe(200);
  });

  it('refuses forged, expired, other-client and other-pool sessions in the proxy, the server component and the route handler', async () => {
    const wrong = await wrongSessions();
    const reasons: Record<string, unknown> = {};
    for (const [name, cookie] of Object.entries(wrong)) {
      const proxied = await get('/account', cookie);
      expect([name, proxied.status, new URL(proxied.headers.get('location') ?? '', base).toString()]).toEqual([name, 302, `${base}/sign-in?returnTo=%2Faccount`]);
      // Outside the proxy's matcher: the server component's own check redirects (Next's redirect(): 307).
      const page = await get('/profile', cookie);
      expect([name, page.status, new URL(page.headers.get('location') ?? '', base).pathname]).toEqual([name, 307, '/sign-in']);
      expect(await page.text()).not.toContain('id="email"');
      const api = await get('/api/me', cookie);
      expect(api.status).toBe(401);
      reasons[name] = ((await api.json()) as { signedOut: string }).signedOut;
    }
    expect(reasons).toEqual({ forged: 'algorithm', expired: 'expired', otherClient: 'audience', otherPool: 'issuer' });
  });

  it('the sign-in page server-renders the <Authenticator> under <LazyAuthProvider> in a next build: loading, not the form', async () => {
    const response = await get('/sign-in');
    expect(response.status).toBe(200);
    const html = await response.text();
    // The server cannot read the visitor's storage: loading, which the browser hydrates and then resolves.
    expect(html).toContain('data-screen="loading"');
    expect(html).not.toContain('type="password"');
  });

  it('never writes a token to the server’s output', () => {
    expect(output).not.toContain(idToken());
    expect(output).not.toContain(cookieValue(cookies, tokenKey(running(), 'ada', 'accessToken'))!);
  });
});

async function waitUntilServing(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not serve ${url} within 60 s`);
    await new Promise((done) => setTimeout(done, 250));
  }
}
