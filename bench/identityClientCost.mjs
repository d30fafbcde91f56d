// Bundle cost of getting Cognito identity-pool credentials (GetId + GetCredentialsForIdentity):
// @aws-sdk/client-cognito-identity against a small typed fetch client, each bundled with Vite
// (production, browser resolution, minified) on its own and together with cognito-react-kit/core.
//
//   node bench/identityClientCost.mjs
//
// The two clients are bench/identityClientCost/sdkClient.ts and fetchClient.ts; both export the
// same function, so nothing they use is tree-shaken away. Sizes are bytes of the emitted chunks;
// gzip is zlib level 9 per chunk. "Added to core" = size(core + client) - size(core), built the way
// the package builds (vite.config.ts: define global→globalThis, React external), then minified the
// way an app's bundler would.
import { Buffer } from 'node:buffer';
import { resolve } from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const fixture = (name) => JSON.stringify(resolve(import.meta.dirname, 'identityClientCost', name));
const core = JSON.stringify(resolve(root, 'src/core/index.ts'));

const variants = [
  ['sdk: @aws-sdk/client-cognito-identity', `export { getIdentityCredentials } from ${fixture('sdkClient.ts')};`],
  ['fetch: typed fetch client', `export { getIdentityCredentials } from ${fixture('fetchClient.ts')};`],
  ['core', `export * from ${core};`],
  ['core + sdk', `export * from ${core};\nexport { getIdentityCredentials as benchIdentity } from ${fixture('sdkClient.ts')};`],
  ['core + fetch', `export * from ${core};\nexport { getIdentityCredentials as benchIdentity } from ${fixture('fetchClient.ts')};`],
];

const ENTRY = 'bench-identity-entry';

async function bundle(source, minify) {
  const virtualId = `\0${ENTRY}`;
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    mode: 'production',
    define: { global: 'globalThis' },
    plugins: [
      {
        name: 'bench-identity-entry',
        // Vite resolves lib.entry against root, so match the bare name and its resolved form.
        resolveId: (id) => (id === ENTRY || id === resolve(root, ENTRY) ? virtualId : null),
        load: (id) => (id === virtualId ? source : null),
      },
    ],
    build: {
      write: false,
      minify,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: ENTRY, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//] },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((o) => o.output).filter((file) => file.type === 'chunk');
  if (chunks.length === 0) throw new Error('the build produced no JavaScript');
  // Chunks the entry loads up front (it and its static imports); the rest are import()ed on demand.
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const eager = new Set();
  const visit = (chunk) => {
    if (!chunk || eager.has(chunk.fileName)) return;
    eager.add(chunk.fileName);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  let bytes = 0;
  let gzip = 0;
  let eagerGzip = 0;
  for (const chunk of chunks) {
    const code = Buffer.from(chunk.code, 'utf8');
    const zipped = gzipSync(code, { level: 9 }).length;
    bytes += code.length;
    gzip += zipped;
    if (eager.has(chunk.fileName)) eagerGzip += zipped;
  }
  return { bytes, gzip, eagerGzip, chunks: chunks.length };
}

const sizes = new Map();
for (const [name, source] of variants) {
  sizes.set(name, { min: await bundle(source, true), raw: await bundle(source, false) });
}

const out = [];
const pad = (text, width) => String(text).padStart(width);
const header = ['min bytes', 'min gzip', 'eager gzip', 'raw bytes', 'raw gzip'];
const row = (label, v) => `${label.padEnd(40)}${[v.min.bytes, v.min.gzip, v.min.eagerGzip, v.raw.bytes, v.raw.gzip].map((n, i) => pad(n, header[i].length + 2)).join('')}`;
out.push(`${'bundle'.padEnd(40)}${header.map((h) => pad(h, h.length + 2)).join('')}${pad('chunks', 8)}`);
for (const [name, v] of sizes) out.push(`${row(name, v)}${pad(v.min.chunks, 8)}`);
const minus = (a, b) => ({
  min: { bytes: a.min.bytes - b.min.bytes, gzip: a.min.gzip - b.min.gzip, eagerGzip: a.min.eagerGzip - b.min.eagerGzip },
  raw: { bytes: a.raw.bytes - b.raw.bytes, gzip: a.raw.gzip - b.raw.gzip },
});
const [sdk, fetchClient, coreOnly, coreSdk, coreFetch] = [...sizes.values()];
out.push('');
out.push(row('sdk - fetch (standalone)', minus(sdk, fetchClient)));
out.push(row('added to core by sdk', minus(coreSdk, coreOnly)));
out.push(row('added to core by fetch', minus(coreFetch, coreOnly)));
out.push(row('added by sdk - added by fetch', minus(coreSdk, coreFetch)));
out.push('');
out.push('min = minified by Vite; raw = unminified, as dist/ ships; gzip = zlib level 9, summed over chunks;');
out.push('eager gzip = only the chunks loaded up front (the SDK also emits an event-stream chunk it import()s on demand).');
process.stdout.write(`${out.join('\n')}\n`);
