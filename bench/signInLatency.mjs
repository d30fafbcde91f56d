// Submit → signed-in screen in Debian Chromium against the test backend with added network latency: our
// <Authenticator> against aws-amplify 6's, same page settings, loads alternated, plus the requests each made.
//
//   node bench/signInLatency.mjs [--loads 11] [--delay 50] [--check]
//
// Scenarios: SRP sign-in; SRP on a remembered device (device tracking on: a first sign-in confirms the device,
// the app remembers it, signs out and reloads, then the measured sign-in proves the device with DEVICE_SRP_AUTH);
// TOTP (sign in, then the TOTP code, typed as soon as its field shows). Every request to the backend passes
// a proxy that holds it `--delay` ms (CORS preflights too), so both apps see the same network. Both pages are
// built by bench/lib/buildApp.mjs against dist/ (`npm run build` first) and read the pool from an init script.
// "ms" = performance.now() from the sign-in form's submit event to the first frame with the app's signed-in
// content; each load is a fresh browser context (empty storage and cache). --check exits 1 unless ours is at
// most aws-amplify's median in every scenario.
/* global document, window, MutationObserver, requestAnimationFrame, performance -- browser code run by addInitScript */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ensureDist, viteConfig } from './lib/buildApp.mjs';
import { startDelayProxy } from './lib/delayProxy.mjs';
import { serveStatic } from './lib/staticSite.mjs';
import { loadTestBackend } from './lib/testBackend.mjs';

const args = process.argv.slice(2);
const option = (name, fallback, min) => (Number(args[args.indexOf(name) + 1]) >= min ? Number(args[args.indexOf(name) + 1]) : fallback);
const loads = option('--loads', 11, 3);
const delayMs = option('--delay', 50, 0);
const check = args.includes('--check');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// Nothing leaves loopback (DNS fails for every other host), without request interception: Playwright's
// routing would answer CORS preflights itself and hide them from the proxy.
const FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PASSWORD = 'Bench-Passw0rd!';
const SIDES = [
  ['ours', 'cognito-react-kit <Authenticator>'],
  ['amplify', 'aws-amplify 6 + ui-react <Authenticator>'],
];
const SCENARIOS = [
  { key: 'srp', title: 'SRP sign-in', backend: { deviceTracking: false } },
  { key: 'device', title: 'SRP, remembered device', backend: { deviceTracking: true }, rememberFirst: true },
  { key: 'totp', title: 'SRP + TOTP code', backend: { deviceTracking: false }, totp: true },
];

/** Sets the pool and marks the first submit and the first frame showing the signed-in slot. */
const WATCH = (pool) => {
  window.__benchPool = pool;
  window.__bench = {};
  document.addEventListener('submit', () => (window.__bench.submit ??= performance.now()), true);
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-signed-in]')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__bench.signedIn = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const totpSecret = () => [...randomBytes(32)].map((b) => BASE32[b & 31]).join('');
const CODE_INPUT = 'input[autocomplete="one-time-code"], input[name="confirmation_code"]';

