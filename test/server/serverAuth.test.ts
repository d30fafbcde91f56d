// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/" }
// The server entry against the browser engine's real cookies: a sign-in through the engine (cookie
// storage) against the test backend, then the Cookie header a browser would send, verified.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../src/core/index';
import { createServerAuth } from '../../src/server/index';
import { startBackend } from '../backend/index';
import { strongPassword, useBackend } from '../backend/harness';
import { PAGE, b64url, browserConfig, clearCookies, cookiePairs, cookieValue, countingFetch, parts, serverFor, signInCookies, tokenKey, withCookie } from './support';

describe('cognito-react-kit/server: the engine’s cookie session, verified', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let cookies = '';

  beforeAll(async () => {
    const { backend } = running();
    await backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com', name: 'Ada' } });
    await backend.createUser({ username: 'bob', password, attributes: { email: 'bob@example.com' } });
    cookies = await signInCookies(running(), 'ada', password);
  });

  afterEach(() => clearCookies());

  const idToken = () => cookieValue(cookies, tokenKey(running(), 'ada', 'idToken'))!;
  const accessToken = () => cookieValue(cookies, tokenKey(running(), 'ada', 'accessToken'))!;
  /** The session cookies with the id and/or access token replaced. */
  const replaced = (tokens: { id?: string; access?: string }): string => {
    let header = cookies;
    if (tokens.id !== undefined) header = withCookie(header, tokenKey(running(), 'ada', 'idToken'), tokens.id);
    if (tokens.access !== undefined) header = withCookie(header, tokenKey(running(), 'ada', 'accessToken'), tokens.access);
    return header;
  };

  it('returns the user the browser engine sees, from a Request, its Headers or the Cookie header itself', async () => {
    clearCookies();
    const browser = createAuth(browserConfig(running()));
    await browser.signIn({ username: 'ada', password });
    const header = document.cookie;
    const server = serverFor(running());

    const fromRequest = await server.getSession(new Request('https://app.example.com/account', { headers: { cookie: header } }));

    expect(fromRequest?.user).toEqual(browser.getState().user);
    expect(fromRequest?.user).toMatchObject({ username: 'ada', attributes: { email: 'ada@example.com', name: 'Ada' } });
    expect(fromRequest?.idTokenClaims).toMatchObject({ token_use: 'id', 'cognito:username': 'ada', email: 'ada@example.com', aud: running().backend.config.clientId });
    expect(fromRequest?.accessTokenClaims).toMatchObject({ token_use: 'access', username: 'ada', client_id: running().backend.config.clientId });
    expect(fromRequest?.accessToken).toBe((await browser.currentSession()).accessToken);
    expect(await server.getUser(new Headers({ cookie: header }))).toEqual(fromRequest?.user);
    expect(await server.getUser(header)).toEqual(fromRequest?.user);
  });

  it('is signed out (noSession) without the cookies, and after the browser engine signs out', async () => {
    const server = serverFor(running());
    expect(await server.authenticate(null)).toEqual({ status: 'signedOut', reason: 'noSession' });
    expect(await server.authenticate(new Request('https://app.example.com/'))).toEqual({ status: 'signedOut', reason: 'noSession' });
    expect(await server.authenticate('theme=dark; other=1')).toEqual({ status: 'signedOut', reason: 'noSession' });

    const browser = createAuth(browserConfig(running()));
    await browser.signIn({ username: 'bob', password });
    expect(await server.getUser(document.cookie)).toMatchObject({ username: 'bob' });
    await browser.signOut();
    expect(await server.authenticate(document.cookie)).toEqual({ status: 'signedOut', reason: 'noSession' });
  });

  it('refuses a forged `alg: none` session claiming to be an admin, without fetching any key', async () => {
    const { fetch, urls } = countingFetch();
    const server = serverFor(running(), { fetch });
    const forge = (token: string) => {
      const { header, payload } = parts(token);
      return `${b64url({ ...header, alg: 'none' })}.${b64url({ ...payload, 'cognito:groups': ['admin'], email: 'root@example.com' })}.`;
    };

    const result = await server.authenticate(replaced({ id: forge(idToken()), access: forge(accessToken()) }));

    expect(result).toEqual({ status: 'signedOut', reason: 'algorithm' });
    expect(urls).toEqual([]);
    expect(await server.authenticate(replaced({ id: forge(idToken()).slice(0, -1) }))).toMatchObject({ reason: 'malformed' });
  });

  it('refuses HS256 keyed with the pool’s public key (the algorithm-confusion attack)', async () => {
    const { backend, url } = running();
    const jwks = (await (await fetch(`${url}${backend.config.userPoolId}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    const publicKey = JSON.stringify(jwks.keys[0]);
    const hmac = await crypto.subtle.importKey('raw', new TextEncoder().encode(publicKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const { header, payload } = parts(idToken());
    const input = `${b64url({ ...header, alg: 'HS256' })}.${b64url({ ...payload, email: 'root@example.com' })}`;
    const signature = Buffer.from(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(input))).toString('base64url');

    expect(await serverFor(running()).authenticate(replaced({ id: `${input}.${signature}` }))).toEqual({ status: 'signedOut', reason: 'algorithm' });
  });

  it('refuses a tampered payload, and a token signed by a key the pool does not publish', async () => {
    const server = serverFor(running());
    const { header, payload, signature } = parts(idToken());
    const tampered = `${b64url(header)}.${b64url({ ...payload, email: 'root@example.com' })}.${signature}`;
    expect(await server.authenticate(replaced({ id: tampered }))).toEqual({ status: 'signedOut', reason: 'signature' });

    // Same claims and kid, signed by another RSA key (an attacker's own).
    const attacker = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, false, ['sign']);
    const input = `${b64url(header)}.${b64url(payload)}`;
    const forged = `${input}.${Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', attacker.privateKey, new TextEncoder().encode(input))).toString('base64url')}`;
    expect(await server.authenticate(replaced({ id: forged }))).toEqual({ status: 'signedOut', reason: 'signature' });
    expect(await server.getUser(cookies)).toMatchObject({ username: 'ada' });
  });

  it('refuses expired tokens beyond the 30 s tolerance: by the clock, and tokens signed by the pool with a past exp', async () => {
    const { exp } = parts(accessToken()).payload as { exp: number };
    const at = (seconds: number) => serverFor(running(), { now: () => seconds * 1000 });

    expect(await at(exp + 29).getUser(cookies)).toMatchObject({ username: 'ada' });
    expect(await at(exp + 31).authenticate(cookies)).toEqual({ status: 'signedOut', reason: 'expired' });
    expect(await serverFor(running(), { now: () => (exp + 5) * 1000, clockToleranceSeconds: 0 }).authenticate(cookies)).toMatchObject({ reason: 'expired' });

    const { payload } = parts(idToken());
    const expiredId = await running().backend.signJwt({ ...payload, iat: Number(payload['iat']) - 7200, exp: Number(payload['iat']) - 3600 });
    expect(await serverFor(running()).authenticate(replaced({ id: expiredId }))).toEqual({ status: 'signedOut', reason: 'expired' });
    const futureId = await running().backend.signJwt({ ...payload, iat: Number(payload['iat']) + 3600, exp: Number(payload['exp']) + 3600 });
    expect(await serverFor(running()).authenticate(replaced({ id: futureId }))).toEqual({ status: 'signedOut', reason: 'issuedInFuture' });
  });

  it('refuses tokens the pool signed for another app client, another use, or another user', async () => {
    const { backend } = running();
    const server = serverFor(running());
    const id = parts(idToken()).payload;
    const access = parts(accessToken()).payload;

    const otherAud = await backend.signJwt({ ...id, aud: 'anotherClient1' });
    expect(await server.authenticate(replaced({ id: otherAud }))).toEqual({ status: 'signedOut', reason: 'audience' });
    const otherClient = await backend.signJwt({ ...access, client_id: 'anotherClient1' });
    expect(await server.authenticate(replaced({ access: otherClient }))).toEqual({ status: 'signedOut', reason: 'audience' });
    const extraAudience = await backend.signJwt({ ...id, aud: [backend.config.clientId, 'anotherClient1'] });
    expect(await server.authenticate(replaced({ id: extraAudience }))).toEqual({ status: 'signedOut', reason: 'audience' });

    expect(await server.authenticate(replaced({ access: idToken() }))).toEqual({ status: 'signedOut', reason: 'tokenUse' });
    expect(await server.authenticate(replaced({ id: accessToken() }))).toEqual({ status: 'signedOut', reason: 'tokenUse' });

    const bobs = await signInCookies(running(), 'bob', password);
    const bobAccess = cookieValue(bobs, tokenKey(running(), 'bob', 'accessToken'))!;
    expect(await server.authenticate(replaced({ access: bobAccess }))).toEqual({ status: 'signedOut', reason: 'mismatch' });
    // A session cookie for another app client's config is not this app's session at all.
    expect(await createServerAuth({ ...browserConfig(running()), userPoolWebClientId: 'anotherClient1' }).authenticate(cookies)).toEqual({ status: 'signedOut', reason: 'noSession' });
  });

  it('refuses a session from another user pool: another issuer, and that pool’s signature on our issuer', async () => {
    const other = await startBackend({ userPoolId: 'us-east-1_OtherPool9', clientId: running().backend.config.clientId, deviceTracking: false });
    try {
      await other.backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
      const theirs = await signInCookies({ backend: other.backend, url: other.url }, 'ada', password);
      const server = serverFor(running());

      expect(await server.authenticate(theirs)).toEqual({ status: 'signedOut', reason: 'issuer' });

      const ours = parts(idToken()).payload;
      const signedByThem = await other.backend.signJwt(ours);
      expect(await server.authenticate(replaced({ id: signedByThem }))).toEqual({ status: 'signedOut', reason: 'signature' });
    } finally {
      await other.close();
    }
  });

  it('reads an id token over 4 KB from the chunk cookies the engine splits it into, and refuses a wrong chunk', async () => {
    const { backend } = running();
    const bio = 'x'.repeat(2_048);
    await backend.createUser({ username: 'cy', password, attributes: { email: 'cy@example.com', profile: bio, website: `https://example.com/${bio}` } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const header = await signInCookies(running(), 'cy', password);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('stored in 2 cookies'));
    warn.mockRestore();
    const idKey = tokenKey(running(), 'cy', 'idToken');
    expect(cookiePairs(header).map((pair) => pair.name)).toEqual(expect.arrayContaining([idKey, `${idKey}.0`, `${idKey}.1`]));

    const user = await serverFor(running()).getUser(new Request(`${PAGE}account`, { headers: { cookie: header } }));

    expect(user).toMatchObject({ username: 'cy', attributes: { email: 'cy@example.com', profile: bio } });
    const chunk = cookieValue(header, `${idKey}.1`)!;
    // A character in the middle: the last one of a base64url run may carry only padding bits, which
    // decode to the same bytes (the flip then changed nothing and the token still verified).
    const middle = Math.floor(chunk.length / 2);
    const flipped = withCookie(header, `${idKey}.1`, `${chunk.slice(0, middle)}${chunk[middle] === 'A' ? 'B' : 'A'}${chunk.slice(middle + 1)}`);
    expect(await serverFor(running()).authenticate(flipped)).toEqual({ status: 'signedOut', reason: 'signature' });
    const short = withCookie(header, `${idKey}.1`, chunk.slice(1));
    expect(await serverFor(running()).authenticate(short)).toEqual({ status: 'signedOut', reason: 'noSession' });
  });

  it('finds the session of an e-mail username (the `@` sent encoded in cookie names)', async () => {
    const { backend } = running();
    await backend.createUser({ username: 'dee@example.com', password, attributes: { email: 'dee@example.com' } });
    const header = await signInCookies(running(), 'dee@example.com', password);
    expect(header).toContain('.dee%40example.com.idToken=');

    expect(await serverFor(running()).getUser(header)).toMatchObject({ username: 'dee@example.com' });
  });

  it('is signed out when a cookie name carries two different values (a copy set for another Path or Domain)', async () => {
    const server = serverFor(running());
    const bobs = await signInCookies(running(), 'bob', password);
    const lastAuthUser = `CognitoIdentityServiceProvider.${running().backend.config.clientId}.LastAuthUser`;
    const duplicate = `${cookies}; ${encodeURIComponent(lastAuthUser)}=bob; ${bobs}`;

    expect(await server.authenticate(duplicate)).toEqual({ status: 'signedOut', reason: 'ambiguousCookies' });
    expect(await server.getUser(`${cookies}; ${cookies}`)).toMatchObject({ username: 'ada' });
  });
});
