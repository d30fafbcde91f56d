// Time from navigation to the sign-in form being visible, in Debian Chromium: our <Authenticator> against
// aws-amplify 6's, same run, loads alternated; ours under <LazyAuthProvider> (lazy: the engine's code
// loaded after the form's first frame); a bare React form for reference and three pages that split our gap
// to it: our form's markup and CSS without our JS (markup), the bare form through our engine and hooks
// (engine; lazyEngine under <LazyAuthProvider>), and the bare form with the engine loaded after its first
// frame by hand (peek).
//
//   node bench/firstForm.mjs [--loads 21] [--check] [--pages ours,react,engine]
//
// The pages (bench/firstForm/{ours,lazy,amplify,react,markup,engine,lazyEngine,peek}/) are built with the same Vite settings
// (bench/lib/buildApp.mjs) and served from loopback. Every load is a fresh browser context (empty cache,
// empty storage: a first visit, signed out). Requests leaving loopback are aborted, so no page waits on AWS.
// An init script watches the DOM; "visible" is the first animation frame after a password input with a
// non-empty box is in the document, in performance.now() ms (0 = navigation start). The machine's load moves
// single loads by ±50 %, hence 21 loads per page by default and medians.
// --check exits 1 unless ours median ≤ 0.6 × aws-amplify's.
/* global document, window, MutationObserver, requestAnimationFrame, performance -- browser code run by page.evaluate and addInitScript */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ensureDist, viteConfig } from './lib/buildApp.mjs';
import { serveStatic } from './lib/staticSite.mjs';

const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) >= 5 ? Number(args[args.indexOf('--loads') + 1]) : 21;
const check = args.includes('--check');
const MAX_RATIO = 0.6;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The flags of test/e2e/chromium.ts.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const allPages = [
  ['ours', 'cognito-react-kit <Authenticator>'],
  ['lazy', 'ours under <LazyAuthProvider>'],
  ['amplify', 'aws-amplify 6 + ui-react <Authenticator>'],
  ['react', 'bare React form (reference)'],
  ['markup', 'our form markup + CSS, no kit JS (floor)'],
  ['engine', 'bare React form on our engine + hooks'],
  ['lazyEngine', 'bare form, <LazyAuthProvider> + useAuth'],
  ['peek', 'bare React form, engine loaded after it'],
];
// --pages picks some (the ratios printed are those whose pages ran); --check needs ours and amplify.
const picked = args.includes('--pages') ? args[args.indexOf('--pages') + 1].split(',') : allPages.map(([key]) => key);
const pages = allPages.filter(([key]) => picked.includes(key));
const ran = (...keys) => keys.every((key) => picked.includes(key));

