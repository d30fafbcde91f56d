// Our <Authenticator> beside aws-amplify 6's, screen by screen, in Debian Chromium: the same screens
// (sign in, create account, reset password) at 320 and 1280 px. Prints what differs in the words a user
// reads (tabs, headings, labels, placeholders, buttons) and in the card's size, and writes each pair as
// one side-by-side image (aws-amplify left, ours right) to test-results/compare/.
//
//   node bench/compareScreens.mjs
//
// Both pages (bench/compareScreens/{ours,amplify}/) are built with the bench's Vite settings and served
// from loopback; requests leaving loopback are aborted (no page talks to AWS).
/* global document, window, getComputedStyle -- browser code run by page.evaluate */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ensureDist, root, viteConfig } from './lib/buildApp.mjs';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCREENS = ['signIn', 'signUp', 'forgotPassword'];
const WIDTHS = [320, 1280];
const OUT = join(root, 'test-results/compare');
const CARD = { amplify: '[data-amplify-router]', ours: '.crk-authenticator__card' };

/** What a user reads on the page, and the card's box. Runs in the page. */
const READ = (cardSelector) => {
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 1 && box.height > 1 && style.visibility !== 'hidden';
  };
  const texts = (selector) => [...document.querySelectorAll(selector)].filter(visible).map((element) => element.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const card = document.querySelector(cardSelector)?.getBoundingClientRect();
  return {
    tabs: texts('[role="tab"]'),
    headings: texts('h1, h2, h3, h4, h5, h6'),
    labels: texts('label'),
    placeholders: [...document.querySelectorAll('input')].filter(visible).map((input) => input.placeholder).filter(Boolean),
    buttons: [...document.querySelectorAll('button')].filter(visible).map((button) => (button.getAttribute('aria-label') || button.textContent.trim()).replace(/\s+/g, ' ')).filter(Boolean),
    card: card ? { width: Math.round(card.width), height: Math.round(card.height) } : null,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
};

ensureDist();
const tmp = mkdtempSync(join(tmpdir(), 'crk-compare-'));
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
  const file = path.endsWith('/') ? `${path}index.html` : path;
  if (file.includes('..')) return res.writeHead(400).end();
  try {
    const body = readFileSync(join(tmp, file));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
let browser;
try {
  for (const key of ['ours', 'amplify']) {
    const appRoot = resolve(import.meta.dirname, 'compareScreens', key);
    await build({ ...viteConfig({ appRoot, input: join(appRoot, 'index.html'), outDir: join(tmp, key) }), base: './' });
  }
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(tmp, 'shots'), { recursive: true });
  mkdirSync(OUT, { recursive: true });
  const out = [`aws-amplify 6 + ui-react vs cognito-react-kit, Chromium ${browser.version()}; pairs in ${OUT}`];
  let differences = 0;
  for (const screen of SCREENS) {
    for (const width of WIDTHS) {
      const seen = {};
      for (const key of ['amplify', 'ours']) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        await context.route((url) => url.origin !== origin, (route) => route.abort());
        const page = await context.newPage();
        await page.goto(`${origin}/${key}/?screen=${screen}`);
        await page.waitForSelector('input', { state: 'visible', timeout: 30_000 });
        await page.evaluate(() => document.fonts.ready);
        seen[key] = await page.evaluate(READ, CARD[key]);
        await page.screenshot({ path: join(tmp, 'shots', `${key}.png`), fullPage: true });
        await context.close();
      }
      // The pair as one image: Chromium lays the two screenshots side by side and photographs that.
      const context = await browser.newContext({ viewport: { width: width * 2 + 24, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/ours/`);
      await page.setContent(`<body style="margin:0;display:flex;gap:24px;align-items:flex-start;background:#888"><img src="${origin}/shots/amplify.png"><img src="${origin}/shots/ours.png"></body>`);
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      await page.screenshot({ path: join(OUT, `${screen}-${width}.png`), fullPage: true });
      await context.close();

      out.push(`\n${screen} at ${width} px: card ${fmt(seen.amplify.card)} (aws-amplify) vs ${fmt(seen.ours.card)} (ours); sideways overflow ${seen.amplify.overflow} vs ${seen.ours.overflow} px`);
      for (const part of ['tabs', 'headings', 'labels', 'placeholders', 'buttons']) {
        const theirs = seen.amplify[part];
        const ours = seen.ours[part];
        const missing = theirs.filter((text) => !ours.includes(text));
        const extra = ours.filter((text) => !theirs.includes(text));
        if (missing.length === 0 && extra.length === 0) continue;
        differences += 1;
        out.push(`  ${part.padEnd(12)} only aws-amplify: ${JSON.stringify(missing)}  only ours: ${JSON.stringify(extra)}`);
      }
    }
  }
  out.push(`\n${differences} differing groups of words (0 = what a user reads is the same)`);
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await browser?.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}

function fmt(card) {
  return card ? `${card.width}×${card.height}` : 'none';
}
