// The server entry is framework-free and Web-standard: no React, no `next`, no `react-router`, no
// 'use client', and it reaches the engine only through its public entry. Proven in plain Node (no
// DOM) with React mocked away: the verifier is created and refuses a forged session there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/core/index';
import { createServerAuth } from '../../src/server/index';

vi.mock('react', () => ({}));
vi.mock('react-dom', () => ({}));

const dir = fileURLToPath(new URL('../../src/server/', import.meta.url));
const sources = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

describe('the server entry', () => {
  it('imports nothing but its own files and the core’s public entry; no directive', () => {
    const specifiers = sources.flatMap(({ text }) => [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]));
    expect(specifiers.filter((spec) => spec !== '../core/index' && !/^\.\/\w+$/.test(spec!))).toEqual([]);
    expect(sources.filter(({ text }) => /^\s*['"]use (client|server)['"]/m.test(text)).map(({ name }) => name)).toEqual([]);
    expect(typeof globalThis.document).toBe('undefined');
  });

  it('runs without a DOM or React: a forged alg:none session is refused, no key fetched', async () => {
    const fetch = vi.fn();
    const server = createServerAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3' }, { fetch });
    const claims = { sub: 'u1', iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123', exp: 4_102_444_800, iat: 1 };
    const token = (payload: object) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const prefix = 'CognitoIdentityServiceProvider.a1b2c3d4e5f6g7h8i9j0k1l2m3';
    const cookie = [
      `${prefix}.LastAuthUser=admin`,
      `${prefix}.admin.idToken=${token({ ...claims, token_use: 'id', aud: 'a1b2c3d4e5f6g7h8i9j0k1l2m3', 'cognito:username': 'admin' })}`,
      `${prefix}.admin.accessToken=${token({ ...claims, token_use: 'access', client_id: 'a1b2c3d4e5f6g7h8i9j0k1l2m3', username: 'admin' })}`,
    ].join('; ');

    expect(await server.authenticate(new Request('https://app.example.com/', { headers: { cookie } }))).toEqual({ status: 'signedOut', reason: 'algorithm' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('takes the browser engine’s config forms (Gen 2 amplify_outputs.json here) and names what is missing', () => {
    expect(() => createServerAuth({ version: '1', auth: { aws_region: 'eu-west-1', user_pool_id: 'eu-west-1_AbCdEf123', user_pool_client_id: 'a1b2c3d4e5f6g7h8i9j0k1l2m3' } })).not.toThrow();
    const missing = (() => {
      try {
        createServerAuth({ userPoolId: 'eu-west-1_AbCdEf123' });
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(ConfigError);
    expect((missing as ConfigError).fields).toEqual(['userPoolWebClientId']);
    expect(() => createServerAuth({ userPoolId: 'not a pool', userPoolWebClientId: 'a1b2' })).toThrow(ConfigError);
  });
});
