import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LINE, startCognitoLocal, type DemoCognitoLocal } from '../../demo/server/cognitoLocal.mjs';
import { provision } from '../../demo/server/provision.mjs';
import { cognitoLocalCall } from '../support/cognitoLocal';
import { registerSecret } from '../support/secrets';
import { freePorts } from './demoStack';

// The demo's server pieces without a browser: the pool kept across starts (and recreated when its
// data is gone), the printed codes, and the two hosted-UI routes the demo adds to cognito-local.
describe('demo server: cognito-local for `npm run demo`', () => {
  const printed: string[] = [];
  let dataDir: string;
  let port: number;
  let server: DemoCognitoLocal | undefined;

  const start = async () => {
    server = await startCognitoLocal({ host: '127.0.0.1', port, dataDir, print: (line) => printed.push(line) });
    return server;
  };
  const stop = async () => {
    await server?.close();
    server = undefined;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'crk-demo-server-'));
    [port] = (await freePorts(1)) as [number];
  });
  afterAll(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the pool on the first start, reuses it on the next, with the app origin of each start', async () => {
    const first = await provision({ endpoint: (await start()).endpoint, dataDir, appOrigin: 'http://127.0.0.1:5001' });
    expect(first.created).toBe(true);
    await stop();

    const cl = await start();
    const second = await provision({ endpoint: cl.endpoint, dataDir, appOrigin: 'http://127.0.0.1:5002' });
    expect(second).toEqual({ userPoolId: first.userPoolId, clientId: first.clientId, created: false });
    const described = await cognitoLocalCall(cl.endpoint, 'DescribeUserPoolClient', { UserPoolId: first.userPoolId, ClientId: first.clientId });
    expect(described.UserPoolClient).toMatchObject({ CallbackURLs: ['http://127.0.0.1:5002/callback'], LogoutURLs: ['http://127.0.0.1:5002/'] });
    await stop();

    // The pool's data deleted by hand, its ids still on file: a new pool, not an error.
    await rm(join(dataDir, 'db'), { recursive: true, force: true });
    const third = await provision({ endpoint: (await start()).endpoint, dataDir, appOrigin: 'http://127.0.0.1:5002' });
    expect(third.created).toBe(true);
    expect(third.userPoolId).not.toBe(first.userPoolId);
  });

  it('prints each code on one line, revokes refresh tokens at /oauth2/revoke, and /logout only goes to registered URLs', async () => {
    const cl = server ?? (await start());
    const { clientId } = await provision({ endpoint: cl.endpoint, dataDir, appOrigin: 'http://127.0.0.1:5002' });
    const email = 'lin@example.com';
    const password = 'Demo-Server-Pw-1!';
    registerSecret(password);

    await cognitoLocalCall(cl.endpoint, 'SignUp', { ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] });
    const line = printed.at(-1) ?? '';
    const match = CODE_LINE.exec(line);
    expect(match?.slice(1, 3)).toEqual([email, 'SignUp']);
    const code = match?.[3] ?? '';
    registerSecret(code);
    await cognitoLocalCall(cl.endpoint, 'ConfirmSignUp', { ClientId: clientId, Username: email, ConfirmationCode: code });
    const signedIn = await cognitoLocalCall(cl.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } });
    const refreshToken = String((signedIn.AuthenticationResult as { RefreshToken?: string } | undefined)?.RefreshToken);
    registerSecret(refreshToken);

    const revoked = await fetch(`${cl.endpoint}oauth2/revoke`, { method: 'POST', body: new URLSearchParams({ token: refreshToken, client_id: clientId }) });
    expect(revoked.status).toBe(200);
    await expect(
      cognitoLocalCall(cl.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    ).rejects.toMatchObject({ type: 'NotAuthorizedException' });

    const logout = (logoutUri: string, client = clientId) =>
      fetch(`${cl.endpoint}logout?${new URLSearchParams({ client_id: client, logout_uri: logoutUri })}`, { redirect: 'manual' });
    const home = await logout('http://127.0.0.1:5002/');
    expect([home.status, home.headers.get('location')]).toEqual([302, 'http://127.0.0.1:5002/']);
    expect((await logout('https://evil.example/')).status).toBe(400);
    expect((await logout('http://127.0.0.1:5002/', 'no-such-client')).status).toBe(400);
  });
});
