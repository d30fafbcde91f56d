import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { BackendOptions } from '../../backend/types';

/** The test backend in a worker thread, driven by messages. Its crypto is the thread's own. */
export interface RemoteBackend {
  url: string;
  config: { userPoolId: string; clientId: string };
  /** Calls `backend[method](...args)` there (or `totpCode(secret, now)`); results are structured clones. */
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function startRemoteBackend(options: BackendOptions): Promise<RemoteBackend> {
  const bundle = await build({
    entryPoints: [resolve(__dirname, 'backendWorkerMain.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const worker = new Worker(bundle.outputFiles[0]!.text, { eval: true, workerData: options });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const ready = new Promise<{ url: string; config: RemoteBackend['config'] }>((resolveReady, rejectReady) => {
    worker.once('error', rejectReady);
    worker.on('message', (message: { ready?: boolean; url: string; config: RemoteBackend['config']; id: number; result?: unknown; error?: string }) => {
      if (message.ready) return resolveReady(message);
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) call?.reject(new Error(message.error));
      else call?.resolve(message.result);
    });
  });
  const { url, config } = await ready;
  const call = <T>(method: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolveCall, rejectCall) => {
      const id = nextId++;
      pending.set(id, { resolve: resolveCall as (value: unknown) => void, reject: rejectCall });
      worker.postMessage({ id, method, args });
    });
  return {
    url,
    config,
    call,
    async close() {
      await call('close');
      await worker.terminate();
    },
  };
}
