// Where a first-form page's main-thread time goes before the form is visible: a CPU profile (Chromium's own
// sampler, 50 µs) of each load, cut at the frame the password input shows, averaged over the loads. The pages
// are bench/firstForm's, built unminified so functions keep their names.
//
//   node bench/firstFormProfile.mjs [ours|lazy|react|engine|amplify] [--loads 9] [--top 25] [--after-layout]
//
// Prints, per function, the ms spent in it and below it (inclusive), e.g. `createAuth` (the engine's
// construction, in <AuthProvider>'s first render) or `performWorkOnRoot` (React rendering). `(program)` is
// the browser's own work (parsing, style, layout); `(idle)` is waiting.
/* global document, window, MutationObserver, requestAnimationFrame, performance -- browser code run by addInitScript */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ensureDist, viteConfig } from './lib/buildApp.mjs';
import { serveStatic } from './lib/staticSite.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const key = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'ours';
const loads = option('--loads', 9);
const top = option('--top', 25);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const MARKER = 'crkFormVisibleMarker';
const LAID_OUT_MARKER = 'crkFormLaidOutMarker';
const afterLayout = args.includes('--after-layout');

/** As bench/firstForm.mjs's, plus a named function called in the visible frame, where the profile is cut. */
const WATCH = () => {
  // Busy for 3 ms, so the sampler (a thread of its own, on a shared machine) sees it on the stack. Its name
  // is written out: the profiler reports a function's name from its source, not a computed one.
  function crkFormVisibleMarker() {
    const start = performance.now();
    while (performance.now() - start < 3);
  }
  // Called where the form is first laid out (its DOM committed): --after-layout counts only what runs
  // from there to the visible frame (effects, style, paint), the work a frame waits on after React's render.
  function crkFormLaidOutMarker() {
    const start = performance.now();
    while (performance.now() - start < 3);
  }
  const observer = new MutationObserver(() => {
    const input = document.querySelector('input[type="password"]');
    if (!input || input.getBoundingClientRect().width === 0) return;
    observer.disconnect();
    crkFormLaidOutMarker();
    requestAnimationFrame(() => {
      window.__formVisible = performance.now();
      crkFormVisibleMarker();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};

ensureDist();
const tmp = mkdtempSync(join(tmpdir(), 'crk-first-form-profile-'));
let browser;
let site;
try {
  const appRoot = resolve(import.meta.dirname, 'firstForm', key);
  const config = viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: join(tmp, key) });
  config.build.minify = false;
  await build({ ...config, base: './' });
  site = await serveStatic(tmp);
  const { origin } = site;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const inclusive = new Map();
  const visible = [];
  let missed = 0;
  for (let load = 0; load < loads; load++) {
    const context = await browser.newContext();
    await context.route((url) => url.origin !== origin, (route) => route.abort());
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/${key}/`);
    await page.waitForFunction(() => typeof window.__formVisible === 'number', undefined, { timeout: 30_000 });
    visible.push(await page.evaluate(() => window.__formVisible));
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();
    if (!addProfile(profile, inclusive)) missed += 1;
  }
  const sorted = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top);
  const median = [...visible].sort((a, b) => a - b)[visible.length >> 1];
  const lines = [`${key}: form visible at ${median.toFixed(0)} ms (median of ${loads}); ms per load in each function and below it, ${afterLayout ? 'from the form laid out to' : 'before'} that frame:`];
  for (const [name, ms] of sorted) lines.push(`${(ms / (loads - missed)).toFixed(1).padStart(8)}  ${name}`);
  if (missed > 0) lines.push(`(${missed} of ${loads} loads left out: the sampler missed the visible frame's marker)`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await browser?.close();
  await site?.close();
  rmSync(tmp, { recursive: true, force: true });
}

/** Adds each sample before the marker's to every distinct function on its stack; false (adding nothing) without the marker. */
function addProfile(profile, into) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const label = (node) => node.callFrame.functionName || `(anonymous ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber})`;
  const stack = (id) => {
    const names = [];
    for (let at = id; at !== undefined; at = parents.get(at)) names.push(label(nodes.get(at)));
    return names;
  };
  const end = profile.samples.findIndex((id) => stack(id).includes(MARKER));
  if (end === -1) return false;
  const begin = afterLayout ? profile.samples.findIndex((id) => stack(id).includes(LAID_OUT_MARKER)) : 0;
  if (begin === -1) return false;
  for (let i = begin; i < end; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    for (const name of new Set(stack(profile.samples[i]))) into.set(name, (into.get(name) ?? 0) + ms);
  }
  return true;
}
