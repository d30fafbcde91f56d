import { Sha256 } from '@aws-crypto/sha256-js';
import { base64ToBytes, bytesToBase64, concatBytes, hexToBytes, utf8 } from '../encoding';
import { call, Helper, type AcijBigInteger, type AcijBigIntegerCtor } from './acijHelper';
import type { DeviceVerifier, PasswordClaimInput, SrpClient, SrpRound } from './srpClient';

/** amazon-cognito-identity-js's math (~200 ms of CPU per sign-in): the fallback where BigInt is missing. */
export const acijSrpClient: SrpClient = Object.freeze<SrpClient>({
  async start(poolName: string): Promise<SrpRound> {
    const helper = new Helper(poolName);
    const BigInteger = helper.N.constructor as AcijBigIntegerCtor;
    const largeA = await call<AcijBigInteger>((cb) => helper.getLargeAValue(cb));
    return {
      srpA: largeA.toString(16),
      async passwordClaim(input: PasswordClaimInput): Promise<string> {
        const key = await call<Uint8Array>((cb) =>
          helper.getPasswordAuthenticationKey(
            input.username,
            input.password,
            new BigInteger(input.srpB, 16),
            new BigInteger(input.salt, 16),
            cb,
          ),
        );
        const hmac = new Sha256(key);
        hmac.update(
          concatBytes(utf8(poolName), utf8(input.username), base64ToBytes(input.secretBlock), utf8(input.timestamp)),
        );
        return bytesToBase64(hmac.digestSync());
      },
    };
  },

  async createDeviceVerifier(deviceGroupKey: string, deviceKey: string): Promise<DeviceVerifier> {
    const helper = new Helper(deviceGroupKey);
    await call<null>((cb) => helper.generateHashDevice(deviceGroupKey, deviceKey, cb));
    return {
      randomPassword: helper.getRandomPassword(),
      salt: bytesToBase64(hexToBytes(helper.getSaltDevices())),
      passwordVerifier: bytesToBase64(hexToBytes(helper.getVerifierDevices())),
    };
  },
});