/** Marks the first frame after a laid-out password input appears. Runs before any page script. */
const WATCH = () => {
  const visible = () => {
    const input = document.querySelector('input[type="password"]');
    if (!input) return false;
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const observer = new MutationObserver(() => {
    if (!visible()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__formVisible = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};

if (!existsSync(CHROMIUM)) {
  process.stdout.write(`first form: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
  process.exit(0);
}
ensureDist();
const tmp = mkdtempSync(join(tmpdir(), 'crk-first-form-'));
let browser;
let site;
try {
  for (const [key] of pages) {
    const appRoot = resolve(import.meta.dirname, 'firstForm', key);
    // base './' so each page works from its own folder of the one server.
    const config = viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: join(tmp, key) });
    await build({ ...config, base: './' });
  }
  site = await serveStatic(tmp);
  const { origin } = site;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  if (ran('markup')) await copyOurMarkup(origin);

  const times = new Map(pages.map(([key]) => [key, []]));
  // When the page's entry module body starts (every import loaded and evaluated): splits the time into
  // loading + evaluating scripts and rendering the form.
  const evaluatedAt = new Map(pages.map(([key]) => [key, []]));
  // One untimed load each first, so the OS file cache and Chromium's own start-up do not land on one page.
  for (let round = -1; round < loads; round++) {
    for (const [key] of round % 2 === 0 ? pages : [...pages].reverse()) {
      const context = await browser.newContext();
      await context.route((url) => url.origin !== origin, (route) => route.abort());
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      await page.goto(`${origin}/${key}/`);
      await page.waitForFunction(() => typeof window.__formVisible === 'number', undefined, { timeout: 30_000 });
      const [visible, evaluated] = await page.evaluate(() => [window.__formVisible, performance.getEntriesByName('app-start')[0]?.startTime ?? NaN]);
      await context.close();
      if (round >= 0) {
        times.get(key).push(visible);
        evaluatedAt.get(key).push(evaluated);
      }
    }
  }

  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1] };
  };
  const amplify = ran('amplify') ? stats(times.get('amplify')).median : NaN;
  // Each round loads every page back to back, so a round's ratio compares loads made under the same machine load.
  const paired = (key, base) => stats(times.get(key).map((ms, i) => ms / times.get(base)[i])).median.toFixed(2);
  const out = [`ms from navigation start to the sign-in form visible (Chromium ${browser.version()}, ${loads} loads each, alternated, cold cache)`];
  out.push(`${'page'.padEnd(44)}${['median', 'min', 'max', '× amplify', '× bare', 'scripts run'].map((h) => h.padStart(12)).join('')}`);
  for (const [key, label] of pages) {
    const s = stats(times.get(key));
    const cells = [s.median.toFixed(0), s.min.toFixed(0), s.max.toFixed(0), ran('amplify') ? (s.median / amplify).toFixed(2) : '–', ran('react') ? paired(key, 'react') : '–', stats(evaluatedAt.get(key)).median.toFixed(0)];
    out.push(`${label.padEnd(44)}${cells.map((c) => c.padStart(12)).join('')}`);
  }
  out.push('× bare = median of per-round ratios to the bare React form; scripts run = median ms at which the entry module starts (all JS loaded and evaluated); the rest is React rendering');
  if (ran('ours', 'amplify')) out.push(`median of per-round ratios ours / amplify: ${paired('ours', 'amplify')}`);
  if (ran('ours', 'react')) out.push(`ours / bare React form: ${(stats(times.get('ours')).median / stats(times.get('react')).median).toFixed(2)} (medians), ${paired('ours', 'react')} (median of per-round ratios)`);
  if (ran('markup', 'react')) out.push(`our form markup + CSS without our JS / bare React form: ${paired('markup', 'react')} (median of per-round ratios): what a start chunk could at best reach`);
  if (ran('peek', 'react')) out.push(`bare React form, engine loaded after its first frame (a storage peek picks form or nothing) / bare React form: ${paired('peek', 'react')} (median of per-round ratios): the engine's share a start chunk could keep`);
  if (ran('engine', 'react')) out.push(`bare React form on our engine + hooks / bare React form: ${paired('engine', 'react')} (median of per-round ratios): the engine's share (loaded, session read before the first render)`);
  const ratio = stats(times.get('ours') ?? []).median / amplify;
  const pass = ratio <= MAX_RATIO;
  if (ran('ours', 'amplify')) out.push(`${pass ? 'PASS' : 'FAIL'}: ours at ${ratio.toFixed(2)}× aws-amplify's time (target ≤ ${MAX_RATIO}×)`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (check && !(ran('ours', 'amplify') && pass)) process.exitCode = 1;
} finally {
  await browser?.close();
  await site?.close();
  rmSync(tmp, { recursive: true, force: true });
}

/** Puts the ours page's rendered form into the markup page (its `<template id="form">`), so the floor page shows the same DOM. */
async function copyOurMarkup(origin) {
  const context = await browser.newContext();
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  await page.goto(`${origin}/ours/`);
  await page.waitForFunction(() => typeof window.__formVisible === 'number', undefined, { timeout: 30_000 });
  const markup = await page.evaluate(() => document.getElementById('root').innerHTML);
  await context.close();
  const html = join(tmp, 'markup', 'index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace(/<template id="form">[\s\S]*?<\/template>/, `<template id="form">${markup}</template>`));
}
