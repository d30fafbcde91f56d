/**
 * The packages a built JS file reaches: follows its relative `import`/`export … from`/`import()`/
 * `require()` specifiers through the package's files and collects the bare ones, as package names.
 * Dynamic imports count: a module loaded later is still a module the install must provide.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;

export function bareImports(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // Comments out first: bundled code keeps its JSDoc, whose examples show imports that are not there.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [, , specifier] of code.matchAll(SPECIFIER)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(entry);
  return [...packages].sort();
}
