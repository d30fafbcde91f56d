// Runs in a worker thread (bundled by esbuild, see remoteBackend.ts): the test backend with the
// thread's own WebCrypto, untouched by the test that removes `crypto.subtle` from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { startBackend, totpCode } from '../../backend/index';
import type { BackendOptions } from '../../backend/types';

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

void startBackend(workerData as BackendOptions).then(({ backend, url, close }) => {
  const port = parentPort!;
  port.on('message', ({ id, method, args }: Call) => {
    const run = async (): Promise<unknown> => {
      if (method === 'totpCode') return totpCode(args[0] as string, args[1] as number);
      if (method === 'close') return close();
      const fn = (backend as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`no backend method ${method}`);
      return fn.apply(backend, args);
    };
    run().then(
      (result) => port.postMessage({ id, result }),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  port.postMessage({ ready: true, url, config: { userPoolId: backend.config.userPoolId, clientId: backend.config.clientId } });
});
