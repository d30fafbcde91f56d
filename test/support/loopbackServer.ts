import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoopbackServer {
  server: Server;
  /** `http://127.0.0.1:<port>`: another port is another origin. */
  origin: string;
  close(): Promise<void>;
}

/** A plain HTTP server on a random loopback port; `handler` sees each request with its whole body. */
export function listen(handler: (request: IncomingMessage, body: string) => Answer): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const answer = handler(request, body);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body ?? '');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        // A browser keeps its connections open: close them, or close() waits for the browser.
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}
