import { describe, expect, it } from 'vitest';
import { expectOutcome, MemoryStorage, nodeStyle, poolFor, settle, signIn, userFor } from './acij';
import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { BackendError } from './errors';
import { strongPassword, useBackend, type Running } from './harness';
import { base64UrlDecode, utf8 } from './bytes';
import { decodeJwt } from './jwt';

/** Signs in without acij (USER_PASSWORD_AUTH) so tests can move the backend clock freely. */
async function passwordSignIn(server: () => Running, username: string, password: string) {
  const { backend } = server();
  const res = await backend.call('InitiateAuth', {
    ClientId: backend.config.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  const result = res.AuthenticationResult as { AccessToken: string; IdToken: string; RefreshToken: string; ExpiresIn: number };
  return result;
}

const refresh = (server: () => Running, token: string) =>
  server().backend.call('InitiateAuth', {
    ClientId: server().backend.config.clientId,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: token },
  });

const getUser = (server: () => Running, accessToken: string) => server().backend.call('GetUser', { AccessToken: accessToken });

describe('tokens: JWKS, refresh and revocation with acij', () => {
  const server = useBackend({ deviceTracking: false });
  const password = strongPassword();
  const storage = new MemoryStorage();

  const signedIn = async (): Promise<{ session: CognitoUserSession; user: ReturnType<typeof userFor> }> => {
    const { backend, url } = server();
    if (!backend.getUser('quinn')) {
      await backend.createUser({ username: 'quinn', password, attributes: { email: 'quinn@example.com', name: 'Quinn' } });
    }
    const user = userFor(poolFor(backend, url, storage), 'quinn', storage);
    return { session: expectOutcome(await signIn(user, password), 'success').session, user };
  };

  it('signs tokens with the key published at the pool JWKS URL', async () => {
    const { backend, url } = server();
    const { session } = await signedIn();
    const response = await fetch(`${url}${backend.config.userPoolId}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: (JsonWebKey & { kid: string })[] };
    expect(keys).toHaveLength(1);

    for (const token of [session.getAccessToken().getJwtToken(), session.getIdToken().getJwtToken()]) {
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const { kid, alg } = JSON.parse(new TextDecoder().decode(base64UrlDecode(header))) as { kid: string; alg: string };
      expect(alg).toBe('RS256');
      const jwk = keys.find((k) => k.kid === kid);
      expect(jwk).toBeDefined();
      const key = await crypto.subtle.importKey('jwk', jwk as JsonWebKey, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
      const ok = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64UrlDecode(signature), utf8(`${header}.${payload}`));
      expect(ok).toBe(true);
      const claims = decodeJwt(token);
      expect(claims.iss).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${backend.config.userPoolId}`);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    }
    expect(decodeJwt(session.getIdToken().getJwtToken()).name).toBe('Quinn');
  });

  it('refreshes through REFRESH_TOKEN_AUTH, keeping the refresh token and origin', async () => {
    const { backend } = server();
    const { session, user } = await signedIn();
    backend.resetCounts();
    const refreshed = await nodeStyle<CognitoUserSession>((cb) => user.refreshSession(session.getRefreshToken(), cb));
    expect(backend.requests()).toEqual([
      { operation: 'InitiateAuth', input: expect.objectContaining({ AuthFlow: 'REFRESH_TOKEN_AUTH' }) },
    ]);
    const before = decodeJwt(session.getAccessToken().getJwtToken());
    const after = decodeJwt(refreshed.getAccessToken().getJwtToken());
    expect(after.jti).not.toBe(before.jti);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(refreshed.getRefreshToken().getToken()).toBe(session.getRefreshToken().getToken());
  });

  it('GlobalSignOut revokes every refresh and access token of the user', async () => {
    const mine = await signedIn();
    const other = await passwordSignIn(server, 'quinn', password); // another browser
    await settle((cb) => mine.user.globalSignOut(cb));

    const sessions = [
      { refreshToken: other.RefreshToken, accessToken: other.AccessToken },
      { refreshToken: mine.session.getRefreshToken().getToken(), accessToken: mine.session.getAccessToken().getJwtToken() },
    ];
    for (const { refreshToken, accessToken } of sessions) {
      await expect(refresh(server, refreshToken)).rejects.toEqual(
        new BackendError('NotAuthorizedException', 'Refresh Token has been revoked'),
      );
      await expect(getUser(server, accessToken)).rejects.toEqual(
        new BackendError('NotAuthorizedException', 'Access Token has been revoked'),
      );
    }
    // A fresh sign-in after the global sign-out works again.
    const fresh = await passwordSignIn(server, 'quinn', password);
    await expect(getUser(server, fresh.AccessToken)).resolves.toMatchObject({ Username: 'quinn' });
  });

  it('signOut with revocation (RevokeToken) kills only that session', async () => {
    const { backend } = server();
    const mine = await signedIn();
    const other = await passwordSignIn(server, 'quinn', password);
    await new Promise<void>((resolve, reject) => mine.user.signOut((err?: Error) => (err ? reject(err) : resolve())));
    expect(backend.count('RevokeToken')).toBe(1);

    await expect(refresh(server, mine.session.getRefreshToken().getToken())).rejects.toMatchObject({
      message: 'Refresh Token has been revoked',
    });
    await expect(getUser(server, mine.session.getAccessToken().getJwtToken())).rejects.toMatchObject({
      message: 'Access Token has been revoked',
    });
    await expect(refresh(server, other.RefreshToken)).resolves.toHaveProperty('AuthenticationResult');
  });
});

