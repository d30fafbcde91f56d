/**
 * Backend-for-frontend test glue: `createSessionHandler` on a real loopback HTTP server (node:http
 * around the Web handler), and a fetch that behaves as a browser page's would towards it: it sends
 * the page's `Origin` and the cookies stored for the request's path, and keeps what `Set-Cookie` says.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchLike } from '../../src/core/index';
import type { SessionHandler } from '../../src/server/index';

export interface HandlerServer {
  origin: string;
  /** Requests that reached the handler, by path. */
  hits: string[];
  close(): Promise<void>;
}

/** Serves `handler` at http://localhost:<port> (loopback), as a Node app would mount it. */
export async function serveHandler(handler: SessionHandler): Promise<HandlerServer> {
  const hits: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    void answer(handler, origin, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function answer(handler: SessionHandler, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  const response = await handler(new Request(`${origin}${req.url ?? '/'}`, { method, headers, ...(body ? { body } : {}) }));
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

interface StoredCookie {
  value: string;
  path: string;
}

/** The page's fetch: Cognito calls pass through; calls to `origin` carry its cookies and `Origin`. */
export function pageFetch(origin: string) {
  const jar = new Map<string, StoredCookie>();
  const setCookies: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (!url.startsWith(`${origin}/`)) return globalThis.fetch(url, init);
    const path = new URL(url).pathname;
    const cookie = [...jar].filter(([, c]) => path === c.path || path.startsWith(`${c.path}/`)).map(([name, c]) => `${name}=${c.value}`).join('; ');
    const response = await globalThis.fetch(url, { ...init, headers: { ...init.headers, Origin: origin, ...(cookie && { Cookie: cookie }) } });
    for (const header of response.headers.getSetCookie()) {
      setCookies.push(header);
      const [pair = '', ...attributes] = header.split(/;\s*/);
      const name = pair.slice(0, pair.indexOf('='));
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute));
      const cookiePath = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) ?? '/';
      if (expired) jar.delete(name);
      else jar.set(name, { value: pair.slice(name.length + 1), path: cookiePath });
    }
    return response;
  };
  return { fetch, jar, setCookies };
}

/** A StorageLike over a Map, so a test can scan every value the engine stored. */
export function scannableStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}
