import { describe, expect, it } from 'vitest';
import { createBackend } from './backend';
import { strongPassword, useBackend } from './harness';
import { completeHostedUi } from './hostedUi';
import { decodeJwt } from './jwt';
import { CALLBACK, OAUTH, SIGNED_OUT, authorizeUrl, callbackParams, pkcePair, postForm, tokenRequest } from './oauthKit';

describe('hosted UI pages: validation, sign-in form, federation, sign-out', () => {
  const server = useBackend({ oauth: OAUTH, deviceTracking: false });
  const password = strongPassword();
  const base = () => ({ response_type: 'code', client_id: server().backend.config.clientId, redirect_uri: CALLBACK });
  const get = (params: Record<string, string | undefined>, headers: Record<string, string> = {}) =>
    fetch(authorizeUrl(server().url, params), { redirect: 'manual', headers });
  const ensureUser = async (username: string, extra: Partial<{ status: 'UNCONFIRMED'; enabled: boolean }> = {}) => {
    if (!server().backend.getUser(username)) {
      await server().backend.createUser({ username, password, attributes: { email: `${username}@example.com` }, ...extra });
    }
  };

  it('never redirects to an unregistered redirect_uri or for an unknown client: 400 page instead', async () => {
    for (const params of [
      { ...base(), redirect_uri: 'https://evil.example/callback' },
      { ...base(), redirect_uri: `${CALLBACK}/` },
      { ...base(), client_id: 'unknownclient' },
      { ...base(), redirect_uri: undefined },
    ]) {
      const res = await get(params);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('sends other authorize errors back to the client (response_type, scope, PKCE method)', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ response_type: 'id_token' }, 'unsupported_response_type'],
      [{ scope: 'openid admin:all' }, 'invalid_scope'],
      [{ code_challenge: (await pkcePair()).challenge, code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: (await pkcePair()).challenge }, 'invalid_request'],
    ];
    for (const [extra, error] of cases) {
      const res = await get({ ...base(), state: 'xyz', ...extra });
      expect(res.status).toBe(302);
      const location = res.headers.get('location') ?? '';
      expect(location.startsWith(CALLBACK)).toBe(true);
      expect(callbackParams(location).get('error')).toBe(error);
      expect(callbackParams(location).get('state')).toBe('xyz');
    }
  });

  it('renders a labelled form that carries every authorize parameter, HTML-escaped', async () => {
    const res = await get({ ...base(), state: '"><script>alert(1)</script>', nonce: 'n1', login_hint: 'a&b' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/login">');
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">');
    expect(html).toContain('<button type="submit">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('name="state" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain(`name="redirect_uri" value="${CALLBACK}"`);
    expect(html).toContain('name="nonce" value="n1"');
    expect(html).toContain('value="a&amp;b"');
    expect(html).toContain('identity_provider=Google');
    expect(server().backend.count('oauth2/authorize')).toBeGreaterThan(0);
  });

  it('re-renders the form with the error for wrong passwords, unconfirmed and disabled users', async () => {
    const { url } = server();
    await ensureUser('pia');
    await ensureUser('una', { status: 'UNCONFIRMED' });
    await ensureUser('dora', { enabled: false });
    await expect(completeHostedUi(authorizeUrl(url, base()), { username: 'pia', password: 'Wr0ng!pass' })).rejects.toThrow(
      'Incorrect username or password.',
    );
    await expect(completeHostedUi(authorizeUrl(url, base()), { username: 'una', password })).rejects.toThrow('User is not confirmed.');
    await expect(completeHostedUi(authorizeUrl(url, base()), { username: 'dora', password })).rejects.toThrow('User is disabled.');
    await expect(completeHostedUi(authorizeUrl(url, base()), { username: 'nobody', password })).rejects.toThrow('User does not exist.');
    // Tampered hidden fields are validated again at /login.
    const tampered = await postForm(`${url}login`, { ...base(), redirect_uri: 'https://evil.example/', username: 'pia', password });
    expect([tampered.status, tampered.headers.get('location')]).toEqual([400, null]);
    expect(server().backend.secrets()).toContain(password);
  });

  it('signs in through a social-provider stand-in as a federated user with identities', async () => {
    const { backend, url } = server();
    const page = await (await get({ ...base(), identity_provider: 'Google' })).text();
    expect(page).toContain('name="email"');
    expect(page).not.toContain('name="password"');
    const signIn = async () => {
      const { verifier, challenge } = await pkcePair();
      const location = await completeHostedUi(
        authorizeUrl(url, { ...base(), identity_provider: 'Google', code_challenge: challenge, code_challenge_method: 'S256' }),
        { email: 'gina@gmail.example' },
      );
      const code = callbackParams(location).get('code') ?? '';
      const { body } = await tokenRequest(url, { grant_type: 'authorization_code', client_id: backend.config.clientId, code, redirect_uri: CALLBACK, code_verifier: verifier });
      return body;
    };
    const first = await signIn();
    const id = decodeJwt(first.id_token ?? '');
    const username = String(id['cognito:username']);
    expect(username).toMatch(/^Google_\d{21}$/);
    expect(id.email).toBe('gina@gmail.example');
    expect(id.email_verified).toBe(true);
    expect(id.identities).toEqual([
      { userId: username.slice('Google_'.length), providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true', dateCreated: expect.any(String) },
    ]);
    expect(id['cognito:groups']).toEqual([`${backend.config.userPoolId}_Google`]);
    expect(backend.getUser(username)?.status).toBe('EXTERNAL_PROVIDER');
    // Same email, same user; a custom provider name works too (as OIDC).
    expect(decodeJwt((await signIn()).id_token ?? '').sub).toBe(id.sub);
    const custom = await completeHostedUi(authorizeUrl(url, { ...base(), identity_provider: 'AcmeSSO' }), { email: 'gina@gmail.example' });
    expect(callbackParams(custom).get('code')).toBeTruthy();
    expect(backend.count('login')).toBeGreaterThanOrEqual(3);
  });

  it('userInfo answers hosted-UI access tokens per scope and rejects InitiateAuth tokens', async () => {
    const { backend, url } = server();
    await ensureUser('ivy');
    const location = await completeHostedUi(authorizeUrl(url, { ...base(), response_type: 'token', scope: 'openid email' }), { username: 'ivy', password });
    const access = callbackParams(location).get('access_token') ?? '';
    const info = await fetch(`${url}oauth2/userInfo`, { headers: { Authorization: `Bearer ${access}` } });
    expect(info.status).toBe(200);
    const sub = backend.getUser('ivy')?.sub;
    expect(await info.json()).toEqual({ sub, email: 'ivy@example.com', email_verified: 'true', username: 'ivy' });
    expect((await fetch(`${url}oauth2/userInfo`, { method: 'POST', headers: { Authorization: `Bearer ${access}` } })).status).toBe(200);

    const api = await backend.call('InitiateAuth', {
      ClientId: backend.config.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ivy', PASSWORD: password },
    });
    const apiAccess = (api.AuthenticationResult as { AccessToken: string }).AccessToken;
    for (const auth of [`Bearer ${apiAccess}`, 'Bearer garbage', '']) {
      const res = await fetch(`${url}oauth2/userInfo`, { headers: auth ? { Authorization: auth } : {} });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    }
    expect(backend.count('oauth2/userInfo')).toBe(5);

    // The user API needs aws.cognito.signin.user.admin, which this token lacks.
    await expect(backend.call('GetUser', { AccessToken: access })).rejects.toMatchObject({
      name: 'NotAuthorizedException', message: 'Access Token does not have required scopes',
    });
    const admin = await completeHostedUi(authorizeUrl(url, { ...base(), response_type: 'token' }), { username: 'ivy', password });
    const adminAccess = callbackParams(admin).get('access_token') ?? '';
    expect(decodeJwt(adminAccess).scope).toBe('openid email phone profile aws.cognito.signin.user.admin');
    expect((await backend.call('GetUser', { AccessToken: adminAccess })).Username).toBe('ivy');
  });

  it('keeps a hosted-UI session (cookie) until /logout, which redirects only to allowed URLs', async () => {
    const { backend, url } = server();
    await ensureUser('sara');
    const form = new URLSearchParams({ ...base(), username: 'sara', password }).toString();
    const signedIn = await fetch(`${url}login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form, redirect: 'manual' });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^cognito=.+/);
    const sso = await get(base(), { cookie });
    expect(sso.status).toBe(302);
    expect(callbackParams(sso.headers.get('location') ?? '').get('code')).toBeTruthy();
    expect((await get({ ...base(), prompt: 'login' }, { cookie })).status).toBe(200);

    const logout = (params: Record<string, string>) => fetch(`${url}logout?${new URLSearchParams(params).toString()}`, { redirect: 'manual', headers: { cookie } });
    const bad = await logout({ client_id: backend.config.clientId, logout_uri: 'https://evil.example/' });
    expect([bad.status, bad.headers.get('location')]).toEqual([400, null]);
    const ok = await logout({ client_id: backend.config.clientId, logout_uri: SIGNED_OUT });
    expect([ok.status, ok.headers.get('location')]).toEqual([302, SIGNED_OUT]);
    expect(ok.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await get(base(), { cookie })).status).toBe(200);

    const again = await logout({ ...base(), state: 'abc' });
    expect(again.status).toBe(302);
    const target = new URL(again.headers.get('location') ?? '', url);
    expect(target.pathname).toBe('/oauth2/authorize');
    expect(Object.fromEntries(target.searchParams)).toEqual({ ...base(), state: 'abc' });
    expect(backend.count('logout')).toBe(3);
  });
});

describe('hosted UI without an oauth configuration', () => {
  it('answers unauthorized_client', async () => {
    const backend = createBackend();
    const res = await backend.handle({ method: 'POST', path: '/oauth2/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token' });
    expect([res.status, JSON.parse(res.body)]).toEqual([400, { error: 'unauthorized_client' }]);
    const page = await backend.handle({ method: 'GET', path: `/oauth2/authorize?client_id=${backend.config.clientId}`, headers: {}, body: '' });
    expect(page.status).toBe(400);
    expect(page.body).toContain('unauthorized_client');
    expect(backend.count('oauth2/token')).toBe(1);
  });
});
