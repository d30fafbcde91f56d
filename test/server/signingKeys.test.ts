// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/" }
// The pool's signing keys on a long-running server: fetched once, re-fetched when the pool rotates
// its key, and never more than once per cooldown however many made-up key ids requests carry.
// Counted where they land: the backend's JWKS endpoint.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { b64url, clearCookies, cookieValue, parts, serverFor, signInCookies, tokenKey, withCookie } from './support';

describe('cognito-react-kit/server: the pool’s signing keys', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let clockMs = Date.now();
  const now = () => clockMs;
  let attackerKey: CryptoKey;

  beforeAll(async () => {
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    const pair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, false, ['sign']);
    attackerKey = pair.privateKey;
  });

  afterEach(() => clearCookies());

  /** A token as the pool's but signed by a key nobody published, under key id `kid`. */
  async function unknownKidToken(token: string, kid: string): Promise<string> {
    const { header, payload } = parts(token);
    const input = `${b64url({ ...header, kid })}.${b64url(payload)}`;
    return `${input}.${Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', attackerKey, new TextEncoder().encode(input))).toString('base64url')}`;
  }

  it('fetches the key set once for many requests and both tokens of each', async () => {
    const { backend } = running();
    const cookies = await signInCookies(running(), 'ada', password);
    const server = serverFor(running(), { now });
    const before = backend.jwksRequests();

    const users = await Promise.all(Array.from({ length: 5 }, () => server.getUser(cookies)));
    for (let i = 0; i < 5; i++) expect(await server.getUser(new Request('https://app.example.com/', { headers: { cookie: cookies } }))).not.toBeNull();

    expect(users.map((user) => user?.username)).toEqual(['ada', 'ada', 'ada', 'ada', 'ada']);
    expect(backend.jwksRequests() - before).toBe(1);
  });

  it('accepts a session signed with the pool’s new key after a rotation: one re-fetch for the unknown kid', async () => {
    const { backend } = running();
    const server = serverFor(running(), { now });
    expect(await server.getUser(await signInCookies(running(), 'ada', password))).not.toBeNull();
    const before = backend.jwksRequests();
    clockMs += 31_000; // past the re-fetch cooldown since that fetch

    backend.rotateSigningKey();
    const rotated = await signInCookies(running(), 'ada', password);

    expect(parts(cookieValue(rotated, tokenKey(running(), 'ada', 'idToken'))!).header['kid']).toBe((await backend.jwks()).keys[0]!.kid);
    expect(await server.getUser(rotated)).toMatchObject({ username: 'ada' });
    expect(await server.getUser(rotated)).toMatchObject({ username: 'ada' });
    expect(backend.jwksRequests() - before).toBe(1);
  });

  it('re-fetches for unknown key ids at most once per cooldown (30 s by default), however many arrive', async () => {
    const { backend } = running();
    const cookies = await signInCookies(running(), 'ada', password);
    const server = serverFor(running(), { now });
    expect(await server.getUser(cookies)).not.toBeNull(); // keys fetched
    const idKey = tokenKey(running(), 'ada', 'idToken');
    const idToken = cookieValue(cookies, idKey)!;
    const before = backend.jwksRequests();

    for (let i = 0; i < 8; i++) {
      const forged = withCookie(cookies, idKey, await unknownKidToken(idToken, `made-up-${i}`));
      expect(await server.authenticate(forged)).toEqual({ status: 'signedOut', reason: 'signature' });
    }
    expect(backend.jwksRequests() - before).toBe(0); // the set was fetched less than 30 s ago

    clockMs += 30_001;
    for (let i = 0; i < 8; i++) {
      const forged = withCookie(cookies, idKey, await unknownKidToken(idToken, `made-up-again-${i}`));
      expect(await server.authenticate(forged)).toMatchObject({ reason: 'signature' });
    }
    expect(backend.jwksRequests() - before).toBe(1);
    expect(await server.getUser(cookies)).toMatchObject({ username: 'ada' });
  });

  it('drops the key set after its maximum age (600 s by default): a key the pool stopped publishing stops verifying', async () => {
    const { backend } = running();
    const cookies = await signInCookies(running(), 'ada', password);
    const server = serverFor(running(), { now, clockToleranceSeconds: 3_600 });
    expect(await server.getUser(cookies)).not.toBeNull();
    const before = backend.jwksRequests();

    clockMs += 599_000;
    expect(await server.getUser(cookies)).not.toBeNull();
    expect(backend.jwksRequests() - before).toBe(0);

    clockMs += 2_000;
    backend.rotateSigningKey();
    backend.rotateSigningKey(); // the key of `cookies` is no longer published
    expect(await server.authenticate(cookies)).toEqual({ status: 'signedOut', reason: 'signature' });
    expect(backend.jwksRequests() - before).toBe(1);
  });

  it('is signed out (keysUnavailable) while the keys cannot be fetched, and asks again on the next request', async () => {
    const cookies = await signInCookies(running(), 'ada', password);
    let down = true;
    const calls: string[] = [];
    const server = serverFor(running(), {
      now,
      fetch: (url, init) => {
        calls.push(url);
        return down ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(url, init);
      },
    });

    expect(await server.authenticate(cookies)).toEqual({ status: 'signedOut', reason: 'keysUnavailable' });
    down = false;
    expect(await server.getUser(cookies)).toMatchObject({ username: 'ada' });
    expect(calls.length).toBeGreaterThanOrEqual(2);
  });
});
