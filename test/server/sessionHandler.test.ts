// @vitest-environment node
// Backend-for-frontend, end to end: the browser engine (in Node, with `sessionEndpoint`) signs in
// against the test backend and hands its refresh token to `createSessionHandler`, served over real
// loopback HTTP; the token then lives only in the handler's httpOnly cookie. Refresh, rotation,
// CSRF refusals and sign-out (with revocation, as the backend sees it) go through real requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth, type AuthConfig } from '../../src/core/index';
import { createSessionHandler } from '../../src/server/index';
import { strongPassword, useBackend, type Running } from '../backend/harness';
import { pageFetch, scannableStorage, serveHandler, type HandlerServer } from './bffSupport';

const HOUR = 3_600_000;

function poolConfig({ backend, url }: Running): AuthConfig {
  return { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH' };
}

/** One page: an engine with `sessionEndpoint`, its storage, its cookies and a clock the test moves. */
function page(running: Running, server: HandlerServer) {
  const storage = scannableStorage();
  const browser = pageFetch(server.origin);
  const clock = { offset: 0 };
  const auth: Auth = createAuth(
    { ...poolConfig(running), storage },
    { fetch: browser.fetch, sessionEndpoint: `${server.origin}/api/auth`, now: () => Date.now() + clock.offset, autoRefresh: false },
  );
  const refreshToken = () => browser.jar.get('crk-refresh-token')?.value;
  return { auth, storage, browser, clock, refreshToken };
}

const refreshAuths = (running: Running) =>
  running.backend.requests().filter((r) => r.operation === 'InitiateAuth' && (r.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH').length;

/** Whether the backend still takes `token` for a refresh. */
async function stillWorks(running: Running, token: string, operation = 'InitiateAuth'): Promise<boolean> {
  const ClientId = running.backend.config.clientId;
  const input = operation === 'InitiateAuth' ? { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: token } } : { ClientId, RefreshToken: token };
  return running.backend.call(operation, input).then(
    () => true,
    () => false,
  );
}

describe('createSessionHandler: the refresh token in an httpOnly cookie', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let server: HandlerServer;

  beforeAll(async () => {
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    server = await serveHandler(createSessionHandler(poolConfig(running()), { basePath: '/api/auth' }));
  });
  afterAll(() => server.close());

  it('keeps the refresh token out of page storage, refreshes through the handler, and signs out with revocation', async () => {
    const { auth, storage, browser, clock, refreshToken } = page(running(), server);
    server.hits.length = 0;

    await auth.signIn({ username: 'ada', password });

    const token = refreshToken();
    expect(token).toMatch(/\S{20,}/);
    expect(server.hits).toEqual(['/api/auth/session']);
    // The cookie: script-proof, same-site only, sent to the handler's routes only; Secure off on http://localhost.
    expect(browser.setCookies[0]).toBe(`crk-refresh-token=${token}; Path=/api/auth; Max-Age=2592000; HttpOnly; SameSite=Strict`);
    const stored = [...storage.items].map(([key, value]) => `${key}=${value}`);
    expect(stored.some((entry) => entry.includes('.accessToken='))).toBe(true);
    expect(stored.filter((entry) => entry.includes(token!) || entry.includes('.refreshToken'))).toEqual([]);
    const signedIn = await auth.currentSession();

    // Past expiry: the engine refreshes through the handler, which calls REFRESH_TOKEN_AUTH once.
    const refreshesBefore = refreshAuths(running());
    clock.offset = 2 * HOUR;
    const refreshed = await auth.currentSession();

    expect(refreshed.accessToken).not.toBe(signedIn.accessToken);
    expect(refreshed.refreshToken).toBeUndefined();
    expect(refreshAuths(running()) - refreshesBefore).toBe(1);
    expect(server.hits).toEqual(['/api/auth/session', '/api/auth/refresh']);
    expect(auth.getState().status).toBe('signedIn');
    expect([...storage.items.values()].some((value) => value.includes(token!))).toBe(false);

    await auth.signOut();

    expect(server.hits.at(-1)).toBe('/api/auth/sign-out');
    expect(browser.setCookies.at(-1)).toMatch(/^crk-refresh-token=; Path=\/api\/auth; Max-Age=0; HttpOnly/);
    expect(refreshToken()).toBeUndefined();
    expect(await stillWorks(running(), token!)).toBe(false);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('refuses a POST without the custom header, from another Origin, or without Origin (403), and touches no cookie', async () => {
    const { auth, refreshToken } = page(running(), server);
    await auth.signIn({ username: 'ada', password });
    const cookie = `crk-refresh-token=${refreshToken()!}`;
    const refreshCalls = refreshAuths(running());
    const post = (headers: Record<string, string>) => fetch(`${server.origin}/api/auth/refresh`, { method: 'POST', headers: { Cookie: cookie, ...headers }, body: '{}' });

    const refused = [
      await post({ Origin: server.origin }),
      await post({ Origin: 'https://evil.example', 'X-CRK-Request': '1' }),
      await post({ 'X-CRK-Request': '1' }),
      await post({ Origin: server.origin, 'X-CRK-Request': 'yes' }),
    ];

    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect(refused.flatMap((response) => response.headers.getSetCookie())).toEqual([]);
    expect(refreshAuths(running())).toBe(refreshCalls);
    // The same request, as the page sends it, passes: the refusals were about CSRF, nothing else.
    const allowed = await post({ Origin: server.origin, 'X-CRK-Request': '1' });
    expect(allowed.status).toBe(200);
    expect(Object.keys(((await allowed.json()) as { AuthenticationResult: object }).AuthenticationResult).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    await auth.signOut();
  });

  it('answers a refresh without the cookie as Cognito would (NotAuthorizedException): the engine signs out', async () => {
    const { auth, browser, clock } = page(running(), server);
    await auth.signIn({ username: 'ada', password });
    browser.jar.clear();
    clock.offset = 2 * HOUR;

    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(auth.getState().status).toBe('signedOut');
  });

  it('after a reload (a new engine on the same storage and cookies) the stale session still refreshes through the handler', async () => {
    const first = page(running(), server);
    await first.auth.signIn({ username: 'ada', password });
    const reloaded = createAuth(
      { ...poolConfig(running()), storage: first.storage },
      { fetch: first.browser.fetch, sessionEndpoint: `${server.origin}/api/auth`, now: () => Date.now() + 2 * HOUR, autoRefresh: false },
    );

    const session = await reloaded.currentSession();

    expect(session.isValidAt(Date.now())).toBe(true);
    expect(reloaded.getState().status).toBe('signedIn');
    await reloaded.signOut();
  });
});

describe('createSessionHandler with refresh token rotation', () => {
  const running = useBackend({ deviceTracking: false, refreshTokenRotation: { retryGracePeriodSeconds: 0 } });
  const password = strongPassword();
  let server: HandlerServer;

  beforeAll(async () => {
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    server = await serveHandler(createSessionHandler({ ...poolConfig(running()), refreshTokenRotation: true }));
  });
  afterAll(() => server.close());

  it('rotates the cookie on each refresh; the old token is dead, the new one works', async () => {
    const { auth, clock, refreshToken, storage } = page(running(), server);
    await auth.signIn({ username: 'ada', password });
    const first = refreshToken()!;

    clock.offset = 2 * HOUR;
    await auth.currentSession();
    const second = refreshToken()!;

    expect(second).not.toBe(first);
    expect([...storage.items.values()].some((value) => value.includes(first) || value.includes(second))).toBe(false);
    clock.offset = 4 * HOUR;
    await auth.currentSession();
    expect(refreshToken()).not.toBe(second);
    expect(running().backend.refreshTokenReuses()).toBe(0);
    // Last (a reuse revokes the whole family): the first token, rotated away, no longer works.
    expect(await stillWorks(running(), first, 'GetTokensFromRefreshToken')).toBe(false);
    await auth.signOut();
  });
});

describe('createSessionHandler with device tracking', () => {
  const running = useBackend();
  const password = strongPassword();
  let server: HandlerServer;

  beforeAll(async () => {
    await running().backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    server = await serveHandler(createSessionHandler(poolConfig(running())));
  });
  afterAll(() => server.close());

  it('sends the remembered device key with the refresh, as the engine does without a session endpoint', async () => {
    const { auth, clock } = page(running(), server);
    await auth.signIn({ username: 'ada', password });
    const before = running().backend.requests().length;

    clock.offset = 2 * HOUR;
    await auth.currentSession();

    const refresh = running().backend.requests().slice(before).find((r) => r.operation === 'InitiateAuth');
    expect((refresh?.input as { AuthParameters?: Record<string, string> }).AuthParameters?.['DEVICE_KEY']).toMatch(/\S+_\S+/);
    expect(auth.getState().status).toBe('signedIn');
    await auth.signOut();
  });
});

describe('createSessionHandler: routes and cookie attributes', () => {
  const handler = createSessionHandler({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' });
  const origin = 'https://app.example.com';
  const post = (path: string, body: object) =>
    handler(new Request(`${origin}${path}`, { method: 'POST', headers: { Origin: origin, 'X-CRK-Request': '1' }, body: JSON.stringify(body) }));

  it('sets the cookie Secure on https, and refuses what is not a refresh token', async () => {
    const stored = await post('/api/auth/session', { refreshToken: 'eyJjdHkiOiJKV1QifQ.a-b_c.d' });
    expect(stored.status).toBe(204);
    expect(stored.headers.get('set-cookie')).toBe('crk-refresh-token=eyJjdHkiOiJKV1QifQ.a-b_c.d; Path=/api/auth; Max-Age=2592000; HttpOnly; SameSite=Strict; Secure');

    for (const refreshToken of ['', 'a;b', 'x'.repeat(5000), 42]) {
      const refused = await post('/api/auth/session', { refreshToken });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers 404 outside its routes and 405 to anything but POST', async () => {
    expect((await post('/api/auth/other', {})).status).toBe(404);
    expect((await post('/elsewhere/session', {})).status).toBe(404);
    expect((await handler(new Request(`${origin}/api/auth/refresh`))).status).toBe(405);
    const atRoot = createSessionHandler({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' }, { basePath: '/' });
    const request = new Request(`${origin}/sign-out`, { method: 'POST', headers: { Origin: origin, 'X-CRK-Request': '1' } });
    expect((await atRoot(request)).headers.get('set-cookie')).toMatch(/^crk-refresh-token=; Path=\/; Max-Age=0;/);
  });
});
