import { bigintSrpClient } from './bigintSrpClient';
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

/** Native BigInt SRP (byte-identical to acij's, ~7× less CPU), else acij's. */
export const defaultSrpClient: SrpClient = typeof BigInt === 'function' ? bigintSrpClient : acijFallback;
