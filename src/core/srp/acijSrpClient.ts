import { Sha256 } from '@aws-crypto/sha256-js';
import helperModule from 'amazon-cognito-identity-js/lib/AuthenticationHelper.js';
import { base64ToBytes, bytesToBase64, concatBytes, hexToBytes, utf8 } from '../encoding';
import type { DeviceVerifier, PasswordClaimInput, SrpClient, SrpRound } from './srpClient';

// Deep import of the one acij module we need: its package index would also pull in Client,
// CognitoUser, cookies and a fetch polyfill. Its typings omit AuthenticationHelper, and it does not
// export its BigInteger at all; these are the parts of both we use.
interface AcijBigInteger {
  toString(radix: number): string;
}
interface AcijBigIntegerCtor {
  new (value: string, radix: number): AcijBigInteger;
}
type NodeCallback<T> = (error: unknown, value: T) => void;
interface AuthenticationHelper {
  N: AcijBigInteger;
  getLargeAValue(callback: NodeCallback<AcijBigInteger>): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: AcijBigInteger,
    salt: AcijBigInteger,
    callback: NodeCallback<Uint8Array>,
  ): void;
  generateHashDevice(deviceGroupKey: string, username: string, callback: NodeCallback<null>): void;
  getRandomPassword(): string;
  getSaltDevices(): string;
  getVerifierDevices(): string;
}
type HelperCtor = new (poolName: string) => AuthenticationHelper;
// A CommonJS module with `exports.default`: Node hands us `module.exports`, bundlers the default itself.
const Helper: HelperCtor = (helperModule as { default?: HelperCtor }).default ?? (helperModule as HelperCtor);

function call<T>(run: (callback: NodeCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
}

/** The default SRP client: amazon-cognito-identity-js's math (about 140 ms of CPU per sign-in). */
export const acijSrpClient: SrpClient = {
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
};
