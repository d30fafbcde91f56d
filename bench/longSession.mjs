// A signed-in page left open: refreshes, live timers, event listeners and heap, sampled over time; they must stay
// flat (no growth beyond noise) while refreshes keep the expected pace.
//
//   node bench/longSession.mjs [--simulated] [--minutes 3] [--check]
//
// Simulated: 30 minutes of fake time in Node (jsdom; engine + <AuthProvider> + <Authenticator> + useSession and
// useUser; the test backend in-process; 5-minute tokens), bench/longSession/simulated.bench.test.tsx run by vitest
// with bench/vitest.bench.config.ts; one sample per simulated minute.
// Real (skipped with --simulated): the same page built against dist/ (`npm run build` first) in Debian Chromium,
// signed in through the form, left open --minutes real minutes (3) against the test backend on loopback issuing
// 30-second tokens; one sample every 30 s. Timers = setTimeout/setInterval not yet fired or cleared; listeners =
// window + document addEventListener minus removeEventListener; heap = used JS heap after a forced GC (CDP
// HeapProfiler.collectGarbage, Runtime.getHeapUsage; in Node, v8 gc + heapUsed, backend included).
// The engine refreshes min(60 s, lifetime / 2) before expiry, hence the expected refresh count.
// --check exits 1 unless every part is flat and refreshed as often as expected (±1).
/* global document, window -- browser code run by addInitScript */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ensureDist, root, viteConfig } from './lib/buildApp.mjs';
import { serveStatic } from './lib/staticSite.mjs';
import { loadTestBackend } from './lib/testBackend.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const simulatedOnly = args.includes('--simulated');
const realMinutes = Number(args[args.indexOf('--minutes') + 1]) >= 1 ? Number(args[args.indexOf('--minutes') + 1]) : 3;
const REAL_TOKEN_SECONDS = 30;
const SAMPLE_MS = 30_000;
const PASSWORD = 'Bench-Passw0rd!';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MiB = 2 ** 20;

/** Refreshes the engine makes in `seconds` with tokens of `lifetime` s: one every lifetime − min(60, lifetime / 2). */
const expectedRefreshes = (seconds, lifetime) => Math.floor(seconds / (lifetime - Math.min(60, lifetime / 2)));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Flat = the last third of the samples is no higher than the first (counts: their maximum; heap: their median, with
 * 1 MiB or 5 % of noise allowed). The first sample (just signed in, caches filling) is left out.
 */
function verdict(samples, expected) {
  const rest = samples.slice(1);
  const third = Math.max(1, Math.floor(rest.length / 3));
  const [first, last] = [rest.slice(0, third), rest.slice(-third)];
  const grows = (key) => Math.max(...last.map((s) => s[key])) > Math.max(...first.map((s) => s[key]));
  const heapGrowth = median(last.map((s) => s.heap)) - median(first.map((s) => s.heap));
  const heapNoise = Math.max(MiB, 0.05 * median(first.map((s) => s.heap)));
  const refreshes = samples.at(-1).refreshes;
  const problems = [];
  if (Math.abs(refreshes - expected) > 1) problems.push(`${refreshes} refreshes, expected ${expected}`);
  if (grows('timers')) problems.push('timers grow');
  if (grows('listeners')) problems.push('listeners grow');
  if (heapGrowth > heapNoise) problems.push(`heap +${(heapGrowth / MiB).toFixed(2)} MiB`);
  const heapNote = `heap ${heapGrowth >= 0 ? '+' : ''}${(heapGrowth / MiB).toFixed(2)} MiB last third vs first (noise allowance ${(heapNoise / MiB).toFixed(1)} MiB)`;
  return { flat: problems.length === 0, text: problems.length === 0 ? `flat (${refreshes} refreshes as expected, ${heapNote})` : `NOT FLAT: ${problems.join(', ')}; ${heapNote}` };
}

function table(title, unit, samples, expected) {
  const lines = [title, `${unit.padEnd(18)}${['refreshes', 'timers', 'listeners', 'heap MiB'].map((h) => h.padStart(11)).join('')}`];
  for (const s of samples) lines.push(`${String(s.at).padEnd(18)}${[s.refreshes, s.timers, s.listeners, (s.heap / MiB).toFixed(2)].map((c) => String(c).padStart(11)).join('')}`);
  const v = verdict(samples, expected);
  lines.push(v.text);
  process.stdout.write(`${lines.join('\n')}\n`);
  return v.flat;
}

