/** The only node:http code: serves a CognitoBackend on a random loopback port. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CognitoBackend } from './backend';
import { RESET_HEADER } from './faults';

export interface BackendServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:54321/`: pass it as the Cognito endpoint. */
  url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    req.on('end', () => resolve(new TextDecoder().decode(concat(chunks))));
    req.on('error', reject);
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** `port` 0 (the default) lets the OS pick a free one. */
export async function startBackendServer(backend: CognitoBackend, opts: { host?: string; port?: number } = {}): Promise<BackendServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
        }
        const response = await backend.handle({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers,
          body: await readBody(req),
        });
        // An injected connection reset (faults.ts): drop the socket without a byte of answer.
        if (response.headers[RESET_HEADER] !== undefined) {
          req.socket.destroy();
          return;
        }
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error instanceof Error ? error.message : 'internal error');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostPart}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
