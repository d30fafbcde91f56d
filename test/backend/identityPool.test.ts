import { describe, expect, it } from 'vitest';
import { strongPassword, useBackend, type Running } from './harness';
import { startBackend } from './index';
import { base64UrlJson } from './bytes';
import { decodeJwt } from './jwt';
import { registerSecretSource } from '../support/secrets';

const TARGET = 'AWSCognitoIdentityService.';

interface Reply {
  status: number;
  type: string | null;
  body: Record<string, unknown>;
}

/** An identity-pool call over the socket, the way Amplify sends it (unsigned JSON 1.1). */
async function identity(url: string, operation: string, input: object): Promise<Reply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}${operation}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), body: (await res.json()) as Record<string, unknown> };
}

const idTokenFor = async (running: Running, username: string, password: string): Promise<string> => {
  const { backend } = running;
  if (!backend.getUser(username)) await backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
  const res = await backend.call('InitiateAuth', {
    ClientId: backend.config.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return (res.AuthenticationResult as { IdToken: string }).IdToken;
};

describe('identity pool: GetId and GetCredentialsForIdentity', () => {
  const server = useBackend({ deviceTracking: false });
  const password = strongPassword();
  const poolId = () => server().backend.config.identityPool.identityPoolId;
  const logins = (token: string) => ({ [server().backend.config.identityPool.providerName]: token });

  it('hands out a new guest identity per GetId and well-formed credentials for it', async () => {
    const { backend, url } = server();
    expect(poolId()).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const a = await identity(url, 'GetId', { IdentityPoolId: poolId(), AccountId: '123456789012' });
    const b = await identity(url, 'GetId', { IdentityPoolId: poolId() });
    expect(a.status).toBe(200);
    expect(a.body.IdentityId).toMatch(/^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.body.IdentityId).not.toBe(a.body.IdentityId);

    const issuedFrom = Math.floor(backend.now() / 1000);
    const creds = await identity(url, 'GetCredentialsForIdentity', { IdentityId: a.body.IdentityId });
    const issuedBy = Math.floor(backend.now() / 1000);
    expect(creds.status).toBe(200);
    const c = creds.body.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
    expect(creds.body.IdentityId).toBe(a.body.IdentityId);
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c.SecretKey).toHaveLength(40);
    expect(c.SessionToken.length).toBeGreaterThan(300);
    // An hour from when the request was served (a second boundary may pass during the round trip).
    expect(c.Expiration).toBeGreaterThanOrEqual(issuedFrom + 3600);
    expect(c.Expiration).toBeLessThanOrEqual(issuedBy + 3600);
    expect(backend.credentialsFor(c.AccessKeyId)).toEqual({
      accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, identityId: a.body.IdentityId,
      authenticated: false, roleArn: expect.stringContaining('Unauth_Role'), expiration: c.Expiration * 1000,
    });
    expect(backend.issuedCredentials().at(-1)?.accessKeyId).toBe(c.AccessKeyId);
    expect(backend.secrets()).toEqual(expect.arrayContaining([c.SecretKey, c.SessionToken]));
    expect(backend.count('GetId')).toBe(2);
    expect(backend.count('GetCredentialsForIdentity')).toBe(1);
  });

  it('reports unknown pools and identities in the user-pool error envelope', async () => {
    const { url } = server();
    const pool = await identity(url, 'GetId', { IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' });
    expect(pool).toEqual({
      status: 400,
      type: 'ResourceNotFoundException',
      body: { __type: 'ResourceNotFoundException', message: "IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found." },
    });
    const id = await identity(url, 'GetCredentialsForIdentity', { IdentityId: 'us-east-1:11111111-2222-3333-4444-555555555555' });
    expect(id.type).toBe('ResourceNotFoundException');
    expect((await identity(url, 'GetId', {})).type).toBe('InvalidParameterException');
    expect((await identity(url, 'GetId', { IdentityPoolId: 'not a pool id' })).type).toBe('InvalidParameterException');
    expect((await identity(url, 'ListIdentityPools', {})).type).toBe('UnknownOperationException');
  });

  it('gives each user one stable identity and authenticated credentials only with their login', async () => {
    const { backend, url } = server();
    const kim = await idTokenFor(server(), 'kim', password);
    const lee = await idTokenFor(server(), 'lee', password);
    const first = await identity(url, 'GetId', { IdentityPoolId: poolId(), Logins: logins(kim) });
    const again = await identity(url, 'GetId', { IdentityPoolId: poolId(), Logins: logins(await idTokenFor(server(), 'kim', password)) });
    const other = await identity(url, 'GetId', { IdentityPoolId: poolId(), Logins: logins(lee) });
    expect(again.body.IdentityId).toBe(first.body.IdentityId);
    expect(other.body.IdentityId).not.toBe(first.body.IdentityId);

    const IdentityId = first.body.IdentityId;
    const creds = await identity(url, 'GetCredentialsForIdentity', { IdentityId, Logins: logins(kim) });
    expect(creds.status).toBe(200);
    const key = (creds.body.Credentials as { AccessKeyId: string }).AccessKeyId;
    expect(backend.credentialsFor(key)).toMatchObject({ identityId: IdentityId, authenticated: true, roleArn: expect.stringContaining('Auth_Role') });

    const dontMatch = "Logins don't match. Please include at least one valid login for this identity or identity pool.";
    expect((await identity(url, 'GetCredentialsForIdentity', { IdentityId })).body).toEqual({ __type: 'NotAuthorizedException', message: dontMatch });
    expect((await identity(url, 'GetCredentialsForIdentity', { IdentityId, Logins: logins(lee) })).body.message).toBe(dontMatch);
  });

  it('turns a guest identity into the user identity on first login, else returns the existing one', async () => {
    const { url } = server();
    const guest = (await identity(url, 'GetId', { IdentityPoolId: poolId() })).body.IdentityId;
    const max = await idTokenFor(server(), 'max', password);
    const linked = await identity(url, 'GetCredentialsForIdentity', { IdentityId: guest, Logins: logins(max) });
    expect(linked.body.IdentityId).toBe(guest);
    expect((await identity(url, 'GetId', { IdentityPoolId: poolId(), Logins: logins(max) })).body.IdentityId).toBe(guest);

    const otherGuest = (await identity(url, 'GetId', { IdentityPoolId: poolId() })).body.IdentityId;
    const existing = await identity(url, 'GetCredentialsForIdentity', { IdentityId: otherGuest, Logins: logins(max) });
    expect(existing.body.IdentityId).toBe(guest);
  });

  it('rejects access tokens, tampered tokens, foreign pools and wrong Logins keys', async () => {
    const { backend, url } = server();
    const token = await idTokenFor(server(), 'nia', password);
    const getId = async (l: Record<string, string>) => (await identity(url, 'GetId', { IdentityPoolId: poolId(), Logins: l })).body;
    const access = (
      (await backend.call('InitiateAuth', {
        ClientId: backend.config.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nia', PASSWORD: password },
      })).AuthenticationResult as { AccessToken: string }
    ).AccessToken;
    expect(await getId(logins(access))).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid login token. Missing a required claim: aud' });

    const [h, , s] = token.split('.');
    const forgedPayload = base64UrlJson({ ...decodeJwt(token), sub: 'someone-else' });
    expect((await getId(logins(`${h}.${forgedPayload}.${s}`))).message).toBe("Invalid login token. Couldn't verify signed token.");
    expect((await getId(logins('not-a-jwt'))).message).toBe('Invalid login token. Not a valid OpenId Connect identity token.');

    const foreign = await startBackend({ userPoolId: 'us-east-1_OtherPool9', deviceTracking: false });
    try {
      registerSecretSource(() => foreign.backend.secrets());
      const foreignToken = await idTokenFor(foreign, 'nia', password);
      expect((await getId(logins(foreignToken))).message).toBe("Invalid login token. Issuer doesn't match providerName");
      expect((await getId({ [foreign.backend.config.identityPool.providerName]: foreignToken })).message).toBe(
        'Token is not from a supported provider of this identity pool.',
      );
    } finally {
      await foreign.close();
    }
    expect((await getId({ 'accounts.google.com': token })).message).toBe("Invalid login token. Issuer doesn't match providerName");
  });

  it('rejects an expired id token with Cognito Identity\'s message', async () => {
    const { backend, url } = server();
    const token = await idTokenFor(server(), 'ed', password);
    backend.advanceTime(3600_000);
    const res = await identity(url, 'GetId', { IdentityPoolId: poolId(), Logins: logins(token) });
    const exp = Number(decodeJwt(token).exp);
    expect(res.body).toEqual({ __type: 'NotAuthorizedException', message: `Invalid login token. Token expired: ${Math.floor(backend.now() / 1000)} >= ${exp}` });
    backend.advanceTime(-3600_000);
  });
});

describe('identity pool options', () => {
  it('refuses guests when allowUnauthenticated is false, and tokens of a client the pool does not trust', async () => {
    const { backend, url, close } = await startBackend({ identityPool: { allowUnauthenticated: false, clientId: 'trustedclient0000000000000', credentialsSeconds: 900 } });
    registerSecretSource(() => backend.secrets());
    try {
      const IdentityPoolId = backend.config.identityPool.identityPoolId;
      expect((await identity(url, 'GetId', { IdentityPoolId })).body).toEqual({
        __type: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.',
      });
      const token = await idTokenFor({ backend, url }, 'tess', strongPassword());
      const res = await identity(url, 'GetId', { IdentityPoolId, Logins: { [backend.config.identityPool.providerName]: token } });
      expect(res.body.message).toBe('Token is not from a supported provider of this identity pool.');
    } finally {
      await close();
    }
  });

  it('fails GetCredentialsForIdentity when no role is assigned, and honours credentialsSeconds', async () => {
    const { backend, url, close } = await startBackend({ identityPool: { roles: { unauthenticated: null }, credentialsSeconds: 900 } });
    registerSecretSource(() => backend.secrets());
    try {
      const IdentityPoolId = backend.config.identityPool.identityPoolId;
      const { IdentityId } = (await identity(url, 'GetId', { IdentityPoolId })).body;
      expect((await identity(url, 'GetCredentialsForIdentity', { IdentityId })).body).toEqual({
        __type: 'InvalidIdentityPoolConfigurationException', message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
      });
      const token = await idTokenFor({ backend, url }, 'ray', strongPassword());
      const authed = await backend.call('GetCredentialsForIdentity', { IdentityId, Logins: { [backend.config.identityPool.providerName]: token } });
      expect((authed.Credentials as { Expiration: number }).Expiration).toBe(Math.floor(backend.now() / 1000) + 900);
    } finally {
      await close();
    }
  });
});
