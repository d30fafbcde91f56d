import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { builtPackage } from '../support/builtPackage';
import { serveDirectory } from '../support/staticServer';

/**
 * Builds a page with Vite's defaults (no config file: what a fresh app gets) and serves it on a
 * loopback port like a single-page app: unknown paths (e.g. /callback) get index.html. Every page
 * imports the built package (dist/), which is built first when missing.
 */
export async function servePage(root: string): Promise<{ url: string; close(): Promise<void> }> {
  await builtPackage();
  const outDir = await mkdtemp(join(tmpdir(), 'crk-page-'));
  await build({ root, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const site = await serveDirectory(outDir, { singlePageApp: true });
  return {
    url: site.url,
    async close() {
      await site.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
