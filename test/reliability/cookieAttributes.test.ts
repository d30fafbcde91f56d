// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/account" }
import type { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAuth, type CookieStorageConfig } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';

const jar = () => (globalThis as unknown as { jsdom: JSDOM }).jsdom.cookieJar;
const DAY = 86_400_000;

// cookieStorage as the browser keeps it: jsdom's cookie jar (tough-cookie, RFC 6265) must hold every
// session cookie with the configured Domain, Path, Expires, Secure and SameSite, not just have been
// handed a string with them.
describe('cookie storage attributes in the cookie jar (jsdom, https://app.example.com)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();

  it('writes Domain, Path, Expires, Secure and SameSite as configured, and the session restores from them', async () => {
    const { backend, url } = running();
    await backend.createUser({ username: 'jar', password });
    const cookieStorage: CookieStorageConfig = { domain: '.example.com', path: '/', expires: 7, secure: true, sameSite: 'strict' };
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH' as const, cookieStorage };
    const before = Date.now();
    await createAuth(config).signIn('jar', password);

    const prefix = encodeURIComponent(`CognitoIdentityServiceProvider.${backend.config.clientId}.`);
    const cookies = jar().getCookiesSync('https://app.example.com/').filter((c) => c.key.startsWith(prefix));
    expect(cookies.map((c) => decodeURIComponent(c.key).split('.').pop()).sort()).toEqual(['LastAuthUser', 'accessToken', 'clockDrift', 'idToken', 'refreshToken', 'sessionStamp']);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ domain: 'example.com', path: '/', secure: true, sameSite: 'strict', hostOnly: false });
      const expires = cookie.expires instanceof Date ? cookie.expires.getTime() : Number.NaN;
      expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 7 * DAY - 1000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY + 1000);
    }
    // Domain=.example.com: a sibling app reads them; Secure: plain http does not.
    expect(jar().getCookiesSync('https://other.example.com/').length).toBe(cookies.length);
    expect(jar().getCookiesSync('http://app.example.com/')).toEqual([]);
    const restored = createAuth(config);
    expect(restored.getState()).toMatchObject({ status: 'signedIn', user: { username: 'jar' } });
    await restored.signOut();
    expect(jar().getCookiesSync('https://app.example.com/').filter((c) => c.key.startsWith(prefix))).toEqual([]);
  });

  it('a custom Path and lax SameSite are kept as written', async () => {
    const { backend, url } = running();
    if (!backend.getUser('jar')) await backend.createUser({ username: 'jar', password });
    const cookieStorage: CookieStorageConfig = { domain: 'app.example.com', path: '/account', expires: 1, secure: true, sameSite: 'lax' };
    await createAuth({ userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH', cookieStorage }).signIn('jar', password);

    const atPath = jar().getCookiesSync('https://app.example.com/account').filter((c) => c.path === '/account');
    expect(atPath).toHaveLength(6);
    for (const cookie of atPath) expect(cookie).toMatchObject({ domain: 'app.example.com', secure: true, sameSite: 'lax' });
    expect(jar().getCookiesSync('https://app.example.com/elsewhere').filter((c) => c.path === '/account')).toEqual([]);
  });
});
