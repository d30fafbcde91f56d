import { build } from 'vite';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { viteConfig } from './lib/buildApp.mjs';
import { serveStatic } from './lib/staticSite.mjs';
const pages = (process.argv[2] ?? 'react,lazy').split(',');
const loads = Number(process.argv[3] ?? 5);
for (const key of pages) {
  const appRoot = resolve('bench/firstForm', key);
  await build({ ...viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: `/tmp/ffx/tr/${key}` }), base: './', logLevel: 'silent' });
}
const site = await serveStatic('/tmp/ffx/tr');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const WATCH = () => {
  const observer = new MutationObserver(() => {
    const input = document.querySelector('input[type="password"]');
    if (!input || input.getBoundingClientRect().width === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__formVisible = performance.now(); performance.mark('crk-visible'); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};
const NAMES = ['v8.compile', 'V8.CompileCode', 'v8.parseOnBackground', 'V8.ParseProgram', 'V8.ParseFunction', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'ParseAuthorStyleSheet', 'v8.produceModuleCache', 'V8.GC_SCAVENGER', 'MinorGC', 'MajorGC', 'v8.compileModule', 'TimerFire', 'FireAnimationFrame', 'V8.CompileLazy', 'V8.BackgroundCompile', 'v8.run'];
const totals = Object.fromEntries(pages.map((p) => [p, {}]));
for (let i = 0; i < loads; i++) for (const key of pages) {
  const ctx = await browser.newContext(); await ctx.addInitScript(WATCH); const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-v8.compile,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(`${site.origin}/${key}/`); await page.waitForFunction(() => window.__formVisible);
  await cdp.send('Tracing.end'); await done; await ctx.close();
  const mark = events.find((e) => e.name === 'crk-visible');
  const nav = events.find((e) => e.name === 'navigationStart' ) ?? events.find((e) => e.name === 'TracingStartedInBrowser');
  const end = mark?.ts ?? Infinity;
  // main renderer thread = thread of the mark
  const tid = mark?.tid; const pid = mark?.pid;
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.ts > end) continue;
    const n = e.name;
    if (!NAMES.includes(n)) continue;
    const k = (e.tid === tid ? 'main ' : 'bg   ') + n;
    totals[key][k] = (totals[key][k] ?? 0) + (e.dur ?? 0) / 1000 / loads;
  }
}
const keys = [...new Set(pages.flatMap((p) => Object.keys(totals[p])))].sort();
console.log('per load, ms (sum of event durations; nested events double-count)'.padEnd(40), pages.map((p) => p.padStart(10)).join(''));
for (const k of keys) console.log(k.padEnd(40), pages.map((p) => (totals[p][k] ?? 0).toFixed(1).padStart(10)).join(''));
await browser.close(); process.exit(0);
