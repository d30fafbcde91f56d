import type { IsolationWorker } from 'cognito-react-kit/core';

/**
 * Runs the token-isolation worker's own source (the text the engine would put in a Blob URL) in this
 * page, with `fetch` as its network: a story's backend lives in the page, where a real Web Worker's
 * requests cannot reach it. Everything else is the shipped code; only the thread differs, so it
 * isolates nothing from page scripts. In an app the worker is a real Web Worker.
 */
export function inPageWorker(fetch: (url: string, init: RequestInit) => Promise<Response>): (source: string) => IsolationWorker {
  return (source) => {
    const scope: { fetch: typeof fetch; crypto: Crypto; onmessage: ((event: { data: unknown; ports: readonly unknown[] }) => void) | null } = {
      fetch,
      crypto: globalThis.crypto,
      onmessage: null,
    };
    // The source is one expression over `self`, as in a worker.
    new Function('self', source)(scope);
    return {
      onerror: null,
      // Later, as a real worker's message would arrive.
      postMessage: (data, transfer) => void Promise.resolve().then(() => scope.onmessage?.({ data, ports: transfer ?? [] })),
      terminate: () => {
        scope.onmessage = null;
      },
    };
  };
}