/** The Node half: vitest runs the jsdom page under fake timers and appends its samples to a file. */
function simulated() {
  const dir = mkdtempSync(join(tmpdir(), 'crk-long-session-'));
  const out = join(dir, 'samples.jsonl');
  try {
    const run = spawnSync(process.execPath, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.ts', '--reporter=dot', 'bench/longSession/'], {
      cwd: root,
      env: { ...process.env, CRK_LONG_SESSION_OUT: out },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (run.status !== 0 || !existsSync(out)) {
      process.stdout.write(`${run.stdout}\nFAIL: the simulated session did not run to the end (vitest output above)\n`);
      return false;
    }
    const { samples, tokenSeconds } = JSON.parse(readFileSync(out, 'utf8').trim().split('\n')[0]);
    const rows = samples.map((s) => ({ ...s, at: s.minute, heap: s.heapMiB * MiB }));
    const minutes = samples.at(-1).minute;
    return table(`Simulated: ${minutes} minutes of fake time in Node (jsdom), ${tokenSeconds / 60}-minute tokens`, 'simulated minute', rows, expectedRefreshes(minutes * 60, tokenSeconds));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Counts live timers and window/document listeners in the page; runs before any page script. */
const WATCH = (pool) => {
  window.__benchPool = pool;
  const timers = new Set();
  const [setT, clearT, setI, clearI] = [window.setTimeout, window.clearTimeout, window.setInterval, window.clearInterval];
  window.setTimeout = (handler, ms, ...rest) => {
    const id = setT((...a) => {
      timers.delete(id);
      if (typeof handler === 'function') handler(...a);
    }, ms, ...rest);
    timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => (timers.delete(id), clearT(id));
  window.setInterval = (...a) => {
    const id = setI(...a);
    timers.add(id);
    return id;
  };
  window.clearInterval = (id) => (timers.delete(id), clearI(id));
  const listeners = new Set();
  const ids = new WeakMap();
  let next = 0;
  const idOf = (l) => (l && (typeof l === 'object' || typeof l === 'function') ? (ids.get(l) ?? (ids.set(l, ++next), next)) : 0);
  const flags = (o) => (typeof o === 'boolean' ? { capture: o } : (o ?? {}));
  for (const [name, target] of [['window', window], ['document', document]]) {
    const [add, remove] = [target.addEventListener, target.removeEventListener];
    const key = (type, l, o) => `${name}:${type}:${idOf(l)}:${Boolean(flags(o).capture)}`;
    target.addEventListener = function (type, l, o) {
      const entry = key(type, l, o);
      listeners.add(entry);
      add.call(target, type, l, o);
      if (flags(o).once) add.call(target, type, () => listeners.delete(entry), { once: true, capture: flags(o).capture });
    };
    target.removeEventListener = function (type, l, o) {
      listeners.delete(key(type, l, o));
      remove.call(target, type, l, o);
    };
  }
  window.__liveCounts = () => ({ timers: timers.size, listeners: listeners.size });
};

/** The Chromium half: the page signed in, left open `realMinutes`, sampled every 30 s. */
async function real() {
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(`Real: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
    return true;
  }
  ensureDist();
  const { startBackend } = await loadTestBackend();
  const tmp = mkdtempSync(join(tmpdir(), 'crk-long-session-page-'));
  const appRoot = resolve(import.meta.dirname, 'longSession', 'page');
  await build({ ...viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: join(tmp, 'page') }), base: './' });
  const site = await serveStatic(tmp);
  const { backend, url, close } = await startBackend({ deviceTracking: false, tokenValidity: { accessTokenSeconds: REAL_TOKEN_SECONDS, idTokenSeconds: REAL_TOKEN_SECONDS } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    await backend.createUser({ username: 'bench', password: PASSWORD, attributes: { email: 'bench@example.com' } });
    const context = await browser.newContext();
    await context.addInitScript(WATCH, { userPoolId: backend.config.userPoolId, clientId: backend.config.clientId, endpoint: url });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${site.origin}/page/`);
    await page.locator('input[name="username"]').fill('bench');
    await page.locator('input[type="password"]').fill(PASSWORD);
    await page.locator('input[type="password"]').press('Enter');
    await page.getByText('Signed in as bench, session ready').waitFor({ timeout: 30_000 });
    const start = Date.now();
    const refreshes = () =>
      backend.requests().filter((r) => r.operation === 'GetTokensFromRefreshToken' || (r.operation === 'InitiateAuth' && r.input['AuthFlow'] === 'REFRESH_TOKEN_AUTH')).length;
    const samples = [];
    for (let n = 0; n * SAMPLE_MS <= realMinutes * 60_000; n++) {
      await sleep(Math.max(0, start + n * SAMPLE_MS - Date.now()));
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      samples.push({ at: `${(n * SAMPLE_MS) / 1000} s`, refreshes: refreshes(), ...(await page.evaluate(() => window.__liveCounts())), heap: usedSize });
    }
    const stillSignedIn = await page.getByText('Signed in as bench, session ready').isVisible();
    const flat = table(
      `Real: ${realMinutes} minutes in Chromium ${browser.version()}, ${REAL_TOKEN_SECONDS}-second tokens, test backend on loopback`,
      'real time',
      samples,
      expectedRefreshes(realMinutes * 60, REAL_TOKEN_SECONDS),
    );
    if (!stillSignedIn) process.stdout.write('FAIL: the page no longer shows the signed-in content\n');
    return flat && stillSignedIn;
  } finally {
    await browser.close();
    await close();
    await site.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const results = [simulated()];
if (!simulatedOnly) results.push(await real());
const pass = results.every(Boolean);
process.stdout.write(`${pass ? 'PASS' : 'FAIL'}: timers, listeners and heap flat, refreshes on time\n`);
if (check && !pass) process.exitCode = 1;
