// `npm run check:package` (part of `npm test`, after the build): packs the package as `npm publish`
// would, then lints the tarball with publint (--strict: warnings fail too) and arethetypeswrong (every
// entry point in `exports` under node10, node16 from CommonJS and from ESM, and bundler resolution).
// Both run from node_modules, offline. Entry points whose target is not JavaScript (the stylesheet,
// package.json) have no types to check, so attw is told to skip the stylesheet; every other entry is
// found by attw itself in `exports`, so a new entry is checked without editing this file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (name) => join(root, 'node_modules/.bin', name);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const untyped = Object.entries(manifest.exports)
  .filter(([subpath, target]) => subpath !== './package.json' && typeof target === 'string' && !target.endsWith('.js'))
  .map(([subpath]) => subpath);

const dir = mkdtempSync(join(tmpdir(), 'crk-pack-'));
try {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  const tarball = join(dir, packed.filename);
  process.stdout.write(`${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1000).toFixed(1)} kB packed, ${(packed.unpackedSize / 1000).toFixed(1)} kB unpacked\n`);
  execFileSync(bin('publint'), ['run', tarball, '--strict'], { stdio: 'inherit' });
  const exclude = untyped.length > 0 ? ['--exclude-entrypoints', ...untyped] : [];
  execFileSync(bin('attw'), [tarball, '--profile', 'strict', '--format', 'table-flipped', ...exclude], { stdio: 'inherit' });
} catch (error) {
  process.exitCode = 1;
  if (error.status === undefined) throw error; // not a lint failure (those printed their own report)
} finally {
  rmSync(dir, { recursive: true, force: true });
}
