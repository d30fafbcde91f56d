/** Fixtures and assertions shared by the config tests. */
import { expect } from 'vitest';
import { normalizeConfigInput, resolveConfig, type AuthConfig, type AuthConfigInput, type ResolvedAuthConfig } from '../../src/core/config';
import { ConfigError, type ConfigIssue } from '../../src/core/errors';

export const POOL = 'us-east-1_AbCdEf123';
export const CLIENT = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
export const IDP = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
export const BASE: AuthConfig = { userPoolId: POOL, userPoolWebClientId: CLIENT };
export const OAUTH = {
  domain: 'myapp.auth.us-east-1.amazoncognito.com',
  redirectSignIn: 'http://localhost:3000/',
  redirectSignOut: 'http://localhost:3000/',
};

/** Config input in any form → resolved config. */
export function load(input: unknown): ResolvedAuthConfig {
  return resolveConfig(normalizeConfigInput(input as AuthConfigInput)); // tests pass wrong shapes on purpose
}

export function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but the call succeeded');
}

/** The issues of loading `input`, which must fail. */
export function issuesOf(input: unknown): readonly ConfigIssue[] {
  return errorOf(() => load(input)).issues;
}

export function fieldsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.field);
}

export function reasonFor(input: unknown, field: string): string {
  return issuesOf(input)
    .filter((issue) => issue.field === field)
    .map((issue) => issue.reason)
    .join(' | ');
}
