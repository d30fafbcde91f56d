import helperModule from 'amazon-cognito-identity-js/lib/AuthenticationHelper.js';

// Deep import of the one acij module we need: its package index would also pull in Client,
// CognitoUser, cookies and a fetch polyfill. Its typings omit AuthenticationHelper, and it does not
// export its BigInteger at all; these are the parts of both we use.
export interface AcijBigInteger {
  toString(radix: number): string;
}
export interface AcijBigIntegerCtor {
  new (value: string, radix: number): AcijBigInteger;
}
export type NodeCallback<T> = (error: unknown, value: T) => void;
export interface AuthenticationHelper {
  N: AcijBigInteger;
  /** The private `a`; tests set it to compare implementations on the same input. */
  smallAValue: AcijBigInteger;
  largeAValue: AcijBigInteger | undefined;
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
export type HelperCtor = new (poolName: string) => AuthenticationHelper;
// A CommonJS module with `exports.default`: Node hands us `module.exports`, bundlers the default itself.
export const Helper: HelperCtor = (helperModule as { default?: HelperCtor }).default ?? (helperModule as HelperCtor);

/** acij's node-style callbacks as a promise. */
export function call<T>(run: (callback: NodeCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
}
