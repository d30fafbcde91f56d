/** Adapts a backend to `(Request) => Promise<Response>` for service workers, MSW or a stubbed fetch. */
import type { CognitoBackend } from './backend';
import { RESET_HEADER } from './faults';

export function fetchHandler(backend: CognitoBackend): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const res = await backend.handle({
      method: request.method,
      path: url.pathname + url.search,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
    });
    // An injected connection reset (faults.ts) rejects the way fetch does when the socket drops.
    if (res.headers[RESET_HEADER] !== undefined) throw new TypeError('Failed to fetch');
    // 204 must not carry a body.
    return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  };
}
