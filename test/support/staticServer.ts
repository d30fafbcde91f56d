import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface ServeOptions {
  /** Extension-less paths the directory lacks (a single-page app's routes, e.g. /callback) get /index.html. Default false. */
  singlePageApp?: boolean;
}

/** Serves a built directory (a Vite build, the static Storybook) on a loopback port, as a static host would. */
export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    // Chromium asks for /favicon.ico on its own; the pages have none, and that is no test's error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = options.singlePageApp && !extname(path) ? '/index.html' : path.endsWith('/') ? `${path}index.html` : path;
    try {
      const body = await readFile(join(root, file));
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
    close: () => new Promise((done) => server.close(() => done())),
  };
}
