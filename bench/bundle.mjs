// Production bundles of minimal apps, ours and aws-amplify 6's, built in the same run with the same Vite settings
// (bench/lib/buildApp.mjs), and the bytes each adds over a bare React app.
//
//   node bench/bundle.mjs
//
// Apps: bench/uiBundleSize/baseline.jsx (React only), bench/apps/hooks.jsx (our engine + hooks),
// bench/uiBundleSize/fullUi.jsx (our <Authenticator> + CSS), bench/apps/amplifyHooks.jsx (aws-amplify 6 headless
// + react-query doing the same), bench/apps/amplifyAuthenticator.jsx (aws-amplify 6 + @aws-amplify/ui-react
// <Authenticator> + its CSS). gzip is zlib -9 per emitted file, summed. "At start" = the entry chunk and its static
// imports (on-demand chunks such as our QR library are listed in "all JS").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { KiB, buildApp, ensureDist } from './lib/buildApp.mjs';

const apps = [
  ['react', 'bare React 19 app (baseline)', 'uiBundleSize/baseline.jsx'],
  ['hooks', 'ours: engine + hooks', 'apps/hooks.jsx'],
  ['amplifyHooks', 'aws-amplify 6 headless + react-query', 'apps/amplifyHooks.jsx'],
  ['ui', 'ours: <Authenticator> + CSS', 'uiBundleSize/fullUi.jsx'],
  ['amplifyUi', 'aws-amplify 6 + ui-react <Authenticator> + CSS', 'apps/amplifyAuthenticator.jsx'],
];

ensureDist();
const tmp = mkdtempSync(join(tmpdir(), 'crk-bundle-'));
const sizes = new Map();
try {
  for (const [key, , entry] of apps) sizes.set(key, await buildApp(entry, join(tmp, key)));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const base = sizes.get('react');
const added = (s) => ({
  min: s.initial - base.initial,
  gzip: s.initialGzip - base.initialGzip,
  allGzip: s.jsGzip - base.jsGzip,
  css: s.css,
  cssGzip: s.cssGzip,
  total: s.initialGzip - base.initialGzip + s.cssGzip,
});
const headers = ['JS min', 'JS gzip', 'all JS gzip', 'CSS min', 'CSS gzip', 'JS+CSS gzip'];
const out = [];
out.push('KiB added over a bare React 19 app (Vite production build, same settings for every app; gzip -9 per file)');
out.push(`${'app'.padEnd(50)}${headers.map((h) => h.padStart(13)).join('')}`);
const figures = new Map();
for (const [key, label] of apps.slice(1)) {
  const a = added(sizes.get(key));
  figures.set(key, a);
  out.push(`${label.padEnd(50)}${[a.min, a.gzip, a.allGzip, a.css, a.cssGzip, a.total].map((n) => KiB(n).padStart(13)).join('')}`);
}
out.push(`${'bare React 19 app itself (JS min / gzip)'.padEnd(50)}${[base.initial, base.initialGzip].map((n) => KiB(n).padStart(13)).join('')}`);
const ratio = (ours, theirs) => `${(figures.get(theirs).total / figures.get(ours).total).toFixed(1)}×`;
out.push('');
out.push(`engine + hooks: ${KiB(figures.get('hooks').total)} KiB vs ${KiB(figures.get('amplifyHooks').total)} KiB, aws-amplify is ${ratio('hooks', 'amplifyHooks')} larger`);
out.push(`full UI (JS + CSS): ${KiB(figures.get('ui').total)} KiB vs ${KiB(figures.get('amplifyUi').total)} KiB, aws-amplify + ui-react is ${ratio('ui', 'amplifyUi')} larger`);
process.stdout.write(`${out.join('\n')}\n`);