describe('token lifetimes follow the backend clock', () => {
  const server = useBackend({ tokenValidity: { accessTokenSeconds: 60, idTokenSeconds: 60, refreshTokenSeconds: 300 } });
  const password = strongPassword();

  it('expires access tokens, then refresh tokens', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'rosa', password });
    const tokens = await passwordSignIn(server, 'rosa', password);
    expect(tokens.ExpiresIn).toBe(60);

    backend.advanceTime(61_000);
    await expect(getUser(server, tokens.AccessToken)).rejects.toEqual(
      new BackendError('NotAuthorizedException', 'Access Token has expired'),
    );
    const renewed = (await refresh(server, tokens.RefreshToken)).AuthenticationResult as { AccessToken: string; RefreshToken?: string };
    expect(renewed.RefreshToken).toBeUndefined();
    await expect(getUser(server, renewed.AccessToken)).resolves.toMatchObject({ Username: 'rosa' });

    backend.advanceTime(240_000);
    await expect(refresh(server, tokens.RefreshToken)).rejects.toEqual(
      new BackendError('NotAuthorizedException', 'Refresh Token has expired'),
    );
  });

  it('rejects tampered tokens, disabled and deleted users with the messages v5 acts on', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'sam', password });
    const tokens = await passwordSignIn(server, 'sam', password);
    const [h, , s] = tokens.AccessToken.split('.');
    const forged = `${h}.${btoa(JSON.stringify({ ...decodeJwt(tokens.AccessToken), username: 'rosa' })).replace(/=+$/, '')}.${s}`;
    await expect(getUser(server, forged)).rejects.toEqual(new BackendError('NotAuthorizedException', 'Invalid Access Token'));

    backend.disableUser('sam');
    await expect(getUser(server, tokens.AccessToken)).rejects.toEqual(new BackendError('NotAuthorizedException', 'User is disabled.'));
    await expect(refresh(server, tokens.RefreshToken)).rejects.toMatchObject({ message: 'User is disabled.' });
    backend.enableUser('sam');
    backend.deleteUser('sam');
    await expect(getUser(server, tokens.AccessToken)).rejects.toEqual(new BackendError('UserNotFoundException', 'User does not exist.'));
  });
});

describe('refresh-token rotation (GetTokensFromRefreshToken)', () => {
  const server = useBackend({ refreshTokenRotation: { retryGracePeriodSeconds: 10 } });

  it('issues a new refresh token and retires the old one after the grace period', async () => {
    const { backend } = server();
    const password = strongPassword();
    await backend.createUser({ username: 'tess', password });
    const { RefreshToken: original } = await passwordSignIn(server, 'tess', password);
    const rotate = (token: string) => backend.call('GetTokensFromRefreshToken', { ClientId: backend.config.clientId, RefreshToken: token });

    const first = (await rotate(original)).AuthenticationResult as { RefreshToken: string };
    expect(first.RefreshToken).not.toBe(original);
    await expect(rotate(original)).resolves.toHaveProperty('AuthenticationResult'); // inside the grace period
    backend.advanceTime(11_000);
    await expect(rotate(first.RefreshToken)).resolves.toHaveProperty('AuthenticationResult.RefreshToken');
    await expect(refresh(server, first.RefreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('revokes the whole token family when a retired refresh token comes back after the grace period', async () => {
    const { backend } = server();
    const password = strongPassword();
    await backend.createUser({ username: 'tess2', password });
    const { RefreshToken: original } = await passwordSignIn(server, 'tess2', password);
    const rotate = (token: string) => backend.call('GetTokensFromRefreshToken', { ClientId: backend.config.clientId, RefreshToken: token });
    const first = (await rotate(original)).AuthenticationResult as { RefreshToken: string; AccessToken: string };
    backend.advanceTime(11_000);
    const reuses = backend.refreshTokenReuses();
    await expect(rotate(original)).rejects.toMatchObject({ name: 'RefreshTokenReuseException' });
    expect(backend.refreshTokenReuses()).toBe(reuses + 1);
    await expect(rotate(first.RefreshToken)).rejects.toEqual(new BackendError('NotAuthorizedException', 'Refresh Token has been revoked'));
    await expect(backend.call('GetUser', { AccessToken: first.AccessToken })).rejects.toMatchObject({ message: 'Access Token has been revoked' });
  });
});
