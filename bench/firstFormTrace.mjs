// What the browser did before a first-form page's form was visible, from a Chromium trace: V8's parsing (on
// the main thread and on the background thread that compiles module scripts as they stream in), its
// compiling of functions on their first call, script evaluation, style, layout and paint, per load, for
// several pages side by side. The pages are bench/firstForm's, built as bench/firstForm.mjs builds them
// (minified).
//
//   node bench/firstFormTrace.mjs [--pages react,lazyEngine,lazy] [--loads 5]
//
// Each figure is the sum of that trace event's durations before the visible frame, averaged over the loads.
// Events nest (CompileCode runs inside FunctionCall), so rows do not add up; compare a row across pages.
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
const pages = args.includes('--pages') ? args[args.indexOf('--pages') + 1].split(',') : ['react', 'lazyEngine', 'lazy'];
const loads = args.includes('--loads') ? Number(args[args.indexOf('--loads') + 1]) : 5;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CATEGORIES = 'devtools.timeline,v8,disabled-by-default-v8.compile,blink.user_timing';
const EVENTS = {
  'v8.parseOnBackground': 'parse, background thread (module streaming)',
  'V8.ParseProgram': 'parse a script, main thread',
  'V8.ParseFunction': 'parse a function on its first call',
  'V8.CompileCode': 'compile, main thread',
  'v8.evaluateModule': 'evaluate modules',
  FunctionCall: 'run script (callbacks, tasks)',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
};

/** Marks the first frame after a laid-out password input appears (bench/firstForm.mjs's rule). */
const WATCH = () => {
  const observer = new MutationObserver(() => {
    const input = document.querySelector('input[type="password"]');
    if (!input || input.getBoundingClientRect().width === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      performance.mark('crk-form-visible');
      window.__formVisible = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};

ensureDist();
const tmp = mkdtempSync(join(tmpdir(), 'crk-first-form-trace-'));
let browser;
let site;
try {
  for (const key of pages) {
    const appRoot = resolve(import.meta.dirname, 'firstForm', key);
    await build({ ...viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: join(tmp, key) }), base: './', logLevel: 'silent' });
  }
  site = await serveStatic(tmp);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const totals = new Map(pages.map((key) => [key, new Map()]));
  for (let load = 0; load < loads; load++) {
    for (const key of pages) {
      const context = await browser.newContext();
      await context.route((url) => url.origin !== site.origin, (route) => route.abort());
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
      await page.goto(`${site.origin}/${key}/`);
      await page.waitForFunction(() => typeof window.__formVisible === 'number', undefined, { timeout: 30_000 });
      await cdp.send('Tracing.end');
      await complete;
      await context.close();
      // The page's renderer process and main thread are the mark's.
      const mark = events.find((event) => event.name === 'crk-form-visible');
      if (!mark) throw new Error(`${key}: the trace has no visible mark`);
      const sums = totals.get(key);
      for (const event of events) {
        if (event.pid !== mark.pid || event.ph !== 'X' || event.ts > mark.ts || !(event.name in EVENTS)) continue;
        if (event.name !== 'v8.parseOnBackground' && event.tid !== mark.tid) continue;
        sums.set(event.name, (sums.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
      }
    }
  }
  const lines = [`ms per load before the form's visible frame (Chromium ${browser.version()}, ${loads} loads each, alternated, cold cache)`];
  lines.push(`${''.padEnd(48)}${pages.map((key) => key.padStart(12)).join('')}`);
  for (const [name, label] of Object.entries(EVENTS)) {
    lines.push(`${label.padEnd(48)}${pages.map((key) => ((totals.get(key).get(name) ?? 0) / loads).toFixed(1).padStart(12)).join('')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await browser?.close();
  await site?.close();
  rmSync(tmp, { recursive: true, force: true });
}
