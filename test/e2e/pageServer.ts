import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { serveDirectory } from '../support/staticServer';

/**
 * Builds a page with Vite's defaults (no config file: what a fresh app gets) and serves it on a
 * loopback port like a single-page app: unknown paths (e.g. /callback) get index.html.
 */
export async function servePage(root: string): Promise<{ url: string; close(): Promise<void> }> {
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
