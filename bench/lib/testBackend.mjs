// The test backend (test/backend, TypeScript) for plain `node bench/*.mjs` scripts: Vite bundles its Node
// entry into a temporary ES module once per run (no tsx, no loader hooks), which is then imported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { root } from './buildApp.mjs';

/** Imports test/backend/index.ts (startBackend, totpCode, …), bundled for Node into a temporary folder. */
export async function loadTestBackend() {
  const outDir = mkdtempSync(join(tmpdir(), 'crk-bench-backend-'));
  try {
    await build({
      configFile: false,
      envFile: false,
      logLevel: 'silent',
      root,
      publicDir: false,
      build: {
        ssr: join(root, 'test/backend/index.ts'),
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        minify: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'backend.mjs' } },
      },
    });
    return await import(pathToFileURL(join(outDir, 'backend.mjs')).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
