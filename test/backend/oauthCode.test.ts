import { describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from './harness';
import { completeHostedUi } from './hostedUi';
import { decodeJwt } from './jwt';
import { APP_CALLBACK, CALLBACK, OAUTH, authorizeUrl, callbackParams, pkcePair, postForm, tokenRequest } from './oauthKit';

describe('hosted UI: authorization code flow with PKCE', () => {
  const server = useBackend({ oauth: OAUTH, deviceTracking: false });
  const password = strongPassword();

  /** Signs `username` in through the hosted UI; returns the code and what the test needs to redeem it. */
  const signIn = async (extra: Record<string, string> = {}, username = 'olga') => {
    const { backend, url } = server();
    if (!backend.getUser(username)) {
      await backend.createUser({ username, password, attributes: { email: `${username}@example.com`, name: 'Olga', phone_number: '+15550100' } });
    }
    const { verifier, challenge } = await pkcePair();
    const location = await completeHostedUi(
      authorizeUrl(url, {
        response_type: 'code',
        client_id: backend.config.clientId,
        redirect_uri: CALLBACK,
        state: 'st-123',
        scope: 'openid email',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...extra,
      }),
      { username, password },
    );
    const params = callbackParams(location);
    return { location, code: params.get('code') ?? '', state: params.get('state'), verifier };
  };

  const redeem = (code: string, verifier: string | undefined, redirectUri = CALLBACK) =>
    tokenRequest(server().url, {
      grant_type: 'authorization_code',
      client_id: server().backend.config.clientId,
      code,
      redirect_uri: redirectUri,
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
    });

  it('redirects with code and state, then exchanges code + verifier for scoped tokens', async () => {
    const { backend, url } = server();
    const { location, code, state, verifier } = await signIn({ nonce: 'n-0S6_WzA2Mj' });
    expect(location.startsWith(`${CALLBACK}?code=`)).toBe(true);
    expect(state).toBe('st-123');
    expect(code).toMatch(/^[0-9a-f-]{36}$/);

    const res = await postForm(`${url}oauth2/token`, {
      grant_type: 'authorization_code', client_id: backend.config.clientId, code, redirect_uri: CALLBACK, code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type']);

    const access = decodeJwt(String(body.access_token));
    expect(access).toMatchObject({ token_use: 'access', scope: 'openid email', username: 'olga', client_id: backend.config.clientId });
    expect(typeof access.origin_jti).toBe('string');
    const id = decodeJwt(String(body.id_token));
    expect(id).toMatchObject({ token_use: 'id', nonce: 'n-0S6_WzA2Mj', 'cognito:username': 'olga', aud: backend.config.clientId });
    expect(typeof id.at_hash).toBe('string');
    expect(backend.oauthCodes().find((c) => c.code === code)).toMatchObject({ pkce: true, used: true, scopes: ['openid', 'email'] });
    expect(backend.secrets()).toEqual(expect.arrayContaining([code, verifier, String(body.refresh_token)]));
    expect(backend.count('oauth2/token')).toBeGreaterThanOrEqual(1);
    expect(backend.count('login')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a wrong verifier, a missing verifier and a redirect_uri that differs from authorize', async () => {
    const wrong = await signIn();
    expect(await redeem(wrong.code, (await pkcePair()).verifier)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    const missing = await signIn();
    expect(await redeem(missing.code, undefined)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    const moved = await signIn();
    expect((await redeem(moved.code, moved.verifier, APP_CALLBACK)).body).toEqual({ error: 'invalid_grant' });
    // A failed redemption burns the code.
    expect((await redeem(moved.code, moved.verifier)).body).toEqual({ error: 'invalid_grant' });
  });

  it('answers a replayed code with invalid_grant and revokes the tokens it minted', async () => {
    const { url } = server();
    const { code, verifier } = await signIn();
    const first = await redeem(code, verifier);
    expect(first.status).toBe(200);
    const userInfo = () => fetch(`${url}oauth2/userInfo`, { headers: { Authorization: `Bearer ${first.body.access_token}` } });
    expect((await userInfo()).status).toBe(200);

    expect(await redeem(code, verifier)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect((await userInfo()).status).toBe(401);
    const refreshed = await tokenRequest(url, {
      grant_type: 'refresh_token', client_id: server().backend.config.clientId, refresh_token: first.body.refresh_token ?? '',
    });
    expect(refreshed.body).toEqual({ error: 'invalid_grant' });
  });

  it('expires codes after authCodeSeconds (backend clock)', async () => {
    const { code, verifier } = await signIn();
    server().backend.advanceTime(301_000);
    expect(await redeem(code, verifier)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('allows a code flow without PKCE (public client) but records it', async () => {
    const { backend, url } = server();
    await signIn();
    const location = await completeHostedUi(
      authorizeUrl(url, { response_type: 'code', client_id: backend.config.clientId, redirect_uri: APP_CALLBACK, scope: 'openid' }),
      { username: 'olga', password },
    );
    expect(location.startsWith(`${APP_CALLBACK}?code=`)).toBe(true);
    const code = callbackParams(location).get('code') ?? '';
    expect(backend.oauthCodes().find((c) => c.code === code)?.pkce).toBe(false);
    expect((await redeem(code, (await pkcePair()).verifier, APP_CALLBACK)).body).toEqual({ error: 'invalid_request' });
    const other = callbackParams(await completeHostedUi(
      authorizeUrl(url, { response_type: 'code', client_id: backend.config.clientId, redirect_uri: APP_CALLBACK, scope: 'openid' }),
      { username: 'olga', password },
    )).get('code') ?? '';
    expect((await redeem(other, undefined, APP_CALLBACK)).status).toBe(200);
  });

  it('token flow returns tokens in the fragment, with the nonce and no refresh token', async () => {
    const { backend, url } = server();
    await signIn();
    const location = await completeHostedUi(
      authorizeUrl(url, { response_type: 'token', client_id: backend.config.clientId, redirect_uri: CALLBACK, state: 's&t', nonce: 'abc', scope: 'openid profile' }),
      { username: 'olga', password },
    );
    expect(location.startsWith(`${CALLBACK}#`)).toBe(true);
    const params = callbackParams(location);
    expect(params.get('state')).toBe('s&t');
    expect(params.get('token_type')).toBe('Bearer');
    expect(params.get('expires_in')).toBe('3600');
    expect(params.has('refresh_token')).toBe(false);
    expect(decodeJwt(params.get('id_token') ?? '').nonce).toBe('abc');
    expect(decodeJwt(params.get('access_token') ?? '').scope).toBe('openid profile');
  });

  it('refresh_token grant mints new access/id tokens but no refresh token; revoke ends it', async () => {
    const { backend, url } = server();
    const { code, verifier } = await signIn();
    const { body } = await redeem(code, verifier);
    const refreshToken = body.refresh_token ?? '';
    const refresh = () => tokenRequest(url, { grant_type: 'refresh_token', client_id: backend.config.clientId, refresh_token: refreshToken });

    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(decodeJwt(refreshed.body.access_token).scope).toBe('openid email');
    expect(decodeJwt(refreshed.body.id_token ?? '').nonce).toBeUndefined();

    const wrongClient = await postForm(`${url}oauth2/revoke`, { token: refreshToken, client_id: 'someotherclient' });
    expect([wrongClient.status, await wrongClient.json()]).toEqual([400, { error: 'invalid_client' }]);
    const revoked = await postForm(`${url}oauth2/revoke`, { token: refreshToken, client_id: backend.config.clientId });
    expect([revoked.status, await revoked.text()]).toEqual([200, '']);
    expect((await refresh()).body).toEqual({ error: 'invalid_grant' });
    const unknown = await postForm(`${url}oauth2/revoke`, { token: 'not-a-known-token', client_id: backend.config.clientId });
    expect(unknown.status).toBe(200);
    expect(backend.count('oauth2/revoke')).toBe(3);
  });

  it('answers token-endpoint misuse with OAuth error codes', async () => {
    const { backend, url } = server();
    const clientId = backend.config.clientId;
    expect((await tokenRequest(url, { grant_type: 'password', client_id: clientId })).body).toEqual({ error: 'unsupported_grant_type' });
    expect((await tokenRequest(url, { grant_type: 'authorization_code', client_id: 'nope', code: 'x', redirect_uri: CALLBACK })).body)
      .toEqual({ error: 'invalid_client' });
    expect((await tokenRequest(url, { grant_type: 'authorization_code', client_id: clientId })).body).toEqual({ error: 'invalid_request' });
    expect((await tokenRequest(url, { grant_type: 'authorization_code', client_id: clientId, code: 'nope', redirect_uri: CALLBACK })).body)
      .toEqual({ error: 'invalid_grant' });
    const json = await fetch(`${url}oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([json.status, await json.json()]).toEqual([400, { error: 'invalid_request' }]);
  });
});
