// Only English is in what an app loads at start: bundled as an app's bundler would split the package
// (esbuild, code splitting), the entry and the chunks it imports statically hold the English texts
// and no other language's; each other language is one chunk of its own, reached by import() only.
import { build, type OutputFile } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInLanguages } from '../../src/ui/i18n/languages';
import { shippedDictionaries } from '../support/dictionaries';

/** A text only that language's dictionary has (so finding it in a chunk means the dictionary is there). */
function marker(language: (typeof builtInLanguages)[number]): string {
  const dictionary = shippedDictionaries[language];
  const others = builtInLanguages.filter((other) => other !== language).map((other) => shippedDictionaries[other]);
  const key = (Object.keys(dictionary) as (keyof typeof dictionary)[]).find((candidate) => dictionary[candidate].length > 12 && others.every((other) => other[candidate] !== dictionary[candidate]));
  if (!key) throw new Error(`no text of its own in ${language}`);
  // As the bundler prints it: JSON escapes, the shape esbuild keeps for non-ASCII in string literals.
  return dictionary[key];
}

describe('the start bundle', () => {
  it('holds English only; every other built-in language is its own on-demand chunk', async () => {
    const result = await build({
      entryPoints: [resolve('src/index.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: resolve('.esbuild-i18n-test'),
      write: false,
      charset: 'utf8',
      external: ['react', 'react-dom', 'react/jsx-runtime'],
      logLevel: 'silent',
    });
    const files = new Map(result.outputFiles.map((file: OutputFile) => [file.path.split('/').pop() ?? '', file.text]));
    const entry = [...files.keys()].find((name) => name === 'index.js');
    expect(entry).toBe('index.js');
    // The entry and what it imports statically (`from "./chunk-….js"`), transitively.
    const start = new Set<string>();
    const visit = (name: string) => {
      if (start.has(name)) return;
      start.add(name);
      for (const match of (files.get(name) ?? '').matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) visit(match[1]!);
    };
    visit('index.js');
    const startText = [...start].map((name) => files.get(name)).join('\n');

    expect(startText).toContain(marker('en'));
    const loaded = builtInLanguages.filter((language) => language !== 'en');
    expect(loaded.filter((language) => startText.includes(marker(language)))).toEqual([]);
    for (const language of loaded) {
      const holders = [...files.entries()].filter(([, text]) => text.includes(marker(language))).map(([name]) => name);
      expect(holders, language).toHaveLength(1);
      expect(start.has(holders[0]!), language).toBe(false);
    }
  });
});
