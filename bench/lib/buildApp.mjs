// One way to build every bench app: Vite's build() with no config file, production mode, default minifier,
// automatic JSX runtime, no `define`, browser resolution — what a fresh app gets. `cognito-react-kit` resolves to
// the BUILT package (dist/), as an app installing it would see it.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const root = resolve(import.meta.dirname, '../..');
const distJs = resolve(root, 'dist/index.js');
const distCss = resolve(root, 'dist/styles.css');

/** Vite settings shared by every bench app (ours and aws-amplify's); `html` builds an index.html page instead. */
export function viteConfig({ appRoot, input, outDir, write = true }) {
  return {
    configFile: false,
    envFile: false,
    logLevel: 'silent',
    root: appRoot,
    mode: 'production',
    publicDir: false,
    cacheDir: join(outDir, '.vite-cache'),
    resolve: {
      alias: [
        { find: /^cognito-react-kit\/styles\.css$/, replacement: distCss },
        { find: /^cognito-react-kit\/(core|devtools)$/, replacement: resolve(root, 'dist/$1.js') },
        { find: /^cognito-react-kit$/, replacement: distJs },
      ],
    },
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir,
      write,
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { input },
    },
  };
}

/**
 * Builds `entry` (a file under bench/) and measures what it emits: bytes and gzip (zlib -9 per file, summed),
 * split into what loads at start (the entry chunk and its static imports) and what is import()ed on demand.
 */
export async function buildApp(entry, outDir) {
  const input = resolve(import.meta.dirname, '..', entry);
  const result = await build(viteConfig({ appRoot: dirname(input), input, outDir }));
  const files = (Array.isArray(result) ? result : [result]).flatMap((o) => o.output);
  const size = { js: 0, jsGzip: 0, jsFiles: 0, initial: 0, initialGzip: 0, css: 0, cssGzip: 0, modules: [], initialModules: [], onDemand: [] };
  const byName = new Map(files.filter((f) => f.type === 'chunk').map((f) => [f.fileName, f]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk.fileName)) return;
    initial.add(chunk.fileName);
    for (const name of chunk.imports ?? []) if (byName.has(name)) visit(byName.get(name));
  };
  for (const chunk of byName.values()) if (chunk.isEntry) visit(chunk);
  for (const file of files) {
    if (file.type === 'chunk') {
      const code = Buffer.from(file.code, 'utf8');
      const gzip = gzipSync(code, { level: 9 }).length;
      size.js += code.length;
      size.jsGzip += gzip;
      if (initial.has(file.fileName)) {
        size.initial += code.length;
        size.initialGzip += gzip;
      } else {
        size.onDemand.push({ name: chunkName(file), gzip });
      }
      size.jsFiles += 1;
      for (const [id, info] of Object.entries(file.modules)) {
        const module = { ...describe(id), renderedLength: info.renderedLength };
        size.modules.push(module);
        if (initial.has(file.fileName) && info.renderedLength > 0) size.initialModules.push(module);
      }
    } else if (file.fileName.endsWith('.css')) {
      const source = Buffer.from(file.source);
      size.css += source.length;
      size.cssGzip += gzipSync(source, { level: 9 }).length;
    }
  }
  if (size.jsFiles === 0) throw new Error(`${entry}: the build produced no JavaScript`);
  return size;
}

/** A chunk's readable name: the npm package it comes from, else its file name without the hash (`fr`, `storageLock`). */
function chunkName(chunk) {
  const facade = chunk.facadeModuleId ? describe(chunk.facadeModuleId) : undefined;
  if (facade && facade.name.includes('/') && !facade.pkg.startsWith('(') && !facade.pkg.includes(' ')) return facade.pkg;
  return chunk.name.replace(/-[\w-]{8}$/, '');
}

/** A module id as a readable path, and the package it belongs to. */
export function describe(id) {
  if (id.startsWith('\0')) return { name: id.slice(1), pkg: '(bundler runtime)' };
  const path = id.replace(/\?.*$/, '');
  const rel = relative(root, path).split(sep).join('/');
  const nm = rel.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = rel.slice(nm + 'node_modules/'.length);
    const parts = rest.split('/');
    return { name: rest, pkg: parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0] };
  }
  if (rel.startsWith('dist/')) return { name: `cognito-react-kit/${rel}`, pkg: 'cognito-react-kit (dist)' };
  if (rel.startsWith('bench/')) return { name: rel, pkg: 'app (bench fixture)' };
  return { name: rel.startsWith('..') ? path : rel, pkg: '(other)' };
}

/** Build dist/ when missing; warn when src/ has changed since it was built. */
export function ensureDist() {
  if (!existsSync(distJs) || !existsSync(distCss)) {
    process.stderr.write('dist/ is missing: running npm run build\n');
    const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    if (run.status !== 0) throw new Error('npm run build failed');
    return;
  }
  const built = statSync(distJs).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (statSync(path).mtimeMs > built) newer.push(relative(root, path));
    }
  };
  walk(resolve(root, 'src'));
  if (newer.length > 0) {
    process.stderr.write(`warning: dist/ is older than ${newer.length} file(s) under src/ (${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}); run npm run build for current figures\n`);
  }
}

export const KiB = (bytes) => (bytes / 1024).toFixed(1);
