/**
 * Test backend entry for Node tests. Browsers and service workers import './backend' and
 * './fetchHandler' instead (no node: modules there).
 */
import { createBackend, type CognitoBackend } from './backend';
import { startBackendServer } from './server';
import type { BackendOptions } from './types';

export { createBackend, type CognitoBackend } from './backend';
export { startBackendServer, type BackendServer } from './server';
export { fetchHandler } from './fetchHandler';
export { createFaultInjector, FAULT_KINDS, type FaultInjector, type FaultKind, type FaultRule } from './faults';
export { BackendError } from './errors';
export { totpCode } from './totp';
export { decodeJwt } from './jwt';
export { completeHostedUi, type HostedUiCredentials } from './hostedUi';
export type * from './types';

/** createBackend + startBackendServer in one call, for `beforeAll`. */
export async function startBackend(
  options?: BackendOptions,
  listen?: { host?: string; port?: number },
): Promise<{ backend: CognitoBackend; url: string; close(): Promise<void> }> {
  const backend = createBackend(options);
  const server = await startBackendServer(backend, listen);
  return { backend, url: server.url, close: server.close };
}
