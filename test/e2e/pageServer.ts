import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'vite';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.map': 'application/json' };

/**
 * Builds a page with Vite's defaults (no config file: what a fresh app gets) and serves it on a
 * loopback port like a single-page app: unknown paths (e.g. /callback) get index.html.
 */
export async function servePage(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'crk-page-'));
  await build({ root, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = extname(path) ? path : '/index.html';
    try {
      const body = await readFile(join(outDir, file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise((done) => server.close(done));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
