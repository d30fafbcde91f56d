import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Storybook bundles backend.ts into the page (stories/support/scenario.ts): nothing it reaches may need Node.
const here = dirname(fileURLToPath(import.meta.url));

/** Every module backend.ts reaches through relative imports (type-only imports included: cheap and stricter). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      if (spec) visit(join(dirname(file), `${spec}.ts`));
    }
  };
  visit(join(here, entry));
  return [...seen].map((file) => relative(here, file)).sort();
}

describe('the transport-free backend stays browser-safe', () => {
  it('reaches no node: module and no Buffer from backend.ts (passkey verification included)', () => {
    const files = reachable('backend.ts');
    expect(files).toContain('webauthn/registration.ts');
    const code = (file: string): string => readFileSync(join(here, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const offenders = files.filter((file) => /from 'node:|\bBuffer\b|require\(/.test(code(file)));
    expect(offenders).toEqual([]);
  });
});
