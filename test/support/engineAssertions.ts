/** Small assertions and names shared by the engine tests. */
import { expect } from 'vitest';
import { AuthError } from '../../src/core/index';
import type { CognitoBackend } from '../backend/backend';

// acij/Amplify's keys, plus the stamp of a whole write (issue 14 §1), which they ignore.
export const SESSION_ITEMS = ['accessToken', 'clockDrift', 'idToken', 'refreshToken', 'sessionStamp'] as const;
export const DEVICE_ITEMS = ['deviceGroupKey', 'deviceKey', 'randomPasswordKey'] as const;

/** The storage keys acij/Amplify use for `username`'s items, plus `LastAuthUser` when asked, sorted. */
export function storedKeys(clientId: string, username: string, items: readonly string[], lastAuthUser = true): string[] {
  const prefix = `CognitoIdentityServiceProvider.${clientId}`;
  return [...items.map((item) => `${prefix}.${username}.${item}`), ...(lastAuthUser ? [`${prefix}.LastAuthUser`] : [])].sort();
}

/** The rejection of `promise`, which must be an AuthError. */
export async function authErrorOf(promise: Promise<unknown>): Promise<AuthError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AuthError);
  return outcome as AuthError;
}

/** Operation names the backend received, in order. */
export function operations(backend: CognitoBackend): string[] {
  return backend.requests().map((request) => request.operation);
}

/** `ChallengeName` of every RespondToAuthChallenge the backend received, in order. */
export function answeredChallenges(backend: CognitoBackend): string[] {
  return backend
    .requests()
    .filter((request) => request.operation === 'RespondToAuthChallenge')
    .map((request) => String((request.input as { ChallengeName?: unknown }).ChallengeName));
}

/** The input of the n-th request for `operation` (0-based). */
export function inputOf(backend: CognitoBackend, operation: string, index = 0): Record<string, unknown> {
  const input = backend.requests().filter((request) => request.operation === operation)[index]?.input;
  if (!input || typeof input !== 'object') throw new Error(`no ${operation} request #${index}`);
  return input as Record<string, unknown>;
}

/** A six-digit code that is not `code`. */
export function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

let counter = 0;
/** A username no other test in the file uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}
