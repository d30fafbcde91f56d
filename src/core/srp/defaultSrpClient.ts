import { lazy } from '../lazyService';
import type { SrpClient } from './srpClient';

/**
 * amazon-cognito-identity-js's math, loaded only where native BigInt is missing (very old
 * engines), so the app's main bundle carries neither it nor its `buffer` dependency.
 */
export const acijFallback: SrpClient = Object.freeze<SrpClient>({
  async start(poolName) {
    return (await import('./acijSrpClient')).acijSrpClient.start(poolName);
  },
  async createDeviceVerifier(deviceGroupKey, deviceKey) {
    return (await import('./acijSrpClient')).acijSrpClient.createDeviceVerifier(deviceGroupKey, deviceKey);
  },
});

/**
 * Native BigInt SRP (byte-identical to amazon-cognito-identity-js's, ~7× less CPU), else amazon-cognito-identity-js's.
 * One per engine: a client keeps the key pair it prepared ahead (`prepare()`), which is not to share.
 * The BigInt math is a chunk of its own, loaded on the first `prepare()` (the sign-in form shows) or sign-in.
 */
export function createDefaultSrpClient(): SrpClient {
  if (typeof BigInt !== 'function') return acijFallback;
  const { load } = lazy(() => import('./bigintSrpClient').then((m) => m.createBigintSrpClient()));
  return {
    prepare: () => load().then((c) => c.prepare?.()),
    start: (poolName) => load().then((c) => c.start(poolName)),
    createDeviceVerifier: (deviceGroupKey, deviceKey) => load().then((c) => c.createDeviceVerifier(deviceGroupKey, deviceKey)),
  };
}
