// After `tsc -p tsconfig.build.json`: makes dist/types/ resolvable under every TypeScript
// `moduleResolution`, without touching the sources (which import extensionless, as bundlers allow).
// 1. Each relative specifier in a .d.ts gets the path Node would load: `./flows/signIn` →
//    `./flows/signIn.js`, `./ui` → `./ui/index.js`. node16/nodenext follow only such paths.
// 2. Each .d.ts gets a .d.cts twin whose specifiers end in `.cjs`: the types of the CommonJS build
//    (the `require` condition). A CommonJS importer then sees CommonJS types, which is what it loads;
//    the ESM .d.ts would make TypeScript refuse the import under node16 (TS1479).
// A specifier that matches no declaration fails the build: a package whose types silently become
// `any` is worse than no package.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const TYPES = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist/types');
// `from './x'`, `import('./x')`, `import './x'` (the only forms tsc emits in declarations).
const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

/** The Node-style path of `specifier` seen from the declaration `file`. */
function explicit(file, specifier) {
  const target = resolve(dirname(file), specifier.replace(/\.js$/, ''));
  const base = specifier.replace(/\.js$/, '').replace(/\/$/, '');
  if (existsSync(`${target}.d.ts`)) return `${base}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${base}/index.js`;
  throw new Error(`${relative(TYPES, file)}: '${specifier}' matches no declaration under dist/types`);
}

const files = readdirSync(TYPES, { recursive: true })
  .map((path) => join(TYPES, String(path)))
  .filter((path) => path.endsWith('.d.ts'));
if (files.length === 0) throw new Error('dist/types has no .d.ts: run `tsc -p tsconfig.build.json` first');

/** `text` with `rewrite` applied to the relative specifiers of its code lines (TSDoc may quote imports). */
function rewriteSpecifiers(text, rewrite) {
  return text
    .split('\n')
    .map((line) => (/^\s*(\*|\/\*|\/\/)/.test(line) ? line : line.replace(RELATIVE, (_all, lead, quote, specifier) => `${lead}${quote}${rewrite(specifier)}${quote}`)))
    .join('\n');
}

for (const file of files) {
  const esm = rewriteSpecifiers(readFileSync(file, 'utf8'), (specifier) => explicit(file, specifier));
  writeFileSync(file, esm);
  const cjs = rewriteSpecifiers(esm, (specifier) => specifier.replace(/\.js$/, '.cjs'));
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), cjs);
}
process.stdout.write(`dist/types: ${files.length} declarations with explicit specifiers, each with a .d.cts twin\n`);
