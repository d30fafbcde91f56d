import { createBigintSrpClient } from './bigintSrpClient';
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
 */
export function createDefaultSrpClient(): SrpClient {
  return typeof BigInt === 'function' ? createBigintSrpClient() : acijFallback;
}
