// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/" }
// React Router data routes (test/fixtures/react-router-app, react-router 7) served over node:http on
// the BUILT package: loaders and actions call requireUser with the Web Request React Router hands
// them. The kit's cookies come from a real sign-in through the browser engine; forged, expired,
// other-client and other-pool sessions are refused. Needs `npm run build`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../backend/index';
import { strongPassword, useBackend } from '../backend/harness';
import { b64url, clearCookies, cookieValue, parts, signInCookies, tokenKey, withCookie } from '../server/support';
import { freePorts } from './demoStack';

const REPO = resolve(__dirname, '../..');
const APP = resolve(__dirname, '../fixtures/react-router-app');

function installFixture(): void {
  if (existsSync(join(APP, 'node_modules/react-router/package.json')) && existsSync(join(APP, 'node_modules/cognito-react-kit/package.json'))) return;
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: APP, encoding: 'utf8', timeout: 300_000 });
  if (install.status !== 0) throw new Error(`npm install in ${APP} failed:\n${install.stderr}`);
}

describe('React Router loaders and actions on the built package (node:http)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let server: ChildProcess | undefined;
  let base = '';
  let output = '';
  let cookies = '';

  beforeAll(async () => {
    if (!existsSync(join(REPO, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');
    installFixture();
    const { backend, url } = running();
    const [port] = (await freePorts(1)) as [number];
    base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, CRK_USER_POOL_ID: backend.config.userPoolId, CRK_CLIENT_ID: backend.config.clientId, CRK_ENDPOINT: url };
    server = spawn(process.execPath, ['server.mjs', String(port)], { cwd: APP, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [server.stdout, server.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await new Promise<void>((done, fail) => {
      server?.stdout?.on('data', () => output.includes('listening') && done());
      server?.on('exit', (code) => fail(new Error(`server.mjs exited (${code}):\n${output}`)));
    });

    await backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    cookies = await signInCookies(running(), 'ada', password);
    clearCookies();
  }, 360_000);

  afterAll(() => {
    server?.kill();
  });

  const get = (path: string, cookie?: string, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: cookie ? { cookie } : {} });
  const idKey = () => tokenKey(running(), 'ada', 'idToken');

  it('a loader renders the signed-in user’s e-mail; an action knows who posted', async () => {
    const page = await get('/account', cookies);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<p id="email">ada@example.com</p>');
    expect(await (await get('/account', cookies, { method: 'POST', body: 'x=1' })).json()).toEqual({ savedFor: 'ada' });
  });

  it('signed out: the loader’s and the action’s thrown redirect reaches the browser', async () => {
    for (const init of [{}, { method: 'POST', body: 'x=1' }]) {
      const response = await get('/account', undefined, init);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`${base}/sign-in?returnTo=%2Faccount`);
    }
  });

  it('refuses forged, expired, other-client and other-pool sessions', async () => {
    const { backend } = running();
    const { header, payload } = parts(cookieValue(cookies, idKey())!);
    const other = await startBackend({ userPoolId: 'us-east-1_OtherPool9', clientId: backend.config.clientId, deviceTracking: false });
    let wrong: Record<string, string>;
    try {
      await other.backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
      wrong = {
        forged: withCookie(cookies, idKey(), `${b64url({ ...header, alg: 'none' })}.${b64url({ ...payload, email: 'root@example.com' })}.`),
        expired: withCookie(cookies, idKey(), await backend.signJwt({ ...payload, iat: Number(payload['iat']) - 7200, exp: Number(payload['iat']) - 3600 })),
        otherClient: withCookie(cookies, idKey(), await backend.signJwt({ ...payload, aud: 'anotherClient1' })),
        otherPool: await signInCookies({ backend: other.backend, url: other.url }, 'ada', password),
      };
    } finally {
      clearCookies();
      await other.close();
    }
    const reasons: Record<string, unknown> = {};
    for (const [name, cookie] of Object.entries(wrong)) {
      const page = await get('/account', cookie);
      expect([name, page.status, page.headers.get('location')]).toEqual([name, 302, `${base}/sign-in?returnTo=%2Faccount`]);
      const api = await get('/api/me', cookie);
      expect(api.status).toBe(401);
      reasons[name] = ((await api.json()) as { signedOut: string }).signedOut;
    }
    expect(reasons).toEqual({ forged: 'algorithm', expired: 'expired', otherClient: 'audience', otherPool: 'issuer' });
    expect(output).not.toContain(cookieValue(cookies, idKey())!);
  });
});
