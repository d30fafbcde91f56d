/** Vitest glue: one backend server per describe/file, its secrets registered for the console-leak check. */
import { afterAll, beforeAll } from 'vitest';
import { registerSecretSource } from '../support/secrets';
import type { CognitoBackend } from './backend';
import { startBackend } from './index';
import type { BackendOptions } from './types';

export interface Running {
  backend: CognitoBackend;
  url: string;
}

export function useBackend(options?: BackendOptions): () => Running {
  let running: (Running & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    running = await startBackend(options);
    const backend = running.backend;
    // Not unregistered: the leak check runs after this file's afterAll hooks.
    registerSecretSource(() => backend.secrets());
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('backend not started yet');
    return running;
  };
}

/** A password that satisfies the default policy, unique per call. */
let counter = 0;
export function strongPassword(): string {
  counter += 1;
  return `Str0ng!Pass-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
