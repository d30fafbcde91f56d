// The codebase's shape, checked by reading src/ as text: small files, no inheritance chain in the
// engine (STYLE.md: a façade over composed services), and entry files that name every export.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 400;

/** Every file under `dir`, as a path relative to the repository root with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function read(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Lines as `wc -l` counts them, plus a last line without a newline. */
function lineCount(text: string): number {
  const lines = text.split('\n');
  return text.endsWith('\n') ? lines.length - 1 : lines.length;
}

/** `path:line: text` for each line of `files` that matches `pattern`, as grep -n prints them. */
function grep(files: string[], pattern: RegExp): string[] {
  return files.flatMap((path) =>
    read(path)
      .split('\n')
      .flatMap((text, index) => (pattern.test(text) ? [`${path}:${index + 1}: ${text.trim()}`] : [])),
  );
}

describe('source structure', () => {
  it(`has no file under src/ over ${MAX_LINES} lines`, () => {
    const offenders = filesUnder('src')
      .map((path) => ({ path, lines: lineCount(read(path)) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path}: ${lines} lines`);
    expect(offenders, `split these files (limit ${MAX_LINES} lines):\n${offenders.join('\n')}`).toEqual([]);
  });

  // enabled by the engine redesign commit
  it('builds the engine by composition: no `protected` and no class extending an engine layer in src/core', () => {
    const matches = grep(filesUnder('src/core'), /protected|extends (AuthCore|SignInEngine|HostedUiEngine)/);
    expect(matches, `inheritance left in src/core:\n${matches.join('\n')}`).toEqual([]);
  });

  it('imports the non-English dictionaries only through dynamic import() (each its own chunk, loaded on demand)', () => {
    const matches = grep(
      filesUnder('src').filter((path) => /\.tsx?$/.test(path)),
      /^(?!\s*(import|export)\s+type\b).*\bfrom\s+['"][^'"]*\/(de|es|fr|he|hu|id|it|ja|kr|nb|nl|pl|pt|ru|sv|th|tr|ua|zh)['"]/,
    );
    expect(matches, `static imports of a dictionary (use loadLanguage / the DictionaryStore):\n${matches.join('\n')}`).toEqual([]);
  });

  it('lists every export by name in each index.ts entry (no `export *`)', () => {
    const entries = filesUnder('src').filter((path) => path.endsWith('/index.ts'));
    expect(entries).toEqual(expect.arrayContaining(['src/index.ts', 'src/core/index.ts', 'src/react/index.ts', 'src/ui/index.ts']));
    const matches = grep(entries, /^\s*export\s*\*/);
    expect(matches, `name these exports (values with export { … }, types with export type { … }):\n${matches.join('\n')}`).toEqual([]);
  });
});
