// An HTTP proxy in front of the test backend that holds every request `delayMs` before forwarding it: the
// network latency both apps see in the latency bench (CORS preflights included, as a browser sends them).
import { Buffer } from 'node:buffer';
import { createServer, request } from 'node:http';
import { setTimeout } from 'node:timers';
import { URL } from 'node:url';

/** Listens on 127.0.0.1 (any free port) and forwards to `target` (the backend's url) after `delayMs`. */
export async function startDelayProxy(target, delayMs) {
  const upstream = new URL(target);
  const log = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      log.push({ method: req.method, target: String(req.headers['x-amz-target'] ?? req.url).replace(/^.*\./, '') });
      setTimeout(() => {
        const forward = request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
          (answer) => {
            const headers = { ...answer.headers };
            // Cognito allows the AWS SDK's own headers (amz-sdk-request, amz-sdk-invocation-id, which aws-amplify
            // sends); the test backend's list predates them, so the preflight answer allows what was asked.
            if (req.method === 'OPTIONS' && req.headers['access-control-request-headers']) {
              headers['access-control-allow-headers'] = req.headers['access-control-request-headers'];
            }
            res.writeHead(answer.statusCode ?? 502, headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.destroy());
        forward.end(body);
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** Requests seen since the last reset: `{ method, target }` (target = X-Amz-Target operation or path). */
    requests: () => [...log],
    reset: () => void log.splice(0),
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(done);
    }),
  };
}
