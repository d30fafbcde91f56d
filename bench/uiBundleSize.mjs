// What the prebuilt UI adds to a minimal React app's production bundle. The issue's budget: the
// full UI (<Authenticator> + CSS) adds at most 45 KiB gzip over React at start (see sizeBudget.mjs).
//
//   node bench/uiBundleSize.mjs            print the figures
//   node bench/uiBundleSize.mjs --check    also exit 1 when over budget
//   node bench/uiBundleSize.mjs --keep     keep the built apps (the temp dir is printed)
//
// Three apps (bench/uiBundleSize/*.jsx) are built the way an app would build them (bench/lib/buildApp.mjs:
// Vite, no config file, production, no `define`), importing the BUILT package, so dist/ must be current:
// it is built when missing, and a warning is printed when a file under src/ is newer than it.
//   (a) baseline  createRoot(el).render(<div>hello</div>): react + react-dom
//   (b) hooks     <AuthProvider config> + a component using useAuth(): engine + hooks, no UI
//   (c) full UI   <AuthProvider config><Authenticator/></AuthProvider> + the stylesheet
// Sizes are bytes of the emitted files (all chunks, all .css assets); gzip is zlib level 9 per
// file, summed (each file is served on its own). Budget check: (c − a) JS gzip + CSS gzip.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { buildApp, ensureDist } from './lib/buildApp.mjs';

const BUDGET_KIB = 45;
const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const keep = args.has('--keep');


const apps = [
  ['a', 'baseline: react + react-dom', 'baseline.jsx'],
  ['b', 'engine + hooks (no UI)', 'hooks.jsx'],
  ['c', 'full UI: Authenticator + CSS', 'fullUi.jsx'],
];

ensureDist();

const tmp = mkdtempSync(join(tmpdir(), 'crk-ui-size-'));
const sizes = new Map();
try {
  for (const [key, , file] of apps) sizes.set(key, await buildApp(`uiBundleSize/${file}`, join(tmp, key)));
} finally {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
}

const KiB = (bytes) => (bytes / 1024).toFixed(2);
const out = [];
const cols = [
  ['js files', (s) => s.jsFiles],
  ['js min', (s) => s.js],
  ['js gzip', (s) => s.jsGzip],
  ['js gzip at start', (s) => s.initialGzip],
  ['css min', (s) => s.css],
  ['css gzip', (s) => s.cssGzip],
  ['js+css gzip', (s) => s.jsGzip + s.cssGzip],
];
const line = (label, cells) => `${label.padEnd(36)}${cells.map((c, i) => String(c).padStart(cols[i][0].length + 3)).join('')}`;
out.push(`bytes (gzip = zlib -9 per file, summed)`);
out.push(line('app', cols.map(([h]) => h)));
for (const [key, label] of apps) out.push(line(`(${key}) ${label}`, cols.map(([, get]) => get(sizes.get(key)))));

const diff = (x, y) => {
  const [s, t] = [sizes.get(x), sizes.get(y)];
  return { js: s.js - t.js, jsGzip: s.jsGzip - t.jsGzip, initialGzip: s.initialGzip - t.initialGzip, css: s.css - t.css, cssGzip: s.cssGzip - t.cssGzip };
};
out.push('');
out.push('added over the baseline, KiB');
const dcols = ['js min', 'js gzip', 'js gzip at start', 'css min', 'css gzip', 'js+css gzip at start'];
out.push(`${''.padEnd(36)}${dcols.map((h) => h.padStart(h.length + 3)).join('')}`);
const deltas = { b: diff('b', 'a'), c: diff('c', 'a') };
for (const [key, d] of Object.entries(deltas)) {
  const cells = [d.js, d.jsGzip, d.initialGzip, d.css, d.cssGzip, d.initialGzip + d.cssGzip].map(KiB);
  out.push(`${`(${key} − a) ${apps.find(([k]) => k === key)[1]}`.padEnd(36)}${cells.map((c, i) => c.padStart(dcols[i].length + 3)).join('')}`);
}

// The budget counts what an app loads at start; on-demand chunks are printed above as well.
const added = deltas.c.initialGzip + deltas.c.cssGzip;
const pass = added <= BUDGET_KIB * 1024;
out.push('');
out.push(`${pass ? 'PASS' : 'FAIL'}: full UI adds ${KiB(added)} KiB gzip at start (JS ${KiB(deltas.c.initialGzip)} + CSS ${KiB(deltas.c.cssGzip)}; ${KiB(deltas.c.jsGzip + deltas.c.cssGzip)} with on-demand chunks) over React; budget ${BUDGET_KIB} KiB (${pass ? `${KiB(BUDGET_KIB * 1024 - added)} KiB to spare` : `${KiB(added - BUDGET_KIB * 1024)} KiB over`})`);

// Where (c)'s JavaScript comes from. renderedLength is each module's code as rendered into the
// chunk, before minification: a guide to proportions, not minified bytes. dist/ keeps one file per
// source module, so each shows under its own name.
const full = sizes.get('c');
const totalRendered = full.modules.reduce((sum, m) => sum + m.renderedLength, 0);
const pct = (n) => `${((100 * n) / totalRendered).toFixed(1)}%`.padStart(7);
out.push('');
out.push(`(c) top 10 modules by renderedLength (pre-minification; ${full.modules.length} modules, ${totalRendered} bytes in all)`);
for (const m of [...full.modules].sort((x, y) => y.renderedLength - x.renderedLength).slice(0, 10)) {
  out.push(`${String(m.renderedLength).padStart(9)}${pct(m.renderedLength)}  ${m.name}`);
}
const byPackage = new Map();
for (const m of full.modules) byPackage.set(m.pkg, (byPackage.get(m.pkg) ?? 0) + m.renderedLength);
out.push('');
out.push('(c) renderedLength by package');
for (const [pkg, n] of [...byPackage].sort((x, y) => y[1] - x[1])) out.push(`${String(n).padStart(9)}${pct(n)}  ${pkg}`);
if (keep) out.push('', `built apps kept in ${tmp}`);
process.stdout.write(`${out.join('\n')}\n`);
if (check && !pass) process.exitCode = 1;