if (!existsSync(CHROMIUM)) {
  process.stdout.write(`sign-in latency: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
  process.exit(0);
}
ensureDist();
const { startBackend, totpCode } = await loadTestBackend();
const tmp = mkdtempSync(join(tmpdir(), 'crk-sign-in-latency-'));
const running = [];
let browser;
try {
  for (const [side] of SIDES) {
    const appRoot = resolve(import.meta.dirname, 'signInLatency', side);
    await build({ ...viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: join(tmp, side) }), base: './' });
  }
  const site = await serveStatic(tmp);
  running.push(site);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

  /** One measured sign-in: ms from submit to signed in, and the requests it made. */
  async function signIn(scenario, side, stack) {
    const username = `bench-${randomBytes(6).toString('hex')}`;
    const secret = scenario.totp ? totpSecret() : undefined;
    await stack.backend.createUser({ username, password: PASSWORD, ...(secret ? { mfa: { totpSecret: secret, preferred: 'SOFTWARE_TOKEN_MFA' } } : {}) });
    const context = await browser.newContext();
    await context.addInitScript(WATCH, { userPoolId: stack.backend.config.userPoolId, clientId: stack.backend.config.clientId, endpoint: stack.proxy.url });
    const page = await context.newPage();
    const submit = async () => {
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[type="password"]').fill(PASSWORD);
      await page.locator('input[type="password"]').press('Enter');
    };
    try {
      await page.goto(`${site.origin}/${side}/`);
      if (scenario.rememberFirst) {
        await submit();
        await page.locator('[data-signed-in]').waitFor();
        await page.evaluate(() => window.__benchRemember());
        await page.locator('[data-signed-in]').click();
        await page.locator('input[type="password"]').waitFor();
        await page.reload();
      }
      await page.locator('input[type="password"]').waitFor();
      stack.proxy.reset();
      await submit();
      if (secret) {
        await page.locator(CODE_INPUT).first().fill(await totpCode(secret));
        await page.locator(CODE_INPUT).first().press('Enter');
      }
      await page.waitForFunction(() => typeof window.__bench.signedIn === 'number', undefined, { timeout: 30_000 });
      const { submit: from, signedIn } = await page.evaluate(() => window.__bench);
      const requests = stack.proxy.requests();
      return { ms: signedIn - from, calls: requests.filter((r) => r.method !== 'OPTIONS').map((r) => r.target), preflights: requests.filter((r) => r.method === 'OPTIONS').length };
    } finally {
      await context.close();
    }
  }

  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1] };
  };
  const out = [`ms from submitting the sign-in form to the signed-in screen, ${delayMs} ms added per request (Chromium ${browser.version()}, ${loads} loads each, alternated, fresh context)`];
  out.push(`${'scenario'.padEnd(26)}${'page'.padEnd(42)}${['median', 'min', 'max', 'ours/ampl', 'requests', '+preflight'].map((h) => h.padStart(11)).join('')}`);
  const calls = [];
  let pass = true;
  for (const scenario of SCENARIOS) {
    const backend = await startBackend({ mfaConfiguration: 'OPTIONAL', ...scenario.backend });
    running.push(backend);
    const proxy = await startDelayProxy(backend.url, delayMs);
    running.push(proxy);
    const results = new Map(SIDES.map(([side]) => [side, []]));
    // One untimed round first: Chromium's and Vite's first-use costs land on neither side.
    for (let round = -1; round < loads; round++) {
      for (const [side] of round % 2 === 0 ? SIDES : [...SIDES].reverse()) {
        const result = await signIn(scenario, side, { backend: backend.backend, proxy });
        if (round >= 0) results.get(side).push(result);
      }
    }
    const amplify = stats(results.get('amplify').map((r) => r.ms)).median;
    for (const [side, label] of SIDES) {
      const rs = results.get(side);
      const s = stats(rs.map((r) => r.ms));
      const cells = [s.median.toFixed(0), s.min.toFixed(0), s.max.toFixed(0), (s.median / amplify).toFixed(2), String(rs[0].calls.length), String(rs[0].preflights)];
      out.push(`${(side === 'ours' ? scenario.title : '').padEnd(26)}${label.padEnd(42)}${cells.map((c) => c.padStart(11)).join('')}`);
      calls.push(`  ${scenario.key} ${side}: ${rs[0].calls.join(', ')}`);
    }
    const paired = stats(results.get('ours').map((r, i) => r.ms / results.get('amplify')[i].ms)).median;
    out.push(`${''.padEnd(26)}median of per-round ratios ours / amplify: ${paired.toFixed(2)}`);
    if (stats(results.get('ours').map((r) => r.ms)).median > amplify) pass = false;
  }
  out.push('requests = calls to the backend after submit (first measured load), +preflight = CORS OPTIONS requests among them:');
  out.push(...calls);
  out.push(`${pass ? 'PASS' : 'FAIL'}: ours at most aws-amplify's median time in every scenario`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (check && !pass) process.exitCode = 1;
} finally {
  await browser?.close();
  for (const server of running.reverse()) await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
