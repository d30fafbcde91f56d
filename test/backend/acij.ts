/**
 * Promise wrappers around amazon-cognito-identity-js (a client we did not write), used to prove the
 * backend against a real Cognito client. Each auth callback becomes one variant of `Outcome`.
 */
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type IAuthenticationCallback,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import type { CognitoBackend } from './backend';

export class MemoryStorage implements ICognitoStorage {
  readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

export interface ClientError {
  name: string;
  message: string;
}

/** acij callbacks that carry a challenge name and parameters. */
type MfaStep = 'mfaRequired' | 'totpRequired' | 'mfaSetup' | 'selectMFAType';

export type Outcome =
  | { type: 'success'; session: CognitoUserSession }
  | { type: 'failure'; error: ClientError }
  | { type: 'newPasswordRequired'; userAttributes: unknown; requiredAttributes: unknown }
  | { [K in MfaStep]: { type: K; challengeName: string; params: Record<string, string> } }[MfaStep]
  | { type: 'customChallenge'; params: Record<string, string> };

export function toClientError(err: unknown): ClientError {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'UnknownError', message: String(err) };
}

export function poolFor(backend: CognitoBackend, url: string, storage: ICognitoStorage = new MemoryStorage()): CognitoUserPool {
  return new CognitoUserPool({ UserPoolId: backend.config.userPoolId, ClientId: backend.config.clientId, endpoint: url, Storage: storage });
}

export function userFor(pool: CognitoUserPool, username: string, storage: ICognitoStorage): CognitoUser {
  return new CognitoUser({ Username: username, Pool: pool, Storage: storage });
}

/** Builds callbacks that settle the promise on whichever acij callback fires first. */
function callbacks(resolve: (o: Outcome) => void): IAuthenticationCallback {
  const params = (p: unknown): Record<string, string> => (p ?? {}) as Record<string, string>;
  return {
    onSuccess: (session) => resolve({ type: 'success', session }),
    onFailure: (err: unknown) => resolve({ type: 'failure', error: toClientError(err) }),
    newPasswordRequired: (userAttributes: unknown, requiredAttributes: unknown) =>
      resolve({ type: 'newPasswordRequired', userAttributes, requiredAttributes }),
    mfaRequired: (challengeName, p: unknown) => resolve({ type: 'mfaRequired', challengeName, params: params(p) }),
    totpRequired: (challengeName, p: unknown) => resolve({ type: 'totpRequired', challengeName, params: params(p) }),
    mfaSetup: (challengeName, p: unknown) => resolve({ type: 'mfaSetup', challengeName, params: params(p) }),
    selectMFAType: (challengeName, p: unknown) => resolve({ type: 'selectMFAType', challengeName, params: params(p) }),
    customChallenge: (p: unknown) => resolve({ type: 'customChallenge', params: params(p) }),
  };
}

export function signIn(user: CognitoUser, password: string | undefined): Promise<Outcome> {
  return new Promise((resolve) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), callbacks(resolve));
  });
}

export function sendMFACode(user: CognitoUser, code: string, type?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA'): Promise<Outcome> {
  return new Promise((resolve) => user.sendMFACode(code, callbacks(resolve), type));
}

export function sendMFASelectionAnswer(user: CognitoUser, answer: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA'): Promise<Outcome> {
  return new Promise((resolve) => user.sendMFASelectionAnswer(answer, callbacks(resolve)));
}

export function sendCustomChallengeAnswer(user: CognitoUser, answer: string): Promise<Outcome> {
  return new Promise((resolve) => user.sendCustomChallengeAnswer(answer, callbacks(resolve)));
}

export function completeNewPassword(user: CognitoUser, password: string, attributes: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => user.completeNewPasswordChallenge(password, attributes, callbacks(resolve)));
}

export function associateSoftwareToken(user: CognitoUser): Promise<string> {
  return new Promise((resolve, reject) => {
    user.associateSoftwareToken({
      associateSecretCode: (secret: string) => resolve(secret),
      onFailure: (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
    });
  });
}

/** During MFA_SETUP this also answers the challenge, so success carries a session. */
export function verifySoftwareToken(user: CognitoUser, code: string): Promise<Outcome> {
  return new Promise((resolve) => {
    user.verifySoftwareToken(code, 'test-authenticator', {
      onSuccess: (session: CognitoUserSession) => resolve({ type: 'success', session }),
      onFailure: (err: unknown) => resolve({ type: 'failure', error: toClientError(err) }),
    });
  });
}

/** For acij's `{onSuccess, onFailure}` style methods. */
export function settle<T>(run: (cb: { onSuccess: (value: T) => void; onFailure: (err: unknown) => void }) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    run({ onSuccess: resolve, onFailure: (err) => reject(err instanceof Error ? err : new Error(String(err))) });
  });
}

/** For acij's node-style `(err, result)` callbacks. */
export function nodeStyle<T>(run: (cb: (err: unknown, result?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    run((err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result as T)));
  });
}

export function expectOutcome<K extends Outcome['type']>(outcome: Outcome, type: K): Extract<Outcome, { type: K }> {
  if (outcome.type !== type) {
    const detail = outcome.type === 'failure' ? `${outcome.error.name}: ${outcome.error.message}` : outcome.type;
    throw new Error(`expected ${type}, got ${detail}`);
  }
  return outcome as Extract<Outcome, { type: K }>;
}
