import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCognitoLocal, type CognitoLocal } from './cognitoLocal';

// Raw AWS JSON 1.1 calls: deliberately independent of the library's engine.
async function call(
  endpoint: string,
  target: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  const parsed: unknown = JSON.parse(await res.text());
  return { status: res.status, body: record(parsed) };
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected an object, got ${typeof value}`);
  }
  return Object.fromEntries(Object.entries(value));
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${typeof value}`);
  return value;
}

function jwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  return record(JSON.parse(Buffer.from(string(payload), 'base64url').toString('utf8')));
}

/** Records everything written to stdout/stderr and every console.* call until `restore()`. */
function captureOutput(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const toText = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  const writeSpy = (chunk: unknown): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(writeSpy),
    vi.spyOn(process.stderr, 'write').mockImplementation(writeSpy),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        chunks.push(toText(args));
      }),
    ),
  ];
  return {
    text: () => chunks.join('\n'),
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

const running: CognitoLocal[] = [];
async function start(options?: Parameters<typeof startCognitoLocal>[0]): Promise<CognitoLocal> {
  const cl = await startCognitoLocal(options);
  running.push(cl);
  return cl;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((cl) => cl.stop()));
});

describe('startCognitoLocal', () => {
  it('starts on a loopback port with a pool and an app client', async () => {
    const t0 = performance.now();
    const cl = await start();
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(cl.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(cl.endpoint).not.toMatch(/:9229\//);
    expect(cl.userPoolId).toMatch(/^local_\w{8}$/);
    expect(cl.clientId).toMatch(/^\w+$/);
    expect(cl.issuer).toBe(`${cl.endpoint}${cl.userPoolId}`);

    const pool = await call(cl.endpoint, 'DescribeUserPool', { UserPoolId: cl.userPoolId });
    expect(pool.status).toBe(200);
    const userPool = record(pool.body.UserPool);
    expect(userPool.UsernameAttributes).toEqual([]);
    expect(userPool.AutoVerifiedAttributes).toEqual(['email']);
    expect(userPool.MfaConfiguration).toBe('OPTIONAL');

    const client = await call(cl.endpoint, 'DescribeUserPoolClient', {
      UserPoolId: cl.userPoolId,
      ClientId: cl.clientId,
    });
    expect(client.status).toBe(200);
    const appClient = record(client.body.UserPoolClient);
    expect(appClient.CallbackURLs).toEqual(['http://localhost/callback']);
    expect(appClient.LogoutURLs).toEqual(['http://localhost/']);
    expect(appClient.AllowedOAuthFlows).toEqual(['code']);
    expect(appClient.AllowedOAuthScopes).toEqual(['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']);

    const discovery = record(await (await fetch(`${cl.issuer}/.well-known/openid-configuration`)).json());
    expect(discovery.issuer).toBe(cl.issuer);
    expect(discovery.jwks_uri).toBe(`${cl.issuer}/.well-known/jwks.json`);
    const jwks = record(await (await fetch(string(discovery.jwks_uri))).json());
    expect(Array.isArray(jwks.keys) && jwks.keys.length).toBe(1);
  });

  it('signs up, captures the code silently, confirms and signs in with USER_PASSWORD_AUTH', async () => {
    const cl = await start();
    const username = 'alice';
    const password = 'Correct-Horse-9';
    const email = 'alice@example.com';
    const output = captureOutput();
    let code: string | undefined;
    let tokens: Record<string, unknown>;
    try {
      const signUp = await call(cl.endpoint, 'SignUp', {
        ClientId: cl.clientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
      expect(signUp.status).toBe(200);
      expect(signUp.body.UserConfirmed).toBe(false);

      code = cl.lastCode(username);
      expect(code).toMatch(/^\d{6}$/);
      expect(cl.codes).toEqual([{ username, code, kind: 'SignUp', destination: email }]);
      expect(cl.lastCode(email)).toBe(code);
      expect(cl.lastCode('nobody')).toBeUndefined();

      const early = await call(cl.endpoint, 'InitiateAuth', {
        ClientId: cl.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      });
      expect(early.status).toBe(400);
      expect(early.body.__type).toBe('UserNotConfirmedException');

      const wrongCode = await call(cl.endpoint, 'ConfirmSignUp', {
        ClientId: cl.clientId,
        Username: username,
        ConfirmationCode: code === '000000' ? '000001' : '000000',
      });
      expect(wrongCode.body.__type).toBe('CodeMismatchException');

      const confirm = await call(cl.endpoint, 'ConfirmSignUp', {
        ClientId: cl.clientId,
        Username: username,
        ConfirmationCode: code,
      });
      expect(confirm.status).toBe(200);

      const signIn = await call(cl.endpoint, 'InitiateAuth', {
        ClientId: cl.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      });
      expect(signIn.status).toBe(200);
      tokens = record(signIn.body.AuthenticationResult);
    } finally {
      output.restore();
    }

    const accessToken = string(tokens.AccessToken);
    const idToken = string(tokens.IdToken);
    const refreshToken = string(tokens.RefreshToken);
    const access = jwtClaims(accessToken);
    expect(access).toMatchObject({ iss: cl.issuer, token_use: 'access', client_id: cl.clientId, username });
    expect(jwtClaims(idToken)).toMatchObject({ iss: cl.issuer, aud: cl.clientId, email, 'cognito:username': username });

    const printed = output.text();
    for (const secret of [string(code), password, accessToken, idToken, refreshToken]) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toBe('');
  });

  it('supports email as username (lastCode accepts the email)', async () => {
    const cl = await start({ usernameAttributes: ['email'], mfa: 'OFF' });
    const email = 'bob@example.com';
    const signUp = await call(cl.endpoint, 'SignUp', { ClientId: cl.clientId, Username: email, Password: 'Pw-123456' });
    expect(signUp.status).toBe(200);
    const sub = string(signUp.body.UserSub);
    expect(cl.codes[0]?.username).toBe(sub);
    const confirm = await call(cl.endpoint, 'ConfirmSignUp', {
      ClientId: cl.clientId,
      Username: email,
      ConfirmationCode: cl.lastCode(email),
    });
    expect(confirm.status).toBe(200);
    const pool = record((await call(cl.endpoint, 'DescribeUserPool', { UserPoolId: cl.userPoolId })).body.UserPool);
    expect(pool.UsernameAttributes).toEqual(['email']);
    expect(pool.MfaConfiguration).toBe('OFF');
  });

  it('generates random codes even when the CODE env var is set', async () => {
    vi.stubEnv('CODE', '123456');
    try {
      const cl = await start();
      for (const username of ['u1', 'u2', 'u3']) {
        await call(cl.endpoint, 'SignUp', {
          ClientId: cl.clientId,
          Username: username,
          Password: 'Pw-123456',
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        });
      }
      expect(cl.codes.map((c) => c.code)).not.toEqual(['123456', '123456', '123456']);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('runs instances in parallel without sharing ports, ids, data or users', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.endpoint).not.toBe(b.endpoint);
    expect(a.dataDir).not.toBe(b.dataDir);
    expect(a.userPoolId).not.toBe(b.userPoolId);

    const signUp = await call(a.endpoint, 'SignUp', {
      ClientId: a.clientId,
      Username: 'carol',
      Password: 'Pw-123456',
      UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
    });
    expect(signUp.status).toBe(200);
    expect(a.lastCode('carol')).toBeDefined();
    expect(b.codes).toEqual([]);
    // b knows neither a's client nor a's user.
    const foreign = await call(b.endpoint, 'SignUp', { ClientId: a.clientId, Username: 'carol', Password: 'Pw-123456' });
    expect(foreign.body.__type).toBe('ResourceNotFoundException');
  });

  it('stop() closes the server and removes the temp data dir', async () => {
    const cl = await startCognitoLocal();
    expect(existsSync(cl.dataDir)).toBe(true);
    expect(cl.dataDir).not.toContain(`${process.cwd()}`);
    await call(cl.endpoint, 'SignUp', {
      ClientId: cl.clientId,
      Username: 'dave',
      Password: 'Pw-123456',
      UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
    });
    await cl.stop();
    expect(existsSync(cl.dataDir)).toBe(false);
    await expect(fetch(cl.endpoint)).rejects.toThrow();
    await cl.stop(); // idempotent
  });
});
