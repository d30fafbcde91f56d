// Which of our source files the page loads at start, and what each costs: builds a bench app the way
// bench/lib/buildApp.mjs does (against dist/, so `npm run build` first), with source maps chained through
// dist/*.js.map back to src/, and attributes each minified byte of the start chunks to the file it came from.
//
//   node bench/startModules.mjs                 the full UI app (bench/uiBundleSize/fullUi.jsx)
//   node bench/startModules.mjs apps/hooks.jsx  any bench app
//   node bench/startModules.mjs --all           also list the on-demand chunks and what is in them
//   node bench/startModules.mjs --src           build against src/index.ts instead of dist/ (also the
//                                               fallback when dist/ was built without CRK_SOURCEMAP=1)
//
// The gzip column is an estimate: a file's share of its chunk's minified bytes times the chunk's gzip size
// (gzip does not split by file). The totals are the same as sizeBudget.mjs's (before subtracting React).
import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';
import { TraceMap, decodedMappings } from '@jridgewell/trace-mapping';
import { build } from 'vite';
import { describe, ensureDist, root, viteConfig } from './lib/buildApp.mjs';

const args = process.argv.slice(2);
const all = args.includes('--all');
ensureDist();
// Without dist's own maps nothing leads back to src/: `npm run build` writes them only with CRK_SOURCEMAP=1.
const distHasMaps = existsSync(resolve(root, 'dist/index.js.map'));
if (!args.includes('--src') && !distHasMaps) {
  process.stderr.write('dist/ has no source maps (CRK_SOURCEMAP=1 npm run build writes them): attributing against src/ instead\n');
}
const fromSrc = args.includes('--src') || !distHasMaps;
const entry = args.find((a) => !a.startsWith('--')) ?? 'uiBundleSize/fullUi.jsx';
const input = resolve(import.meta.dirname, entry);
const outDir = mkdtempSync(join(tmpdir(), 'crk-start-'));

let files;
try {
  const config = viteConfig({ appRoot: dirname(input), input, outDir, write: false });
  if (fromSrc) {
    config.resolve.alias = [
      { find: /^cognito-react-kit\/styles\.css$/, replacement: resolve(root, 'src/ui/styles.css') },
      { find: /^cognito-react-kit$/, replacement: resolve(root, 'src/index.ts') },
    ];
  } else {
    config.plugins = [distSourceMaps()];
  }
  config.build.sourcemap = true;
  const result = await build(config);
  files = (Array.isArray(result) ? result : [result]).flatMap((o) => o.output);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const chunks = new Map(files.filter((f) => f.type === 'chunk').map((f) => [f.fileName, f]));
const atStart = new Set();
const visit = (chunk) => {
  if (atStart.has(chunk.fileName)) return;
  atStart.add(chunk.fileName);
  for (const name of chunk.imports) visit(chunks.get(name));
};
for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk);

/** dist/ files come with their source maps, so the app's map leads back to src/. */
function distSourceMaps() {
  const dist = resolve(root, 'dist');
  return {
    name: 'crk-dist-source-maps',
    load(id) {
      if (!id.startsWith(dist) || !id.endsWith('.js') || !existsSync(`${id}.map`)) return null;
      return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
    },
  };
}

/** Minified bytes of `chunk` by source file, and the chunk's gzip size. */
function attribute(chunk) {
  const bytes = new Map();
  const min = Buffer.byteLength(chunk.code);
  const gzip = gzipSync(chunk.code, { level: 9 }).length;
  // A chunk with no code of its own (only imports) comes without a map.
  if (!chunk.map) return { bytes: new Map([['(unmapped)', min]]), min, gzip };
  const map = new TraceMap(chunk.map);
  const lines = chunk.code.split('\n');
  const add = (source, n) => bytes.set(source, (bytes.get(source) ?? 0) + n);
  decodedMappings(map).forEach((segments, line) => {
    const text = lines[line] ?? '';
    const len = Buffer.byteLength(text) + 1;
    let covered = 0;
    segments.forEach((seg, i) => {
      const from = seg[0];
      const to = i + 1 < segments.length ? segments[i + 1][0] : text.length;
      const n = Buffer.byteLength(text.slice(from, to));
      covered += n;
      add(seg.length > 1 ? map.resolvedSources[seg[1]] : '(unmapped)', n);
    });
    add('(unmapped)', len - covered);
  });
  return { bytes, min, gzip };
}

/** Our files by path; everything else by npm package. */
function label(source) {
  if (source === '(unmapped)') return source;
  const path = source.replace(/^file:\/\//, '');
  // Map sources are relative paths that may resolve outside the repository: our files by their src/ path.
  const ours = path.match(/\/(src\/(?:core|react|ui)\/.*)$/);
  if (ours && !path.includes('node_modules/')) return ours[1];
  const d = describe(resolve(path));
  return d.pkg === '(other)' || process.env.CRK_BY_FILE ? d.name : d.pkg;
}

function table(title, names) {
  const rows = new Map();
  let min = 0;
  let gzip = 0;
  for (const name of names) {
    const a = attribute(chunks.get(name));
    min += a.min;
    gzip += a.gzip;
    for (const [source, n] of a.bytes) {
      const row = rows.get(label(source)) ?? { min: 0, gzip: 0 };
      row.min += n;
      row.gzip += (n / a.min) * a.gzip;
      rows.set(label(source), row);
    }
  }
  const out = [`${title}: ${(min / 1024).toFixed(1)} KiB min, ${(gzip / 1024).toFixed(2)} KiB gzip`, '   min B  ≈gzip B  file or package'];
  const sorted = [...rows].sort((x, y) => y[1].min - x[1].min);
  const ours = sorted.filter(([n]) => n.startsWith('src/'));
  for (const [name, r] of sorted) out.push(`${String(r.min).padStart(8)} ${String(Math.round(r.gzip)).padStart(8)}  ${name}`);
  const sum = (rs) => rs.reduce((s, [, r]) => s + r.gzip, 0);
  out.push(`src/ in all: ≈${(sum(ours) / 1024).toFixed(2)} KiB gzip; src/core ≈${(sum(ours.filter(([n]) => n.startsWith('src/core/'))) / 1024).toFixed(2)}, src/react ≈${(sum(ours.filter(([n]) => n.startsWith('src/react/'))) / 1024).toFixed(2)}, src/ui ≈${(sum(ours.filter(([n]) => n.startsWith('src/ui/'))) / 1024).toFixed(2)}`);
  return out.join('\n');
}

const out = [`${entry} built against ${fromSrc ? 'src/' : 'dist/'}`, '', table('at start', [...atStart])];
const later = [...chunks.keys()].filter((n) => !atStart.has(n));
if (all) for (const name of later) out.push('', table(`on demand ${name}`, [name]));
else out.push('', `on demand (--all for their contents): ${later.map((n) => `${n} ${(gzipSync(chunks.get(n).code, { level: 9 }).length / 1024).toFixed(1)}`).join(', ')}`);
process.stdout.write(`${out.join('\n')}\n`);
